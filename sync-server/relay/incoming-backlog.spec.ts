import { describe, expect, it } from 'vitest';
import { IncomingBacklog } from './incoming-backlog';

/** A sender whose socket records whether it is read. */
function sender(name: string) {
	const state = { name, reading: true, pauses: 0 };
	return Object.assign(state, {
		ws: {
			pause: () => void ((state.reading = false), state.pauses++),
			resume: () => void (state.reading = true)
		}
	});
}

const frame = (n: number) => Uint8Array.of(0, 2, n);

describe('IncomingBacklog', () => {
	it('hands frames back in arrival order, at least one per drain, while there is time', () => {
		const backlog = new IncomingBacklog<ReturnType<typeof sender>>(10);
		const [a, b] = [sender('a'), sender('b')];
		for (let n = 0; n < 5; n++) backlog.push(n % 2 ? b : a, frame(n));
		const seen: string[] = [];
		const handle = (peer: { name: string }, data: Uint8Array) => seen.push(`${peer.name}${data[2]}`);
		expect(backlog.drain((_, first) => first, handle)).toBe(false);
		expect(seen).toEqual(['a0']);
		let budget = 2;
		expect(backlog.drain((_, first) => first || --budget > 0, handle)).toBe(false);
		expect(seen).toEqual(['a0', 'b1', 'a2']);
		expect(backlog.drain(() => true, handle)).toBe(true);
		expect(seen).toEqual(['a0', 'b1', 'a2', 'b3', 'a4']);
		expect(backlog.waiting).toBe(false);
		expect(backlog.drain(() => true, handle)).toBe(true);
	});

	it('stops before a frame that does not fit, the first one too, and shows which one waits', () => {
		const backlog = new IncomingBacklog<ReturnType<typeof sender>>(10);
		const a = sender('a');
		const big = new Uint8Array(100);
		backlog.push(a, frame(0));
		backlog.push(a, big);
		backlog.push(a, frame(2));
		const fitsSmall = (data: Uint8Array) => data.byteLength < 100;
		const seen: number[] = [];
		expect(backlog.drain(fitsSmall, (_, data) => seen.push(data.byteLength))).toBe(false);
		expect(backlog.drain(fitsSmall, (_, data) => seen.push(data.byteLength))).toBe(false);
		expect([seen, backlog.next]).toEqual([[3], big]);
		expect(backlog.drain(() => true, (_, data) => seen.push(data.byteLength))).toBe(true);
		expect([seen, backlog.next]).toEqual([[3, 100, 3], undefined]);
	});

	it('stops reading a sender past its limit, once, and reads it again when half is handled', () => {
		const backlog = new IncomingBacklog<ReturnType<typeof sender>>(4);
		const [fast, slow] = [sender('fast'), sender('slow')];
		for (let n = 0; n < 4; n++) backlog.push(fast, frame(n));
		expect(fast.reading).toBe(true);
		backlog.push(fast, frame(4));
		backlog.push(fast, frame(5));
		expect([fast.reading, fast.pauses]).toEqual([false, 1]);
		backlog.push(slow, frame(6));
		expect(slow.reading).toBe(false);
		// 7 waiting: handing back 4 leaves 3, more than half of 4.
		let budget = 4;
		backlog.drain((_, first) => first || --budget > 0, () => undefined);
		expect(fast.reading).toBe(false);
		backlog.drain((_, first) => first, () => undefined);
		expect([fast.reading, slow.reading]).toEqual([true, true]);
	});

	it('forgets a sender that left (not resumed later) and drops everything on clear', () => {
		const backlog = new IncomingBacklog<ReturnType<typeof sender>>(1);
		const gone = sender('gone');
		backlog.push(gone, frame(0));
		backlog.push(gone, frame(1));
		expect(gone.reading).toBe(false);
		backlog.forget(gone);
		backlog.drain(() => true, () => undefined);
		expect(gone.reading).toBe(false);
		backlog.push(gone, frame(2));
		backlog.clear();
		expect(backlog.waiting).toBe(false);
	});
});
