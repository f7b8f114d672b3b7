/**
 * A new initiative in a city alerts thousands of people: the rows are written
 * after the publisher returns (the creator's request is answered first) and
 * a slice per turn, so the server answers others in between; all of them land.
 */
import { describe, expect, it } from 'vitest';
import { store } from '$store/db';
import { publish } from '../events';
import { subscribeActivity } from './on-events';
import { deliveriesSettled } from './deliver';
import { initiativeWith, useNotifyStore, user } from './spec-fixtures';

useNotifyStore();

const alertsFor = (initiativeId: string) =>
	store().sqlite.prepare("SELECT count(*) FROM activity WHERE type = 'initiative_nearby' AND initiative_id = ?").pluck().get(initiativeId) as number;
const nextTurn = () => new Promise((resolve) => setImmediate(resolve));

describe('new-initiative alerts', () => {
	it('are written after the publisher returns, a slice per turn, every one of them', async () => {
		const setHome = store().sqlite.prepare('UPDATE users SET home_blur_lat = ?, home_blur_lng = ? WHERE id = ?');
		const people = Array.from({ length: 700 }, (_, i) => user(`P${i}`));
		people.forEach((id, i) => setHome.run(45.7 + (i % 30) * 0.001, 4.8 + Math.floor(i / 30) * 0.001, id));
		const owner = user('Créa');
		const initiativeId = initiativeWith(owner, []);
		const stop = subscribeActivity();
		try {
			publish('initiative_created', { initiativeId, actorId: owner });
			const seen = [alertsFor(initiativeId)];
			while (seen[seen.length - 1] < people.length && seen.length < 50) {
				await nextTurn();
				seen.push(alertsFor(initiativeId));
			}
			await deliveriesSettled();
			expect(seen[0]).toBe(0);
			expect(seen.filter((n) => n > 0 && n < people.length).length).toBeGreaterThanOrEqual(2);
			expect(alertsFor(initiativeId)).toBe(people.length);
		} finally {
			stop();
		}
	});
});
