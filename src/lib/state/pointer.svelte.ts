/** Whether the main pointer is a mouse or trackpad ("cliquez") or a finger ("touchez"). */
import { MediaQuery } from 'svelte/reactivity';

const fine = new MediaQuery('(hover: hover) and (pointer: fine)', false);

/** True on a laptop or desktop with a mouse; false on phones and tablets (and during SSR). */
export function hasFinePointer(): boolean {
	return fine.current;
}
