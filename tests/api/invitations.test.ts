/** API.md "Invitations": links made by owners/admins, read without a session, accepted when signed in. */
import { describe, expect, it } from 'vitest';
import Database from 'better-sqlite3';
import { Client } from '../helpers/client';
import { expectError, useInitiativesServer } from './initiative-fixtures';
import { newInitiative, schedule } from './meeting-fixtures';

const { server, signedIn } = useInitiativesServer();
const DAY = 86_400_000;

describe('invitations', () => {
	it('owners/admins create links of 1–60 days; anyone reads them; a signed-in person accepts and joins', async () => {
		const { c } = await signedIn();
		const initiativeId = await newInitiative(c, { title: 'Jardin partagé', summary: 'Des légumes.', placeName: 'Lyon 7e' });
		const res = await c.post(`/api/initiatives/${initiativeId}/invites`, { expiresInDays: 10 });
		expect(res.status).toBe(201);
		const { token, url, expiresAt } = res.body.invite;
		expect(url).toBe(`${server().url}/join/${token}`);
		expect(Math.abs(Date.parse(expiresAt) - (Date.now() + 10 * DAY))).toBeLessThan(60_000);

		const anonymous = new Client(server().url);
		const read = await anonymous.get(`/api/invites/${token}`);
		expect(read.status).toBe(200);
		expect(read.body).toEqual({ initiative: { id: initiativeId, title: 'Jardin partagé', summary: 'Des légumes.', placeName: 'Lyon 7e' }, expiresAt });

		expectError(await anonymous.post(`/api/invites/${token}/accept`), 401);
		const { c: guest, user } = await signedIn('Invitée');
		const accepted = await guest.post(`/api/invites/${token}/accept`);
		expect(accepted.status).toBe(200);
		expect(accepted.body.role).toBe('member');
		expect((await guest.post(`/api/invites/${token}/accept`)).body.role).toBe('member');
		const members = (await c.get(`/api/initiatives/${initiativeId}/members`)).body.items;
		expect(members.map((m: { user: { id: string } }) => m.user.id)).toContain(user.id);
		expect((await c.get(`/api/initiatives/${initiativeId}`)).body.initiative.memberCount).toBe(2);
	});

	it('refuses non-managers (401/403), bad lengths (400), unknown (404), expired (410)', async () => {
		const { c } = await signedIn();
		const initiativeId = await newInitiative(c);
		expectError(await new Client(server().url).post(`/api/initiatives/${initiativeId}/invites`, {}), 401);
		const { c: member } = await signedIn();
		await member.post(`/api/initiatives/${initiativeId}/join`);
		expectError(await member.post(`/api/initiatives/${initiativeId}/invites`, {}), 403);
		for (const expiresInDays of [0, 61, 1.5, '7']) {
			expectError(await c.post(`/api/initiatives/${initiativeId}/invites`, { expiresInDays }), 400);
		}
		expectError(await c.post('/api/initiatives/inconnue-1234/invites', {}), 404);
		expect((await c.post(`/api/initiatives/${initiativeId}/invites`, {})).status).toBe(201);
		expectError(await c.get('/api/invites/inconnu-inconnu-inconnu'), 404);
		expectError(await c.post('/api/invites/inconnu-inconnu-inconnu/accept'), 404);

		const { token } = (await c.post(`/api/initiatives/${initiativeId}/invites`, { expiresInDays: 1 })).body.invite;
		const sqlite = new Database(`${server().dataDir}/kohero.db`);
		sqlite.prepare('UPDATE invites SET expires_at = ? WHERE token = ?').run(Date.now() - 1000, token);
		sqlite.close();
		expectError(await c.get(`/api/invites/${token}`), 410);
		const { c: late } = await signedIn();
		expectError(await late.post(`/api/invites/${token}/accept`), 410);
	});

	it('each meeting gets a link at creation, valid until 7 days after it', async () => {
		const { c } = await signedIn();
		const initiativeId = await newInitiative(c);
		const m = (await schedule(c, initiativeId, { startsAt: '2027-06-01T19:00:00+02:00' })).body.meeting;
		const token = m.inviteUrl.split('/join/')[1];
		const read = await new Client(server().url).get(`/api/invites/${token}`);
		expect(read.status).toBe(200);
		expect(read.body.initiative.id).toBe(initiativeId);
		expect(read.body.expiresAt).toBe(new Date(Date.parse('2027-06-01T21:00:00+02:00') + 7 * DAY).toISOString());
	});

	it('invite-person: managers invite a discoverable neighbour without learning their e-mail or home', async () => {
		const { c } = await signedIn();
		const initiativeId = await newInitiative(c);
		const neighbour = new Client(server().url);
		const them = await neighbour.signup({ displayName: 'Voisine' });
		await neighbour.patch('/api/me', { discoverable: true, home: { lat: 45.76, lng: 4.84 } });
		const hidden = new Client(server().url);
		const notListed = await hidden.signup({ displayName: 'Discrète' });

		const res = await c.post(`/api/initiatives/${initiativeId}/invite-person`, { userId: them.id });
		expect(res.status).toBe(200);
		expect(res.text).not.toContain(them.email);
		expect(res.text).not.toContain('45.76');
		expectError(await c.post(`/api/initiatives/${initiativeId}/invite-person`, { userId: notListed.id }), 404);
		expectError(await c.post(`/api/initiatives/${initiativeId}/invite-person`, {}), 400);
		const { c: member } = await signedIn();
		await member.post(`/api/initiatives/${initiativeId}/join`);
		expectError(await member.post(`/api/initiatives/${initiativeId}/invite-person`, { userId: them.id }), 403);
		await neighbour.post(`/api/initiatives/${initiativeId}/join`);
		expectError(await c.post(`/api/initiatives/${initiativeId}/invite-person`, { userId: them.id }), 409);
	});
	it('invite-person cannot flood a neighbour: the same person is told once per fortnight, an inviter sends 30 an hour', async () => {
		const { c } = await signedIn();
		const initiativeId = await newInitiative(c);
		const neighbour = new Client(server().url);
		const them = await neighbour.signup({ displayName: 'Voisine' });
		await neighbour.patch('/api/me', { discoverable: true });
		for (let i = 0; i < 3; i++) {
			const again = await c.post(`/api/initiatives/${initiativeId}/invite-person`, { userId: them.id });
			expect(again.status).toBe(200);
		}
		const invitations = (await neighbour.get('/api/me/activity')).body.items.filter((item: { type: string }) => item.type === 'invitation');
		expect(invitations).toHaveLength(1);

		// Production budget: 30 different people an hour, then 429 with a French message.
		const people = await Promise.all(
			Array.from({ length: 30 }, async (_, i) => {
				const person = new Client(server().url);
				const { id } = await person.signup({ displayName: `Voisin ${i}` });
				await person.patch('/api/me', { discoverable: true });
				return id as string;
			})
		);
		const answers = [];
		for (const userId of people) answers.push((await c.post(`/api/initiatives/${initiativeId}/invite-person`, { userId })).status);
		expect(answers.filter((status) => status === 200)).toHaveLength(29);
		const refused = await c.post(`/api/initiatives/${initiativeId}/invite-person`, { userId: people[29] });
		expectError(refused, 429);
		expect(refused.body.error.message).toMatch(/invitations/i);
	});
});
