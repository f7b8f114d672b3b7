/** Shared set-up of the meetings and invitations API tests. */
import ICAL from 'ical.js';
import { expect } from 'vitest';
import type { Client } from '../helpers/client';
import { body, LYON } from './initiative-fixtures';

/** A future Paris wall time `days` from now at `hh:mm`, with its offset (via Intl). */
export function parisIn(days: number, hh = 19, mm = 0): string {
	const d = new Date(Date.now() + days * 86_400_000);
	const date = d.toISOString().slice(0, 10);
	const local = `${date}T${String(hh).padStart(2, '0')}:${String(mm).padStart(2, '0')}:00`;
	const offset = new Intl.DateTimeFormat('en', { timeZone: 'Europe/Paris', timeZoneName: 'longOffset' })
		.formatToParts(new Date(`${date}T12:00:00Z`))
		.find((p) => p.type === 'timeZoneName')!
		.value.replace('GMT', '');
	return `${local}${offset || '+00:00'}`;
}

/** Creates an initiative owned by `c`; returns its id. */
export async function newInitiative(c: Client, overrides: Record<string, unknown> = {}): Promise<string> {
	const res = await c.post('/api/initiatives', body(overrides));
	expect(res.status).toBe(201);
	return res.body.initiative.id as string;
}

/** Schedules a meeting; returns the response. */
export function schedule(c: Client, initiativeId: string, overrides: Record<string, unknown> = {}) {
	return c.post(`/api/initiatives/${initiativeId}/meetings`, {
		title: 'Réunion de lancement',
		startsAt: parisIn(3),
		placeName: 'Salle des fêtes',
		...LYON,
		...overrides
	});
}

/** The VEVENTs of an iCalendar text, parsed by ical.js. */
export function parseEvents(text: string): ICAL.Event[] {
	const component = new ICAL.Component(ICAL.parse(text));
	for (const tz of component.getAllSubcomponents('vtimezone')) ICAL.TimezoneService.register(new ICAL.Timezone(tz));
	return component.getAllSubcomponents('vevent').map((v) => new ICAL.Event(v));
}
