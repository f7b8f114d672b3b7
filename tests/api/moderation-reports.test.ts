/** API.md "Moderation": reports, the threshold (fresh accounts not counted), hidden initiatives, the queue, decisions, the audit log. */
import { describe, expect, it } from 'vitest';
import { Client } from '../helpers/client';
import { withDb } from '../relay/helpers';
import { expectError } from './initiative-fixtures';
import { geoJsonHas, nearHas, newInitiative, report, useModerationServer, type Person } from './moderation-fixtures';

const srv = useModerationServer();

/** Whether `/sitemap.xml`, as a crawler reads it, lists initiative `id`. */
async function sitemapHas(id: string): Promise<boolean> {
	const res = await new Client(srv.server().url).get('/sitemap.xml');
	if (res.status !== 200) throw new Error(`sitemap ${res.status}`);
	return res.text.includes(`/initiatives/${id}</loc>`);
}

/** No response a non-moderator gets may name a reporter. */
function expectNoReporters(text: string, reporters: Person[]) {
	for (const r of reporters) {
		expect(text).not.toContain(r.id);
		expect(text).not.toContain(r.name);
	}
}

describe('POST /api/reports', () => {
	it('files a report (201), and the same person reporting again gets the same report (200)', async () => {
		const owner = await srv.person();
		const initiative = await newInitiative(owner, srv.centre());
		const reporter = await srv.person();
		const first = await report(reporter, { targetType: 'initiative', targetId: initiative.id, reason: 'spam', details: 'Publicité' });
		expect(first.status).toBe(201);
		expect(first.body.report).toEqual({ id: expect.any(String), status: 'open' });
		const again = await report(reporter, { targetType: 'initiative', targetId: initiative.id, reason: 'offensive' });
		expect(again.status).toBe(200);
		expect(again.body.report.id).toBe(first.body.report.id);
		const mine = await reporter.c.get('/api/me/reports');
		expect(mine.body.items).toEqual([expect.objectContaining({ id: first.body.report.id, status: 'open', reason: 'spam', targetId: initiative.id })]);
	});

	it('refuses bad input with the standard shape, and stores nothing', async () => {
		const owner = await srv.person();
		const initiative = await newInitiative(owner, srv.centre());
		const reporter = await srv.person();
		expectError(await new Client(srv.server().url).post('/api/reports', { targetType: 'initiative', targetId: initiative.id, reason: 'spam' }), 401);
		const badReason = await report(reporter, { targetType: 'initiative', targetId: initiative.id, reason: 'boring' });
		expectError(badReason, 400);
		expect(badReason.body.error.fields.reason).toMatch(/Motif/);
		expectError(await report(reporter, { targetType: 'comment', targetId: initiative.id }), 400);
		expectError(await report(reporter, { targetType: 'message', targetId: 'message-0001' }), 400);
		expectError(await report(reporter, { targetType: 'initiative', targetId: initiative.id, details: 'a\u202Eb' }), 400);
		expectError(await reporter.c.post('/api/reports', []), 400);
		expect((await reporter.c.get('/api/me/reports')).body.items).toEqual([]);
	});

	it('refuses reporting oneself or one’s own content (400)', async () => {
		const owner = await srv.person();
		const initiative = await newInitiative(owner, srv.centre());
		expectError(await report(owner, { targetType: 'user', targetId: owner.id }), 400);
		expectError(await report(owner, { targetType: 'initiative', targetId: initiative.id }), 400);
	});

	it('answers 404 for unknown targets of every kind', async () => {
		const owner = await srv.person();
		const initiative = await newInitiative(owner, srv.centre());
		const reporter = await srv.person();
		expectError(await report(reporter, { targetType: 'initiative', targetId: 'nope-nope-nope' }), 404);
		expectError(await report(reporter, { targetType: 'user', targetId: 'nope-nope-nope' }), 404);
		expectError(await report(reporter, { targetType: 'meeting', targetId: 'nope-nope-nope' }), 404);
		expectError(await report(reporter, { targetType: 'message', targetId: 'nope-nope-nope', initiativeId: initiative.id }), 404);
		expectError(await report(reporter, { targetType: 'idea', targetId: 'nope-nope-nope', initiativeId: 'nope-nope-nope' }), 404);
	});

	it('counts 30 new reports an hour per person, made-up targets included (then 429 with Retry-After); reporting the same again is not counted', async () => {
		const owner = await srv.person();
		const initiative = await newInitiative(owner, srv.centre());
		const reporter = await srv.person();
		const first = await report(reporter, { targetType: 'initiative', targetId: initiative.id, reason: 'spam' });
		expect(first.status).toBe(201);
		// Each made-up message id makes the server look through the workspace: each one counts.
		for (let i = 1; i < 30; i++) {
			expectError(await report(reporter, { targetType: 'message', targetId: `made-up-${i}`, initiativeId: initiative.id, reason: 'spam' }), 404);
		}
		const refused = await report(reporter, { targetType: 'message', targetId: 'made-up-30', initiativeId: initiative.id, reason: 'spam' });
		expectError(refused, 429);
		expect(refused.body.error.message).toMatch(/Trop de signalements/);
		expect(Number(refused.headers.get('retry-after'))).toBeGreaterThan(0);
		const again = await report(reporter, { targetType: 'initiative', targetId: initiative.id, reason: 'spam' });
		expect(again.status).toBe(200);
		expect(again.body.report.id).toBe(first.body.report.id);
		// Another person is not held back by this one.
		expect((await report(await srv.person(), { targetType: 'initiative', targetId: initiative.id, reason: 'spam' })).status).toBe(201);
	});
});

