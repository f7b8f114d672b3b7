/** API.md "Meetings": scheduling, reading, editing, answers, lists, proximity, calendars. */
import { describe, expect, it } from 'vitest';
import ICAL from 'ical.js';
import { Client } from '../helpers/client';
import { expectError, LYON, useInitiativesServer } from './initiative-fixtures';
import { newInitiative, parisIn, parseEvents, schedule } from './meeting-fixtures';

const { server, signedIn, freshCentre } = useInitiativesServer();

describe('schedule and read', () => {
	it('creates a meeting (owner), ends 2 h later by default, with an invite link for managers only', async () => {
		const { c, user } = await signedIn('Inès');
		const initiativeId = await newInitiative(c);
		const res = await schedule(c, initiativeId, { startsAt: '2027-06-01T19:00:00+02:00', description: 'Ordre du jour' });
		expect(res.status).toBe(201);
		const m = res.body.meeting;
		expect(m).toMatchObject({
			initiativeId,
			title: 'Réunion de lancement',
			description: 'Ordre du jour',
			startsAt: '2027-06-01T19:00:00+02:00',
			endsAt: '2027-06-01T21:00:00+02:00',
			timeZone: 'Europe/Paris',
			placeName: 'Salle des fêtes',
			lat: LYON.lat,
			lng: LYON.lng,
			status: 'confirmed',
			attending: 0,
			viewerAnswer: null,
			createdBy: { id: user.id, displayName: 'Inès' }
		});
		expect(m.id).toMatch(/^[A-Za-z0-9_-]{8,64}$/);
		expect(m.inviteUrl).toMatch(new RegExp(`^${server().url}/join/[A-Za-z0-9_-]+$`));
		expect((await c.get(`/api/meetings/${m.id}`)).body).toEqual({ meeting: m });

		const { c: other } = await signedIn();
		const seen = await other.get(`/api/meetings/${m.id}`);
		expect(seen.status).toBe(200);
		expect(seen.body.meeting.inviteUrl).toBeUndefined();
		const anonymous = await new Client(server().url).get(`/api/meetings/${m.id}`);
		expect(anonymous.status).toBe(200);
		expect(anonymous.body.meeting.inviteUrl).toBeUndefined();
	});

	it('only owners/admins schedule (401, 403, 404 unknown initiative)', async () => {
		const { c } = await signedIn();
		const initiativeId = await newInitiative(c);
		expectError(await schedule(new Client(server().url), initiativeId), 401);
		const { c: member } = await signedIn('Membre');
		await member.post(`/api/initiatives/${initiativeId}/join`);
		expectError(await schedule(member, initiativeId), 403);
		expectError(await schedule(c, 'inconnue-1234'), 404);
	});

	it('is idempotent on a client-chosen id; another user or initiative gets 409', async () => {
		const { c } = await signedIn();
		const initiativeId = await newInitiative(c);
		const id = `reunion-${Date.now()}`;
		const first = await schedule(c, initiativeId, { id });
		expect(first.status).toBe(201);
		const again = await schedule(c, initiativeId, { id });
		expect(again.status).toBe(200);
		expect(again.body.meeting).toEqual(first.body.meeting);
		expect((await c.get(`/api/initiatives/${initiativeId}/meetings`)).body.items).toHaveLength(1);

		const { c: other } = await signedIn('Autre');
		const theirs = await newInitiative(other);
		expectError(await schedule(other, theirs, { id }), 409);
		const mine2 = await newInitiative(c);
		expectError(await schedule(c, mine2, { id }), 409);
	});

	it('refuses bad input with French messages and stores nothing', async () => {
		const { c } = await signedIn();
		const initiativeId = await newInitiative(c);
		const cases: [Record<string, unknown>, string][] = [
			[{ startsAt: '2026-03-29T02:30:00+01:00' }, 'startsAt'],
			[{ startsAt: '2026-03-29T02:30' }, 'startsAt'],
			[{ startsAt: 'demain' }, 'startsAt'],
			[{ startsAt: '2027-02-30T19:00' }, 'startsAt'],
			[{ startsAt: '2027-06-01T19:00:00+02:00', endsAt: '2027-06-01T18:00:00+02:00' }, 'endsAt'],
			[{ timeZone: 'Europe/Atlantide' }, 'timeZone'],
			[{ title: 'ab' }, 'title'],
			[{ title: 'Réunion\u202e' }, 'title'],
			[{ lat: 91 }, 'lat'],
			[{ lat: 45, lng: null }, 'lng'],
			[{ id: 'court' }, 'id']
		];
		for (const [overrides, field] of cases) {
			const res = await schedule(c, initiativeId, overrides);
			expectError(res, 400);
			expect(res.body.error.fields?.[field], JSON.stringify(overrides)).toEqual(expect.any(String));
		}
		const nonexistent = await schedule(c, initiativeId, { startsAt: '2026-03-29T02:30:00+01:00' });
		expect(nonexistent.body.error.fields.startsAt).toMatch(/n'existe pas/);
		expectError(await c.request('POST', `/api/initiatives/${initiativeId}/meetings`, '[]'), 400);
		expect((await c.get(`/api/initiatives/${initiativeId}/meetings`)).body.items).toEqual([]);
		expect((await c.get(`/api/initiatives/${initiativeId}/meetings?when=past`)).body.items).toEqual([]);
	});

	it('unknown meeting → 404 on every route', async () => {
		const { c } = await signedIn();
		for (const res of [
			await c.get('/api/meetings/inconnue-1234'),
			await c.patch('/api/meetings/inconnue-1234', { title: 'Nouveau titre' }),
			await c.post('/api/meetings/inconnue-1234/cancel'),
			await c.post('/api/meetings/inconnue-1234/rsvp', { answer: 'yes' }),
			await c.get('/api/meetings/x')
		]) {
			expectError(res, 404);
		}
	});
});

describe('edit, cancel, answer', () => {
	it('PATCH (owner/admin) keeps the duration on a new start; cancel sets status', async () => {
		const { c } = await signedIn();
		const initiativeId = await newInitiative(c);
		const m = (await schedule(c, initiativeId, { startsAt: '2027-06-01T19:00:00+02:00', endsAt: '2027-06-01T20:30:00+02:00' })).body.meeting;
		const { c: member } = await signedIn();
		await member.post(`/api/initiatives/${initiativeId}/join`);
		expectError(await member.patch(`/api/meetings/${m.id}`, { title: 'Piraté' }), 403);
		expectError(await new Client(server().url).patch(`/api/meetings/${m.id}`, { title: 'Piraté' }), 401);
		expectError(await c.patch(`/api/meetings/${m.id}`, { startsAt: '2026-03-29T02:30:00+01:00' }), 400);

		const moved = await c.patch(`/api/meetings/${m.id}`, { title: 'Réunion déplacée', startsAt: '2027-06-02T18:00:00+02:00' });
		expect(moved.status).toBe(200);
		expect(moved.body.meeting).toMatchObject({ title: 'Réunion déplacée', startsAt: '2027-06-02T18:00:00+02:00', endsAt: '2027-06-02T19:30:00+02:00' });

		expectError(await member.post(`/api/meetings/${m.id}/cancel`), 403);
		const cancelled = await c.post(`/api/meetings/${m.id}/cancel`);
		expect(cancelled.status).toBe(200);
		expect(cancelled.body.meeting.status).toBe('cancelled');
		expect((await member.get(`/api/meetings/${m.id}`)).body.meeting.status).toBe('cancelled');
	});

	it('rsvp: one answer per person, attending counts yes, viewerAnswer is mine', async () => {
		const { c } = await signedIn();
		const initiativeId = await newInitiative(c);
		const m = (await schedule(c, initiativeId)).body.meeting;
		expectError(await new Client(server().url).post(`/api/meetings/${m.id}/rsvp`, { answer: 'yes' }), 401);
		expectError(await c.post(`/api/meetings/${m.id}/rsvp`, { answer: 'oui' }), 400);
		const a = await c.post(`/api/meetings/${m.id}/rsvp`, { answer: 'yes' });
		expect(a.status).toBe(200);
		expect(a.body.meeting).toMatchObject({ attending: 1, viewerAnswer: 'yes' });
		const { c: b } = await signedIn();
		expect((await b.post(`/api/meetings/${m.id}/rsvp`, { answer: 'yes' })).body.meeting).toMatchObject({ attending: 2, viewerAnswer: 'yes' });
		expect((await b.post(`/api/meetings/${m.id}/rsvp`, { answer: 'maybe' })).body.meeting).toMatchObject({ attending: 1, viewerAnswer: 'maybe' });
		expect((await c.post(`/api/meetings/${m.id}/rsvp`, { answer: 'no' })).body.meeting).toMatchObject({ attending: 0, viewerAnswer: 'no' });
		expect((await b.get(`/api/meetings/${m.id}`)).body.meeting.viewerAnswer).toBe('maybe');
	});
});

describe('lists and proximity', () => {
	it('upcoming soonest first, past latest first', async () => {
		const { c } = await signedIn();
		const initiativeId = await newInitiative(c);
		const later = (await schedule(c, initiativeId, { title: 'Plus tard', startsAt: parisIn(10) })).body.meeting;
		const sooner = (await schedule(c, initiativeId, { title: 'Bientôt', startsAt: parisIn(2) })).body.meeting;
		const old = (await schedule(c, initiativeId, { title: 'Ancienne', startsAt: parisIn(-10) })).body.meeting;
		const older = (await schedule(c, initiativeId, { title: 'Très ancienne', startsAt: parisIn(-20) })).body.meeting;
		const up = await c.get(`/api/initiatives/${initiativeId}/meetings?when=upcoming`);
		expect(up.body.items.map((m: { id: string }) => m.id)).toEqual([sooner.id, later.id]);
		expect((await c.get(`/api/initiatives/${initiativeId}/meetings`)).body.items).toEqual(up.body.items);
		const past = await c.get(`/api/initiatives/${initiativeId}/meetings?when=past`);
		expect(past.body.items.map((m: { id: string }) => m.id)).toEqual([old.id, older.id]);
		expectError(await c.get(`/api/initiatives/${initiativeId}/meetings?when=demain`), 400);
		expectError(await c.get('/api/initiatives/inconnue-1234/meetings'), 404);
	});

	it('near: confirmed upcoming meetings within radius and days, soonest first, with distanceKm', async () => {
		const { c } = await signedIn();
		const centre = freshCentre();
		const initiativeId = await newInitiative(c, centre);
		const at = (dLat: number) => ({ lat: centre.lat + dLat, lng: centre.lng });
		const inTen = (await schedule(c, initiativeId, { title: 'Dans dix jours', startsAt: parisIn(10), ...at(0.01) })).body.meeting;
		const inTwo = (await schedule(c, initiativeId, { title: 'Dans deux jours', startsAt: parisIn(2), ...at(0.02) })).body.meeting;
		await schedule(c, initiativeId, { title: 'Trop loin', startsAt: parisIn(3), ...at(0.5) });
		await schedule(c, initiativeId, { title: 'Trop tard', startsAt: parisIn(40), ...at(0.01) });
		await schedule(c, initiativeId, { title: 'Passée', startsAt: parisIn(-3), ...at(0.01) });
		const cancelled = (await schedule(c, initiativeId, { title: 'Annulée', startsAt: parisIn(4), ...at(0.01) })).body.meeting;
		await c.post(`/api/meetings/${cancelled.id}/cancel`);
		await schedule(c, initiativeId, { title: 'Sans lieu', startsAt: parisIn(4), lat: null, lng: null });

		const res = await new Client(server().url).get(`/api/meetings/near?lat=${centre.lat}&lng=${centre.lng}&radiusKm=10`);
		expect(res.status).toBe(200);
		expect(res.body.items.map((m: { id: string }) => m.id)).toEqual([inTwo.id, inTen.id]);
		expect(res.body.items[0].distanceKm).toBeCloseTo(2.2, 0);
		const week = await c.get(`/api/meetings/near?lat=${centre.lat}&lng=${centre.lng}&radiusKm=10&days=7`);
		expect(week.body.items.map((m: { id: string }) => m.id)).toEqual([inTwo.id]);
		expectError(await c.get('/api/meetings/near?lat=abc&lng=2'), 400);
		expectError(await c.get(`/api/meetings/near?lat=${centre.lat}&lng=${centre.lng}&radiusKm=500`), 400);
		expectError(await c.get(`/api/meetings/near?lat=${centre.lat}&lng=${centre.lng}&days=0`), 400);

		const feed = await c.get(`/api/initiatives/near?lat=${centre.lat}&lng=${centre.lng}&radiusKm=5`);
		expect(feed.body.items.find((i: { id: string }) => i.id === initiativeId).nextMeetingAt).toBe(new Date(inTwo.startsAt).toISOString());
	});

	it('hidden meetings leave every list, near and ICS; GET → 404 except owners/admins who see hidden: true', async () => {
		const { c } = await signedIn();
		const centre = freshCentre();
		const initiativeId = await newInitiative(c, centre);
		const m = (await schedule(c, initiativeId, { startsAt: parisIn(2), ...centre })).body.meeting;
		const { c: member } = await signedIn();
		await member.post(`/api/initiatives/${initiativeId}/join`);
		// Moderation sets the column directly (its own engineer's API); here through SQLite.
		const Database = (await import('better-sqlite3')).default;
		const sqlite = new Database(`${server().dataDir}/kohero.db`);
		sqlite.prepare('UPDATE meetings SET hidden = 1 WHERE id = ?').run(m.id);
		sqlite.close();

		expectError(await member.get(`/api/meetings/${m.id}`), 404);
		expectError(await member.post(`/api/meetings/${m.id}/rsvp`, { answer: 'yes' }), 404);
		expect((await member.get(`/api/initiatives/${initiativeId}/meetings`)).body.items).toEqual([]);
		expect((await member.get(`/api/meetings/near?lat=${centre.lat}&lng=${centre.lng}`)).body.items).toEqual([]);
		expect(parseEvents((await member.get(`/api/initiatives/${initiativeId}/meetings.ics`)).text)).toEqual([]);
		const owner = await c.get(`/api/meetings/${m.id}`);
		expect(owner.body.meeting.hidden).toBe(true);
		expect((await c.get(`/api/initiatives/${initiativeId}/meetings`)).body.items[0].hidden).toBe(true);
	});
});

describe('calendars', () => {
	it('ICS: TZID + VTIMEZONE, 19:00 Paris on both sides of both 2026 changes, SEQUENCE grows, CANCELLED', async () => {
		const { c } = await signedIn();
		const initiativeId = await newInitiative(c);
		const times = ['2026-03-28T19:00:00+01:00', '2026-03-29T19:00:00+02:00', '2026-10-24T19:00:00+02:00', '2026-10-25T19:00:00+01:00'];
		const ids: string[] = [];
		for (const startsAt of times) ids.push((await schedule(c, initiativeId, { startsAt })).body.meeting.id);

		const anonymous = new Client(server().url);
		const res = await anonymous.get(`/api/initiatives/${initiativeId}/meetings.ics`);
		expect(res.status).toBe(200);
		expect(res.headers.get('content-type')).toBe('text/calendar; charset=utf-8');
		expect(res.text).toContain('BEGIN:VTIMEZONE\r\nTZID:Europe/Paris');
		expect(res.text).toContain('DTSTART;TZID=Europe/Paris:20260329T190000');
		const events = parseEvents(res.text);
		expect(events).toHaveLength(4);
		for (const [i, startsAt] of times.entries()) {
			const event = events.find((e) => e.uid.startsWith(ids[i]))!;
			expect(event.startDate.zone?.tzid).toBe('Europe/Paris');
			expect(event.startDate.hour).toBe(19);
			expect(event.startDate.toUnixTime() * 1000).toBe(Date.parse(startsAt));
			expect(event.endDate.toUnixTime() - event.startDate.toUnixTime()).toBe(7200);
			expect(event.summary).toBe('Réunion de lancement');
			expect(event.location).toBe('Salle des fêtes');
			const vevent = event.component;
			expect(vevent.getFirstPropertyValue('dtstamp')).toBeTruthy();
			expect(vevent.getFirstPropertyValue('url')).toBe(`${server().url}/initiatives/${initiativeId}`);
			expect(vevent.getFirstPropertyValue('geo')).toEqual([LYON.lat, LYON.lng]);
			expect(event.sequence).toBe(0);
		}
		await c.patch(`/api/meetings/${ids[0]}`, { title: 'Nouveau titre' });
		await c.post(`/api/meetings/${ids[0]}/cancel`);
		const after = parseEvents((await anonymous.get(`/api/initiatives/${initiativeId}/meetings.ics`)).text).find((e) => e.uid.startsWith(ids[0]))!;
		expect(after.sequence).toBe(2);
		expect(after.component.getFirstPropertyValue('status')).toBe('CANCELLED');
		expect(after.summary).toBe('Nouveau titre');
		expect(events.find((e) => e.uid.startsWith(ids[0]))!.uid).toBe(after.uid);
		expect(ICAL.Time.fromDateTimeString('2026-03-29T19:00:00').hour).toBe(19);
	});

	it('private feed: POST /api/me/calendar → url; meetings of my initiatives; posting again → old url 404', async () => {
		const { c } = await signedIn();
		const initiativeId = await newInitiative(c);
		const m = (await schedule(c, initiativeId)).body.meeting;
		const { c: stranger } = await signedIn();
		const theirs = await newInitiative(stranger);
		await schedule(stranger, theirs, { title: 'Pas la mienne' });

		expectError(await new Client(server().url).post('/api/me/calendar'), 401);
		const first = await c.post('/api/me/calendar');
		expect(first.status).toBe(201);
		expect(first.body.url).toMatch(new RegExp(`^${server().url}/ical/[A-Za-z0-9_-]+\\.ics$`));
		const path = new URL(first.body.url).pathname;
		const feed = await new Client(server().url).get(path);
		expect(feed.status).toBe(200);
		expect(feed.headers.get('content-type')).toBe('text/calendar; charset=utf-8');
		expect(parseEvents(feed.text).map((e) => e.uid)).toEqual([`${m.id}@kohero`]);

		const second = await c.post('/api/me/calendar');
		expect(second.body.url).not.toBe(first.body.url);
		expect((await new Client(server().url).get(path)).status).toBe(404);
		expect((await new Client(server().url).get(new URL(second.body.url).pathname)).status).toBe(200);
		expect((await new Client(server().url).get('/ical/pas-un-secret.ics')).status).toBe(404);
	});
});
