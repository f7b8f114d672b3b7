import { describe, expect, it } from 'vitest';
import { TurnBudget, forEachInTurns, type Backlogged, type InTurns } from './turn-budget';
import { WHOLE_TURN_FRAME_BYTES } from './limits';

const nextTurn = () => new Promise((resolve) => setTimeout(resolve, 0));
const turnEnded = () => new Promise((resolve) => setImmediate(resolve));

describe('TurnBudget: a frame of a budget\'s worth', () => {
	it('fits only as the first frame of a turn, and then counts on the clock', async () => {
		const budget = new TurnBudget(1_000);
		expect(budget.fits(WHOLE_TURN_FRAME_BYTES)).toBe(true);
		// Time is left for small frames, but a second big one waits for a turn of its own.
		expect(budget.fits(100)).toBe(true);
		expect(budget.fits(WHOLE_TURN_FRAME_BYTES)).toBe(false);
		await turnEnded();
		expect(budget.fits(100)).toBe(true);
		expect(budget.fits(WHOLE_TURN_FRAME_BYTES)).toBe(false);
		await turnEnded();
		expect(budget.fits(WHOLE_TURN_FRAME_BYTES)).toBe(true);
	});

	it('lets a room waiting with one drain first in the next turn', async () => {
		const budget = new TurnBudget(1_000);
		const drained: string[] = [];
		const room = (name: string): Backlogged => ({ drain: () => (drained.push(name), true) });
		const [small, big] = [room('small'), room('big')];
		budget.later(small);
		budget.later(big, WHOLE_TURN_FRAME_BYTES);
		await nextTurn();
		expect(drained).toEqual(['big', 'small']);
		expect(budget.waiting).toBe(0);
	});
});

describe('forEachInTurns', () => {
	it('visits every item in order, one per turn when the budget is spent, the loop running in between', async () => {
		const visited: number[] = [];
		forEachInTurns([1, 2, 3], () => false, (n) => visited.push(n));
		expect(visited).toEqual([1]);
		await nextTurn();
		expect(visited).toEqual([1, 2]);
		await nextTurn();
		await nextTurn();
		expect(visited).toEqual([1, 2, 3]);
	});

	it('visits them all at once while the budget lasts, and nothing for an empty list', () => {
		const visited: number[] = [];
		forEachInTurns([1, 2, 3], () => true, (n) => visited.push(n));
		forEachInTurns([], () => true, (n: number) => visited.push(n));
		expect(visited).toEqual([1, 2, 3]);
	});

	it('says when it is done, with the time its visits took, at once for an empty list', async () => {
		const spent: number[] = [];
		const work = forEachInTurns([1, 2], () => false, () => undefined, (ms) => spent.push(ms));
		expect(work.done).toBe(false);
		await nextTurn();
		expect(work.done).toBe(true);
		expect(spent).toHaveLength(1);
		expect(spent[0]).toBeGreaterThanOrEqual(0);
		const empty = forEachInTurns([], () => true, () => undefined, (ms) => spent.push(ms));
		expect(empty.done).toBe(true);
		expect(spent).toEqual([spent[0], 0]);
	});

	it('visits nothing more once cancelled, even from inside a visit, and never says it is done', async () => {
		const visited: number[] = [];
		let finished = false;
		const work = forEachInTurns([1, 2, 3], () => false, (n) => visited.push(n), () => (finished = true));
		work.cancel();
		await nextTurn();
		// Cancelled by its own second visit, in the next turn (the first runs inside the call).
		const inside: InTurns = forEachInTurns(
			[1, 2, 3],
			() => false,
			(n) => {
				visited.push(n * 10);
				if (n === 2) inside.cancel();
			},
			() => (finished = true)
		);
		await nextTurn();
		await nextTurn();
		expect(visited).toEqual([1, 10, 20]);
		expect(finished).toBe(false);
		expect(work.done || inside.done).toBe(false);
	});
});
