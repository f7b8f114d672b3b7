import { describe, expect, it } from 'vitest';
import { warmUpRelay } from './warm-up';

describe('warmUpRelay', () => {
	it('runs the update path in slices: timers and sockets are served before it is done', async () => {
		const order: string[] = [];
		setTimeout(() => order.push('timer'), 0);
		const done = await warmUpRelay().then((result) => {
			order.push('warmed up');
			return result;
		});
		expect(order).toEqual(['timer', 'warmed up']);
		// 64 writers × 16 rounds of edits, each applied through the integrity check.
		expect(done.updates).toBeGreaterThan(64 * 16);
	});
});
