/**
 * Whether this component is live in the browser. A server-rendered button shows before the page is hydrated,
 * and a tap then does nothing; buttons whose only action is script stay disabled until this turns true.
 */
import { onMount } from 'svelte';

export function useLive(): { readonly current: boolean } {
	let live = $state(false);
	onMount(() => {
		live = true;
	});
	return {
		get current() {
			return live;
		}
	};
}
