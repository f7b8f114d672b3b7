/** API.md Initiatives: create, read, patch, membership and roles. */
import { describe, expect, it } from 'vitest';
import { Client } from '../helpers/client';
import { body, expectError, LYON, useInitiativesServer } from './initiative-fixtures';

const { server: currentServer, signedIn } = useInitiativesServer();

describe('create and read', () => {
	it('creates with a server id, makes the creator owner with memberCount 1', async () => {
		const { c, user } = await signedIn('Inès');
		const res = await c.post('/api/initiatives', body());
		expect(res.status).toBe(201);
		const i = res.body.initiative;
		expect(i).toMatchObject({
			title: 'Compost partagé',
			summary: 'Un bac pour le quartier.',
			category: 'environment',
			lat: LYON.lat,
			lng: LYON.lng,
			placeName: 'Lyon',
			memberCount: 1,
			owner: { id: user.id, displayName: 'Inès', kind: 'person' }
		});
		expect(i.id).toMatch(/^[A-Za-z0-9_-]{8,64}$/);
		expect(new Date(i.createdAt).toISOString()).toBe(i.createdAt);
		expect(new Date(i.updatedAt).toISOString()).toBe(i.updatedAt);

		const got = await c.get(`/api/initiatives/${i.id}`);
		expect(got.status).toBe(200);
		expect(got.body).toEqual({ initiative: i, viewerRole: 'owner' });
		const anonymous = await new Client(currentServer().url).get(`/api/initiatives/${i.id}`);
		expect(anonymous.body.viewerRole).toBeNull();
	});

	it('is idempotent on a client-chosen id for the same user, 409 for another', async () => {
		const { c } = await signedIn();
		const id = `offline-${Date.now()}`;
		const first = await c.post('/api/initiatives', body({ id }));
		expect(first.status).toBe(201);
		const again = await c.post('/api/initiatives', body({ id }));
		expect(again.status).toBe(200);
		expect(again.body.initiative).toEqual(first.body.initiative);
		const members = await c.get(`/api/initiatives/${id}/members`);
		expect(members.body.items).toHaveLength(1);

		const { c: other } = await signedIn('Autre');
		expectError(await other.post('/api/initiatives', body({ id })), 409);
		expect((await c.get(`/api/initiatives/${id}`)).body.initiative.owner.displayName).toBe('Camille');
	});

	it('requires a session to create (401) and names each invalid field (400)', async () => {
		expectError(await new Client(currentServer().url).post('/api/initiatives', body()), 401);
		const { c } = await signedIn();
		const res = await c.post('/api/initiatives', {
			id: 'court',
			title: 'ab',
			summary: 'x'.repeat(2001),
			category: 'sport',
			lat: 91,
			lng: 'est'
		});
		expectError(res, 400);
		expect(Object.keys(res.body.error.fields).sort()).toEqual(['category', 'id', 'lat', 'lng', 'summary', 'title']);
	});

	it('answers 404 in the error shape for unknown or impossible ids', async () => {
		expectError(await new Client(currentServer().url).get('/api/initiatives/inconnue-123'), 404);
		expectError(await new Client(currentServer().url).get('/api/initiatives/a'), 404);
		expectError(await new Client(currentServer().url).get('/api/initiatives/inconnue-123/members'), 404);
		const { c } = await signedIn();
		expectError(await c.post('/api/initiatives/inconnue-123/join'), 404);
		expectError(await c.patch('/api/initiatives/inconnue-123', { title: 'Nouveau titre' }), 404);
	});

	it('stores SQL and markup in text fields as plain text', async () => {
		const { c } = await signedIn();
		const title = `Robert'); DROP TABLE initiatives;-- <script>alert(1)</script>`;
		const res = await c.post('/api/initiatives', body({ title, summary: '" OR 1=1 --' }));
		expect(res.status).toBe(201);
		expect(res.body.initiative.title).toBe(title);
		expect((await c.get(`/api/initiatives/${res.body.initiative.id}`)).body.initiative.summary).toBe('" OR 1=1 --');
	});
});

describe('patch', () => {
	it('lets the owner and admins edit, 403 for others, 401 without session', async () => {
		const { c: owner } = await signedIn('Owner');
		const { initiative } = (await owner.post('/api/initiatives', body())).body;
		const res = await owner.patch(`/api/initiatives/${initiative.id}`, { title: 'Grand compost', lat: 45.75 });
		expect(res.status).toBe(200);
		expect(res.body.initiative).toMatchObject({ title: 'Grand compost', lat: 45.75, summary: initiative.summary });
		expect(res.body.initiative.updatedAt >= initiative.updatedAt).toBe(true);

		const { c: stranger, user: strangerUser } = await signedIn('Stranger');
		expectError(await stranger.patch(`/api/initiatives/${initiative.id}`, { title: 'Piraté' }), 403);
		await stranger.post(`/api/initiatives/${initiative.id}/join`);
		expectError(await stranger.patch(`/api/initiatives/${initiative.id}`, { title: 'Piraté' }), 403);
		expectError(await new Client(currentServer().url).patch(`/api/initiatives/${initiative.id}`, { title: 'Piraté' }), 401);

		const promoted = await owner.post(`/api/initiatives/${initiative.id}/members/${strangerUser.id}/role`, { role: 'admin' });
		expect(promoted.status).toBe(200);
		expect(promoted.body).toEqual({ role: 'admin' });
		const byAdmin = await stranger.patch(`/api/initiatives/${initiative.id}`, { summary: 'Par une admin' });
		expect(byAdmin.status).toBe(200);
		expect(byAdmin.body.initiative.summary).toBe('Par une admin');
		expectError(await owner.patch(`/api/initiatives/${initiative.id}`, { category: 'sport' }), 400);
	});
});

