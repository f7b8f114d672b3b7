import * as v from 'valibot';
import { M } from './messages';
import { latitude, longitude } from './geo';
import { ID_PATTERN } from '../ids';
import { cleanShortText } from './short-text';

export const CATEGORIES = [
	'environment',
	'food',
	'energy',
	'mobility',
	'solidarity',
	'culture',
	'education',
	'democracy',
	'other'
] as const;
export type Category = (typeof CATEGORIES)[number];

export const initiativeId = v.pipe(v.string(M.id), v.regex(ID_PATTERN, M.id));
const title = v.pipe(v.string(M.required), v.trim(), v.minLength(3, M.tooShort), v.maxLength(120, M.tooLong), cleanShortText);
const summary = v.pipe(v.string(M.tooLong), v.trim(), v.maxLength(2000, M.tooLong));
const category = v.picklist(CATEGORIES, M.category);
const placeName = v.pipe(v.string(M.tooLong), v.trim(), v.maxLength(200, M.tooLong), cleanShortText);

/** `POST /api/initiatives`; `id` may be chosen by the client (offline creation). */
export const initiativeCreate = v.object({
	id: v.optional(initiativeId),
	title,
	summary,
	category,
	lat: latitude,
	lng: longitude,
	placeName: v.optional(placeName, '')
});

/** `PATCH /api/initiatives/:id` (owner or admin). */
export const initiativePatch = v.object({
	title: v.optional(title),
	summary: v.optional(summary),
	category: v.optional(category),
	lat: v.optional(latitude),
	lng: v.optional(longitude),
	placeName: v.optional(placeName)
});

export type InitiativeCreate = v.InferOutput<typeof initiativeCreate>;
export type InitiativePatch = v.InferOutput<typeof initiativePatch>;
