/** API.md "Moderation": suspensions, member removal, blocks; and the admin script. */
import { describe, expect, it } from 'vitest';
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { expectError } from './initiative-fixtures';
import { newInitiative, report, useModerationServer } from './moderation-fixtures';

const srv = useModerationServer();
const run = promisify(execFile);

describe('suspension', () => {
	it('suspend_author ends the sessions and refuses log-in with 403 account_suspended; restore lifts it', async () => {
		const author = await srv.person('Auteur');
		const reporter = await srv.person();
		const moderator = await srv.moderator();
		const filed = await report(reporter, { targetType: 'user', targetId: author.id, reason: 'offensive' });
		const decided = await moderator.c.post(`/api/moderation/reports/${filed.body.report.id}/decision`, {
			action: 'suspend_author',
			statement: 'Insultes répétées envers d’autres membres.'
		});
		expect(decided.status).toBe(200);
		expectError(await author.c.get('/api/me'), 401);
		const login = await author.c.post('/api/auth/login', { email: author.email, password: 'motdepasse-solide' });
		expectError(login, 403);
		expect(login.body.error.code).toBe('account_suspended');
		expect(login.body.error.message).toMatch(/suspendu/);
		expect(login.headers.getSetCookie().filter((c) => c.startsWith('kohero_session=') && !/Max-Age=0/i.test(c))).toEqual([]);
		// A wrong password still says only that.
		expectError(await author.c.post('/api/auth/login', { email: author.email, password: 'pas-le-bon-mot' }), 401);

		const again = await report(await srv.person(), { targetType: 'user', targetId: author.id });
		await moderator.c.post(`/api/moderation/reports/${again.body.report.id}/decision`, { action: 'restore', statement: 'Suspension levée après échange.' });
		expect((await author.c.post('/api/auth/login', { email: author.email, password: 'motdepasse-solide' })).status).toBe(200);
	});
});

describe('POST /api/initiatives/:id/members/:userId/remove', () => {
	it('owners and admins remove members (200); others cannot', async () => {
		const owner = await srv.person();
		const initiative = await newInitiative(owner, srv.centre());
		const [admin, member, other] = [await srv.person(), await srv.person(), await srv.person()];
		for (const p of [admin, member, other]) await p.c.post(`/api/initiatives/${initiative.id}/join`);
		await owner.c.post(`/api/initiatives/${initiative.id}/members/${admin.id}/role`, { role: 'admin' });
		const path = (userId: string) => `/api/initiatives/${initiative.id}/members/${userId}/remove`;

		expectError(await member.c.post(path(other.id)), 403);
		expectError(await admin.c.post(path(owner.id)), 403);
		expectError(await owner.c.post(path(owner.id)), 400);
		expectError(await owner.c.post(path('nope-nope-nope')), 404);
		expectError(await owner.c.post(`/api/initiatives/nope-nope-nope/members/${member.id}/remove`), 404);

		const removed = await admin.c.post(path(member.id));
		expect(removed.status).toBe(200);
		expect(removed.body).toEqual({ role: null });
		expect((await member.c.get(`/api/initiatives/${initiative.id}`)).body.viewerRole).toBeNull();
		expect((await owner.c.get(`/api/initiatives/${initiative.id}`)).body.initiative.memberCount).toBe(3);
		expect((await owner.c.post(path(admin.id))).status).toBe(200);
	});
});

describe('blocks', () => {
	it('two people who blocked one another in either direction never appear in each other’s people search', async () => {
		const at = srv.centre();
		const [a, b, c] = [await srv.person(), await srv.person(), await srv.person()];
		for (const p of [a, b, c]) await p.c.patch('/api/me', { discoverable: true, home: { lat: at.lat, lng: at.lng } });
		const near = async (p: typeof a) =>
			((await p.c.get(`/api/people/near?lat=${at.lat}&lng=${at.lng}&radiusKm=10`)).body.items as { user: { id: string } }[]).map((i) => i.user.id);
		expect(await near(a)).toContain(b.id);

		expect((await a.c.post('/api/me/blocks', { userId: b.id })).status).toBe(201);
		expect((await a.c.post('/api/me/blocks', { userId: b.id })).status).toBe(201);
		expect(await near(a)).not.toContain(b.id);
		expect(await near(b)).not.toContain(a.id);
		expect(await near(a)).toContain(c.id);
		expect((await a.c.get('/api/me/blocks')).body.items.map((i: { user: { id: string } }) => i.user.id)).toEqual([b.id]);

		const lifted = await a.c.request('DELETE', `/api/me/blocks/${b.id}`);
		expect(lifted.status).toBe(204);
		expect(await near(b)).toContain(a.id);

		expectError(await a.c.post('/api/me/blocks', { userId: a.id }), 400);
		expectError(await a.c.post('/api/me/blocks', { userId: 'nope-nope-nope' }), 404);
		expectError(await a.c.post('/api/me/blocks', {}), 400);
	});
});

describe('npm run admin -- moderator', () => {
	it('adds, lists and removes a moderator in DATA_DIR', async () => {
		const person = await srv.person();
		const env = { ...process.env, DATA_DIR: srv.server().dataDir };
		const admin = (...args: string[]) => run('npx', ['tsx', 'scripts/admin.ts', 'moderator', ...args], { env });
		await admin('add', person.email);
		expect((await admin('list')).stdout).toContain(person.email);
		expect((await person.c.get('/api/moderation/audit')).status).toBe(200);
		await admin('remove', person.email);
		expectError(await person.c.get('/api/moderation/audit'), 403);
		await expect(admin('add', 'personne@nulle-part.fr')).rejects.toThrow();
	}, 300_000);
});
