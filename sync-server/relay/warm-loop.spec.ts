/**
 * The warm loop at its production values (1 ms, awake for 1 s after the last frame):
 * it starts on a frame, stays awake while frames come, and stops a second after the
 * last one, so an idle relay has no timer.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { WARM_LOOP_MS } from './limits';
import { WarmLoop } from './warm-loop';

describe('WarmLoop', () => {
	beforeEach(() => vi.useFakeTimers());
	afterEach(() => vi.useRealTimers());

	it('is asleep until a frame comes, then awake until a second passes without one', () => {
		const loop = new WarmLoop(WARM_LOOP_MS);
		expect(WARM_LOOP_MS).toBe(1);
		expect(loop.awake).toBe(false);
		expect(vi.getTimerCount()).toBe(0);

		loop.heard();
		expect(loop.awake).toBe(true);
		expect(vi.getTimerCount()).toBe(1);

		// Frames every 200 ms for 3 s: awake throughout, one timer only.
		for (let i = 0; i < 15; i++) {
			vi.advanceTimersByTime(200);
			loop.heard();
			expect(loop.awake).toBe(true);
		}
		expect(vi.getTimerCount()).toBe(1);

		vi.advanceTimersByTime(990);
		expect(loop.awake).toBe(true);
		vi.advanceTimersByTime(20);
		expect(loop.awake).toBe(false);
		expect(vi.getTimerCount()).toBe(0);

		// The next frame wakes it again.
		loop.heard();
		expect(loop.awake).toBe(true);
		loop.stop();
		expect(vi.getTimerCount()).toBe(0);
	});

	it('never starts a timer when turned off (interval 0)', () => {
		const loop = new WarmLoop(0);
		loop.heard();
		expect(loop.awake).toBe(false);
		expect(vi.getTimerCount()).toBe(0);
	});
});