describe('the threshold and hidden initiatives', () => {
	it('hides an initiative once 3 people with accounts older than 24 h reported it; fresh accounts do not count', async () => {
		const at = srv.centre();
		const owner = await srv.person();
		const initiative = await newInitiative(owner, at, 'Compost du square');
		const stranger = await srv.person();
		const moderator = await srv.moderator();
		const veterans = [await srv.veteran(), await srv.veteran(), await srv.veteran()];
		const fresh = [await srv.person(), await srv.person(), await srv.person()];

		for (const p of [...fresh, veterans[0], veterans[1]]) {
			expect((await report(p, { targetType: 'initiative', targetId: initiative.id })).status).toBe(201);
		}
		// Five reports, two of them counted: still visible everywhere.
		expect((await stranger.c.get(`/api/initiatives/${initiative.id}`)).status).toBe(200);
		expect(await sitemapHas(initiative.id)).toBe(true);
		expect(await nearHas(stranger.c, at, initiative.id)).toBe(true);

		expect((await report(veterans[2], { targetType: 'initiative', targetId: initiative.id, reason: 'illegal' })).status).toBe(201);
		// Gone from every list and map, the text search included.
		expect(await nearHas(stranger.c, at, initiative.id)).toBe(false);
		expect(await nearHas(stranger.c, at, initiative.id, 'compost')).toBe(false);
		expect(await geoJsonHas(stranger.c, at, initiative.id)).toBe(false);
		expect(await sitemapHas(initiative.id)).toBe(false);
		expectError(await stranger.c.get(`/api/initiatives/${initiative.id}`), 404);
		expectError(await new Client(srv.server().url).get(`/api/initiatives/${initiative.id}`), 404);
		expectError(await stranger.c.get(`/api/initiatives/${initiative.id}/members`), 404);
		expectError(await stranger.c.post(`/api/initiatives/${initiative.id}/join`), 404);
		// Its owners and the moderators still see it, marked hidden.
		const seenByOwner = await owner.c.get(`/api/initiatives/${initiative.id}`);
		expect(seenByOwner.status).toBe(200);
		expect(seenByOwner.body.hidden).toBe(true);
		expect(seenByOwner.body.initiative.hidden).toBe(true);
		expect((await moderator.c.get(`/api/initiatives/${initiative.id}`)).body.hidden).toBe(true);
		// Frozen until a moderator decides.
		expectError(await owner.c.patch(`/api/initiatives/${initiative.id}`, { title: 'Autre titre' }), 409);

		// The owner sees the reports on it, never who reported.
		const ownerQueue = await owner.c.get('/api/moderation/reports?status=open');
		expect(ownerQueue.status).toBe(200);
		const group = ownerQueue.body.items.find((g: { target: { id: string } }) => g.target.id === initiative.id);
		expect(group).toMatchObject({ count: 6, reasons: { spam: 5, illegal: 1 }, target: { type: 'initiative', hidden: true } });
		expect(group.reports).toBeUndefined();
		expectNoReporters(ownerQueue.text, [...veterans, ...fresh]);
		expectNoReporters(seenByOwner.text, [...veterans, ...fresh]);

		// The moderator sees who reported, restores it, and it is back in the indexes.
		const queue = await moderator.c.get('/api/moderation/reports?status=open');
		const modGroup = queue.body.items.find((g: { target: { id: string } }) => g.target.id === initiative.id);
		expect(modGroup.reports.map((r: { reporter: { id: string } }) => r.reporter.id).sort()).toEqual([...veterans, ...fresh].map((p) => p.id).sort());
		const decided = await moderator.c.post(`/api/moderation/reports/${modGroup.id}/decision`, { action: 'restore', statement: 'Rien de contraire aux règles.' });
		expect(decided.status).toBe(200);
		expect(await nearHas(stranger.c, at, initiative.id)).toBe(true);
		expect(await nearHas(stranger.c, at, initiative.id, 'compost')).toBe(true);
		expect(await geoJsonHas(stranger.c, at, initiative.id)).toBe(true);
		expect(await sitemapHas(initiative.id)).toBe(true);
		expect((await stranger.c.get(`/api/initiatives/${initiative.id}`)).body.hidden).toBeUndefined();
		expect((await owner.c.patch(`/api/initiatives/${initiative.id}`, { title: 'Compost du square (ouvert)' })).status).toBe(200);
	});

	it('does not hide a person automatically', async () => {
		const target = await srv.person();
		const veterans = [await srv.veteran(), await srv.veteran(), await srv.veteran()];
		for (const v of veterans) expect((await report(v, { targetType: 'user', targetId: target.id })).status).toBe(201);
		expect((await target.c.get('/api/me')).status).toBe(200);
	});
});

