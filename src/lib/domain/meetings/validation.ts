/**
 * Meeting inputs (API.md "Meetings" and "Invitations"). Times are checked as
 * strings here and resolved in their zone by time.ts, which knows why a wall
 * time cannot be used.
 */
import * as v from 'valibot';
import { M } from '../validation/messages';
import { latitude, longitude } from '../validation/geo';
import { initiativeId } from '../validation/initiative';
import { nearQuery } from '../validation/query';

/** Control characters and bidirectional overrides never belong in a short text. */
const UNSAFE = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f\u202a-\u202e\u2066-\u2069]/;
const VISIBLE = /[^\s\u200b-\u200f\u2060\ufeff]/;

const shortText = (min: number, max: number) =>
	v.pipe(
		v.string(M.required),
		v.trim(),
		v.minLength(min, min > 0 ? M.tooShort : M.required),
		v.maxLength(max, M.tooLong),
		v.check((s) => !UNSAFE.test(s) && (s === '' || VISIBLE.test(s)), M.invalid)
	);

const title = shortText(3, 120);
const description = v.pipe(v.string(M.tooLong), v.maxLength(4000, M.tooLong), v.check((s) => !/\u0000/.test(s), M.invalid));
const placeName = shortText(0, 200);
const dateTime = v.pipe(v.string(M.invalid), v.maxLength(40, M.invalid));
const timeZone = v.pipe(v.string(M.invalid), v.maxLength(64, M.invalid));

/** `POST /api/initiatives/:id/meetings`; `id` may be chosen by the client (offline creation). */
export const meetingCreate = v.object({
	id: v.optional(initiativeId),
	title,
	startsAt: dateTime,
	endsAt: v.optional(dateTime),
	timeZone: v.optional(timeZone),
	description: v.optional(description, ''),
	placeName: v.optional(placeName, ''),
	lat: v.optional(v.nullable(latitude)),
	lng: v.optional(v.nullable(longitude))
});

/** `PATCH /api/meetings/:id` (owner/admin): any of the creation fields but the id. */
export const meetingPatch = v.object({
	title: v.optional(title),
	startsAt: v.optional(dateTime),
	endsAt: v.optional(dateTime),
	timeZone: v.optional(timeZone),
	description: v.optional(description),
	placeName: v.optional(placeName),
	lat: v.optional(v.nullable(latitude)),
	lng: v.optional(v.nullable(longitude))
});

export const RSVP_ANSWERS = ['yes', 'maybe', 'no'] as const;
export type RsvpAnswer = (typeof RSVP_ANSWERS)[number];

/** `POST /api/meetings/:id/rsvp` */
export const rsvpInput = v.object({ answer: v.picklist(RSVP_ANSWERS, M.invalid) });

/** `POST /api/initiatives/:id/invites` */
export const inviteCreate = v.object({
	expiresInDays: v.optional(
		v.pipe(v.number(M.number), v.integer(M.number), v.minValue(1, M.number), v.maxValue(60, M.number)),
		14
	)
});

/** `POST /api/initiatives/:id/invite-person` */
export const invitePersonInput = v.object({ userId: v.pipe(v.string(M.id), v.minLength(1, M.id), v.maxLength(64, M.id)) });

export type MeetingCreate = v.InferOutput<typeof meetingCreate>;
export type MeetingPatch = v.InferOutput<typeof meetingPatch>;

const DAYS = /^\d{1,3}$/;
const LIMIT = /^\d{1,4}$/;

/** `GET /api/meetings/near?lat=&lng=&radiusKm=&days=30&limit=` (lat/lng/radius as for initiatives). */
export const meetingsNearQuery = v.object({
	...v.pick(nearQuery, ['lat', 'lng', 'radiusKm']).entries,
	days: v.optional(v.pipe(v.string(M.number), v.trim(), v.regex(DAYS, M.number), v.transform(Number), v.minValue(1, M.number), v.maxValue(365, M.number)), '30'),
	limit: v.optional(v.pipe(v.string(M.limit), v.trim(), v.regex(LIMIT, M.limit), v.transform(Number), v.minValue(1, M.limit), v.maxValue(100, M.limit)), '20')
});

/** `GET /api/initiatives/:id/meetings?when=upcoming|past` */
export const meetingsListQuery = v.object({ when: v.optional(v.picklist(['upcoming', 'past'], M.invalid), 'upcoming') });
