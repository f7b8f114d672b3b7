import { describe, expect, it } from 'vitest';
import { forEachInTurns } from './turn-budget';

const nextTurn = () => new Promise((resolve) => setTimeout(resolve, 0));

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
});