describe('decisions and the audit log', () => {
	it('a moderator decides with a statement (200), once (409); the author receives it, without the reporters', async () => {
		const owner = await srv.person();
		const initiative = await newInitiative(owner, srv.centre());
		const reporters = [await srv.person(), await srv.person()];
		const filed = await report(reporters[0], { targetType: 'initiative', targetId: initiative.id, details: 'Je suis la voisine du 3e' });
		await report(reporters[1], { targetType: 'initiative', targetId: initiative.id });
		const moderator = await srv.moderator();
		const stranger = await srv.person();

		const path = `/api/moderation/reports/${filed.body.report.id}/decision`;
		expectError(await stranger.c.post(path, { action: 'hide', statement: 'Non.' }), 403);
		expectError(await owner.c.post(path, { action: 'dismiss', statement: 'Non.' }), 403);
		expectError(await moderator.c.post(path, { action: 'ban', statement: 'Non merci.' }), 400);
		expectError(await moderator.c.post(path, { action: 'hide' }), 400);
		expectError(await moderator.c.post('/api/moderation/reports/nope-nope-nope/decision', { action: 'hide', statement: 'Spam.' }), 404);

		const decided = await moderator.c.post(path, { action: 'hide', statement: 'Publicité commerciale répétée.' });
		expect(decided.status).toBe(200);
		expect(decided.body.decision).toMatchObject({ action: 'hide', statement: 'Publicité commerciale répétée.' });
		expectError(await moderator.c.post(path, { action: 'restore', statement: 'Finalement non.' }), 409);
		expectError(await stranger.c.get(`/api/initiatives/${initiative.id}`), 404);

		// Every report of the target is closed by the decision; the reporters see the status in their export.
		expect((await reporters[1].c.get('/api/me/reports')).body.items[0].status).toBe('closed');
		const closed = await owner.c.get('/api/moderation/reports?status=closed');
		expect(closed.body.items.find((g: { target: { id: string } }) => g.target.id === initiative.id)).toMatchObject({
			status: 'closed',
			decision: { action: 'hide', statement: 'Publicité commerciale répétée.' }
		});
		expect(closed.text).not.toContain('voisine du 3e');
		expectNoReporters(closed.text, reporters);

		// The author's own view of the decisions about them.
		const mine = await owner.c.get('/api/me/moderation');
		expect(mine.body.items[0]).toMatchObject({ action: 'hide', statement: 'Publicité commerciale répétée.', targetId: initiative.id });
		expectNoReporters(mine.text, reporters);

		// The audit log: moderators only, with who and when.
		expectError(await owner.c.get('/api/moderation/audit'), 403);
		expectError(await new Client(srv.server().url).get('/api/moderation/audit'), 401);
		const audit = await moderator.c.get('/api/moderation/audit');
		expect(audit.status).toBe(200);
		expect(audit.body.items.find((e: { targetId: string }) => e.targetId === initiative.id)).toMatchObject({
			action: 'hide',
			statement: 'Publicité commerciale répétée.',
			actor: { id: moderator.id },
			createdAt: expect.stringMatching(/^\d{4}-/)
		});
	});

	it('the queue is empty for people who run nothing, and refuses an unknown status', async () => {
		const someone = await srv.person();
		const res = await someone.c.get('/api/moderation/reports?status=open');
		expect(res.status).toBe(200);
		expect(res.body.items).toEqual([]);
		expectError(await someone.c.get('/api/moderation/reports?status=maybe'), 400);
		expectError(await new Client(srv.server().url).get('/api/moderation/reports'), 401);
	});
});