describe('membership', () => {
	it('join is idempotent, counts members, leave returns null, last owner cannot leave', async () => {
		const { c: owner, user: ownerUser } = await signedIn('Owner');
		const { initiative } = (await owner.post('/api/initiatives', body())).body;
		const path = `/api/initiatives/${initiative.id}`;
		const { c: member, user: memberUser } = await signedIn('Member');

		expect((await member.post(`${path}/join`)).body).toEqual({ role: 'member' });
		const twice = await member.post(`${path}/join`);
		expect(twice.status).toBe(200);
		expect(twice.body).toEqual({ role: 'member' });
		expect((await member.get(path)).body).toMatchObject({ viewerRole: 'member', initiative: { memberCount: 2 } });

		expectError(await new Client(currentServer().url).get(`${path}/members`), 401);
		const members = (await member.get(`${path}/members`)).body.items;
		expect(members).toEqual([
			{ user: { id: ownerUser.id, displayName: 'Owner', kind: 'person' }, role: 'owner', joinedAt: expect.any(String) },
			{ user: { id: memberUser.id, displayName: 'Member', kind: 'person' }, role: 'member', joinedAt: expect.any(String) }
		]);

		// The owner "joining" keeps their role.
		expect((await owner.post(`${path}/join`)).body).toEqual({ role: 'owner' });

		const left = await member.post(`${path}/leave`);
		expect(left.status).toBe(200);
		expect(left.body).toEqual({ role: null });
		expect((await member.post(`${path}/leave`)).body).toEqual({ role: null });
		expect((await member.get(path)).body).toMatchObject({ viewerRole: null, initiative: { memberCount: 1 } });

		const res = await owner.post(`${path}/leave`);
		expectError(res, 409);
		expect((await owner.get(path)).body.viewerRole).toBe('owner');
		expectError(await new Client(currentServer().url).post(`${path}/join`), 401);
	});

	it('only the owner changes roles; lists my initiatives with roles', async () => {
		const { c: owner } = await signedIn('Owner');
		const { initiative } = (await owner.post('/api/initiatives', body({ title: 'Repair café' }))).body;
		const path = `/api/initiatives/${initiative.id}`;
		const { c: member, user: memberUser } = await signedIn('Member');
		await member.post(`${path}/join`);
		expectError(await member.post(`${path}/members/${memberUser.id}/role`, { role: 'admin' }), 403);
		expectError(await owner.post(`${path}/members/${memberUser.id}/role`, { role: 'founder' }), 400);
		expectError(await owner.post(`${path}/members/inconnu-12345/role`, { role: 'admin' }), 404);
		await owner.post(`${path}/members/${memberUser.id}/role`, { role: 'admin' });
		expect((await member.post(`${path}/join`)).body).toEqual({ role: 'admin' });

		const mine = await member.get('/api/me/initiatives');
		expect(mine.status).toBe(200);
		expect(mine.body.items).toEqual([{ ...(await owner.get(path)).body.initiative, role: 'admin' }]);
		expectError(await new Client(currentServer().url).get('/api/me/initiatives'), 401);
	});

	it('lets the owner hand over: a co-owner is named, the founder leaves, the co-owner is shown as owner', async () => {
		const { c: founder, user: founderUser } = await signedIn('Fondatrice');
		const { initiative } = (await founder.post('/api/initiatives', body({ title: 'Jardin des Pentes' }))).body;
		const path = `/api/initiatives/${initiative.id}`;
		const { c: next, user: nextUser } = await signedIn('Relève');
		await next.post(`${path}/join`);
		expectError(await next.post(`${path}/members/${founderUser.id}/role`, { role: 'member' }), 403);
		expect((await founder.post(`${path}/members/${nextUser.id}/role`, { role: 'owner' })).body).toEqual({ role: 'owner' });
		// An owner's role is not lowered through this endpoint: an owner steps down by leaving.
		expectError(await next.post(`${path}/members/${founderUser.id}/role`, { role: 'member' }), 409);
		expect((await founder.post(`${path}/leave`)).body).toEqual({ role: null });
		const after = (await next.get(path)).body;
		expect(after.viewerRole).toBe('owner');
		expect(after.initiative.owner.id).toBe(nextUser.id);
		expect(after.initiative.memberCount).toBe(1);
		expectError(await next.post(`${path}/leave`), 409);
	});
});
