/**
 * Activity: who is told of what (and who is not), read marking, muting,
 * preferences — against the real server.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { startServer, type TestServer } from '../helpers/server';
import { connectClient, synced } from '../relay/helpers';
import { activityOf, eventually, homeAt, initiative, north, person, type Person } from './notify-fixtures';

let server: TestServer;
beforeAll(async () => {
	server = await startServer({ env: { KOHERO_DIGEST_JOB: 'off' } });
});
afterAll(async () => {
	await server?.dispose();
});

const types = (items: { type: string }[]) => items.map((i) => i.type);

describe('member_joined and role_changed', () => {
	it('tells owners and admins of a newcomer, not members nor the newcomer', async () => {
		const owner = await person(server, 'Odile');
		const admin = await person(server, 'Adam');
		const member = await person(server, 'Mia');
		const id = await initiative(owner);
		for (const p of [admin, member]) expect((await p.client.post(`/api/initiatives/${id}/join`)).status).toBe(200);
		expect((await owner.client.post(`/api/initiatives/${id}/members/${admin.id}/role`, { role: 'admin' })).status).toBe(200);
		const newcomer = await person(server, 'Nina');
		await newcomer.client.post(`/api/initiatives/${id}/join`);

		const ownerItems = await activityOf(owner);
		const joined = ownerItems.filter((i) => i.type === 'member_joined');
		expect(joined.map((i) => i.actor.displayName)).toEqual(['Nina', 'Mia', 'Adam']);
		expect(joined[0]).toMatchObject({ initiative: { id, title: 'Jardin partagé des Pentes' }, readAt: null, meeting: null });
		expect(types(await activityOf(admin))).toEqual(['member_joined', 'role_changed']);
		expect((await activityOf(admin))[0].actor.displayName).toBe('Nina');
		expect(types(await activityOf(member))).toEqual([]);
		expect(types(await activityOf(newcomer))).toEqual([]);
	});

	it('tells the person whose role changed, not the owner who changed it', async () => {
		const owner = await person(server);
		const member = await person(server);
		const id = await initiative(owner);
		await member.client.post(`/api/initiatives/${id}/join`);
		await owner.client.post(`/api/initiatives/${id}/members/${member.id}/role`, { role: 'admin' });
		const [item] = await activityOf(member);
		expect(item).toMatchObject({ type: 'role_changed', actor: { id: owner.id }, initiative: { id }, details: { role: 'admin' } });
		expect(types(await activityOf(owner))).toEqual(['member_joined']);
	});
});

describe('initiative_nearby', () => {
	it('alerts people whose own radius around their blurred home covers the new initiative', async () => {
		const place = { lat: 43.3, lng: 5.4 };
		const creator = await person(server, 'Créa');
		const near2 = await person(server); // 2 km away, default radius 5 → told
		const far7 = await person(server); // 7 km away, default 5 → not told
		const far7wide = await person(server); // 7 km away, radius 10 → told
		const near1off = await person(server); // 1 km away, radius 0 → not told
		const noHome = await person(server);
		await homeAt(server, creator, place);
		await homeAt(server, near2, north(place, 2));
		await homeAt(server, far7, north(place, 7));
		await homeAt(server, far7wide, north(place, 7));
		await homeAt(server, near1off, north(place, 1));
		expect((await far7wide.client.patch('/api/me/notifications', { nearbyRadiusKm: 10 })).status).toBe(200);
		expect((await near1off.client.patch('/api/me/notifications', { nearbyRadiusKm: 0 })).status).toBe(200);

		const id = await initiative(creator, 'Jardin partagé des Pentes', place);
		// Alerts are written just after the creator's request is answered.
		const [item] = await eventually(async () => {
			const items = await activityOf(near2);
			return items.length > 0 ? items : null;
		});
		expect(item).toMatchObject({ type: 'initiative_nearby', initiative: { id, title: 'Jardin partagé des Pentes' }, details: { distanceKm: 2 } });
		expect(types(await activityOf(far7wide))).toEqual(['initiative_nearby']);
		for (const p of [far7, near1off, noHome, creator]) expect(types(await activityOf(p))).toEqual([]);
	});
});

describe('messages and ideas (observed by the relay)', () => {
	it('tells the other members of a new message and idea, with an excerpt of at most 140 characters', async () => {
		const owner = await person(server);
		const member = await person(server);
		const outsider = await person(server);
		const id = await initiative(owner);
		await member.client.post(`/api/initiatives/${id}/join`);

		const client = connectClient(server.wsUrl, id, member.client.cookie);
		await synced(client);
		const doc = client.doc;
		const long = 'Bonjour à toutes et à tous ! '.repeat(10);
		doc.transact(() => {
			const message = new Y.Map<unknown>();
			message.set('id', 'm1');
			message.set('authorId', member.id);
			message.set('text', long);
			message.set('createdAt', new Date().toISOString());
			doc.getArray('messages').push([message]);
		});
		doc.transact(() => {
			const idea = new Y.Map<unknown>();
			idea.set('id', 'i1');
			idea.set('authorId', member.id);
			idea.set('text', 'Un composteur');
			idea.set('createdAt', new Date().toISOString());
			idea.set('votes', new Y.Map());
			doc.getArray('ideas').push([idea]);
		});
		const items = await eventually(async () => {
			const list = await activityOf(owner);
			return list.length >= 3 ? list : null;
		});
		expect(types(items)).toEqual(['idea_posted', 'message_posted', 'member_joined']);
		expect(items[1].actor).toEqual({ id: member.id, displayName: 'Camille' });
		expect([...items[1].excerpt].length).toBeLessThanOrEqual(140);
		expect(items[1].excerpt.startsWith('Bonjour à toutes')).toBe(true);
		expect(items[0].excerpt).toBe('Un composteur');
		expect(types(await activityOf(member))).toEqual([]);
		expect(types(await activityOf(outsider))).toEqual([]);
		client.destroy();
	});
});

describe('read marking, paging and muting', () => {
	async function ownerWithJoins(count: number): Promise<{ owner: Person; id: string }> {
		const owner = await person(server);
		const id = await initiative(owner);
		for (let i = 0; i < count; i++) await (await person(server, `Membre ${i}`)).client.post(`/api/initiatives/${id}/join`);
		return { owner, id };
	}

	it('pages newest first with a cursor, counts unread and marks read up to an id', async () => {
		const { owner } = await ownerWithJoins(5);
		const first = await owner.client.get('/api/me/activity?limit=2');
		expect(first.body.unread).toBe(5);
		expect(first.body.items.map((i: any) => i.actor.displayName)).toEqual(['Membre 4', 'Membre 3']);
		const second = await owner.client.get(`/api/me/activity?limit=2&cursor=${first.body.nextCursor}`);
		expect(second.body.items.map((i: any) => i.actor.displayName)).toEqual(['Membre 2', 'Membre 1']);
		const third = await owner.client.get(`/api/me/activity?limit=2&cursor=${second.body.nextCursor}`);
		expect(third.body.items).toHaveLength(1);
		expect(third.body.nextCursor).toBeNull();

		expect((await owner.client.post('/api/me/activity/read', { upTo: second.body.items[0].id })).status).toBe(204);
		const after = await owner.client.get('/api/me/activity');
		expect(after.body.unread).toBe(2);
		expect(after.body.items.map((i: any) => i.readAt === null)).toEqual([true, true, false, false, false]);
		const unread = await owner.client.get('/api/me/activity?unread=1');
		expect(unread.body.items).toHaveLength(2);
	});

	it('refuses bad input with the standard shape', async () => {
		const { owner } = await ownerWithJoins(0);
		for (const query of ['?limit=0', '?limit=500', '?cursor=abc']) {
			const res = await owner.client.get(`/api/me/activity${query}`);
			expect(res.status).toBe(400);
			expect(res.body.error.code).toBe('invalid_input');
		}
		for (const body of [{}, { upTo: 'x' }, { upTo: -1 }, []]) {
			const res = await owner.client.post('/api/me/activity/read', body);
			expect(res.status).toBe(400);
			expect(res.body.error.message).toBeTruthy();
		}
	});

	it('needs a session', async () => {
		const { Client } = await import('../helpers/client');
		const anonymous = new Client(server.url);
		expect((await anonymous.get('/api/me/activity')).status).toBe(401);
		expect((await anonymous.get('/api/me/notifications')).status).toBe(401);
		expect((await anonymous.post('/api/me/activity/read', { upTo: 1 })).status).toBe(401);
	});

	it('a muted initiative produces nothing but role changes', async () => {
		const owner = await person(server);
		const member = await person(server);
		const id = await initiative(owner);
		await member.client.post(`/api/initiatives/${id}/join`);
		expect((await owner.client.patch('/api/me/notifications', { mutedInitiatives: [id] })).body.mutedInitiatives).toEqual([id]);
		await (await person(server)).client.post(`/api/initiatives/${id}/join`);
		expect(types(await activityOf(owner))).toEqual(['member_joined']);

		expect((await member.client.patch('/api/me/notifications', { mutedInitiatives: [id] })).status).toBe(200);
		await owner.client.post(`/api/initiatives/${id}/members/${member.id}/role`, { role: 'admin' });
		expect(types(await activityOf(member))).toEqual(['role_changed']);
	});
});

describe('preferences', () => {
	it('has API.md defaults and keeps changes', async () => {
		const p = await person(server);
		const res = await p.client.get('/api/me/notifications');
		expect(res.status).toBe(200);
		expect(res.body).toEqual({ emailDigest: 'weekly', emailInstant: true, push: false, nearbyRadiusKm: 5, mutedInitiatives: [] });
		const patched = await p.client.patch('/api/me/notifications', { emailDigest: 'daily', emailInstant: false, nearbyRadiusKm: 25 });
		expect(patched.body).toMatchObject({ emailDigest: 'daily', emailInstant: false, push: false, nearbyRadiusKm: 25 });
		expect((await p.client.get('/api/me/notifications')).body.emailDigest).toBe('daily');
	});

	it('refuses an unknown frequency, a radius off the list and unknown initiatives, changing nothing', async () => {
		const p = await person(server);
		const cases: [unknown, number, string][] = [
			[{ emailDigest: 'hourly' }, 400, 'emailDigest'],
			[{ nearbyRadiusKm: 3 }, 400, 'nearbyRadiusKm'],
			[{ nearbyRadiusKm: '5' }, 400, 'nearbyRadiusKm'],
			[{ emailInstant: 'yes' }, 400, 'emailInstant'],
			[{ mutedInitiatives: 'abc' }, 400, 'mutedInitiatives'],
			[{ mutedInitiatives: ['unknown_initiative_1'] }, 404, 'mutedInitiatives'],
			[{ emailDigest: 'off', mutedInitiatives: ['unknown_initiative_2'] }, 404, 'mutedInitiatives']
		];
		for (const [body, status, field] of cases) {
			const res = await p.client.patch('/api/me/notifications', body);
			expect(res.status, JSON.stringify(body)).toBe(status);
			expect(res.body.error.fields?.[field], JSON.stringify(body)).toBeTruthy();
		}
		expect((await p.client.patch('/api/me/notifications', [])).status).toBe(400);
		expect((await p.client.get('/api/me/notifications')).body).toEqual({
			emailDigest: 'weekly', emailInstant: true, push: false, nearbyRadiusKm: 5, mutedInitiatives: []
		});
	});
});