describe('meetings as targets', () => {
	/**
	 * A meeting through the meetings API when it exists; otherwise a row in a stand-in `meetings`
	 * table with the columns the moderation adapter relies on (id, initiative_id, created_by, hidden).
	 */
	async function newMeeting(owner: Person, initiativeId: string): Promise<string> {
		const startsAt = new Date(Date.now() + 7 * 86_400_000).toISOString();
		const res = await owner.c.post(`/api/initiatives/${initiativeId}/meetings`, { title: 'Atelier réparation', startsAt });
		if (res.status === 201) return res.body.meeting.id as string;
		const id = `meet_${Math.random().toString(36).slice(2, 12)}`;
		withDb(srv.server().dataDir, (sqlite) => {
			sqlite.exec('CREATE TABLE IF NOT EXISTS meetings (id TEXT PRIMARY KEY, initiative_id TEXT NOT NULL, created_by TEXT NOT NULL, title TEXT NOT NULL, hidden INTEGER NOT NULL DEFAULT 0)');
			sqlite.prepare('INSERT INTO meetings (id, initiative_id, created_by, title) VALUES (?, ?, ?, ?)').run(id, initiativeId, owner.id, 'Atelier réparation');
		});
		return id;
	}
	const hiddenColumn = (id: string) =>
		withDb(srv.server().dataDir, (sqlite) => (sqlite.prepare('SELECT hidden FROM meetings WHERE id = ?').get(id) as { hidden: number }).hidden);

	it('a meeting past the threshold is hidden pending review, and a moderator restores it', async () => {
		const owner = await srv.person();
		const initiative = await newInitiative(owner, srv.centre());
		const meetingId = await newMeeting(owner, initiative.id);
		const veterans = [await srv.veteran(), await srv.veteran(), await srv.veteran()];
		let reportId = '';
		for (const v of veterans) reportId = (await report(v, { targetType: 'meeting', targetId: meetingId, reason: 'off_topic' })).body.report.id;
		expect(hiddenColumn(meetingId)).toBe(1);
		const ownerQueue = await owner.c.get('/api/moderation/reports');
		expect(ownerQueue.body.items.find((g: { target: { id: string } }) => g.target.id === meetingId)).toMatchObject({ count: 3, target: { type: 'meeting', hidden: true, initiativeId: initiative.id } });
		const moderator = await srv.moderator();
		expect((await moderator.c.post(`/api/moderation/reports/${reportId}/decision`, { action: 'dismiss', statement: 'Rencontre conforme.' })).status).toBe(200);
		expect(hiddenColumn(meetingId)).toBe(0);
	});
});
