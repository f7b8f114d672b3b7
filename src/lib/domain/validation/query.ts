/**
 * Query-string schemas for the proximity endpoints. Inputs are strings (an
 * empty parameter counts as absent, so `?category=&q=` is fine); outputs are numbers.
 */
import * as v from 'valibot';
import { M } from './messages';
import { latitude, longitude } from './geo';
import { CATEGORIES } from './initiative';
import { ROLES } from '../sync-contract';
import { skill } from './account';

const NUMBER = /^[-+]?(\d+\.?\d*|\.\d+)([eE][-+]?\d+)?$/;

/** A decimal number written in a query string. */
const numeric = (message: string) => v.pipe(v.string(message), v.trim(), v.regex(NUMBER, message), v.transform(Number));

export const DEFAULT_RADIUS_KM = 10;
export const DEFAULT_LIMIT = 20;

const radiusKm = v.pipe(numeric(M.radius), v.gtValue(0, M.radius), v.maxValue(200, M.radius));
const lat = v.pipe(numeric(M.lat), latitude);
const lng = v.pipe(numeric(M.lng), longitude);

/** `GET /api/initiatives/near` */
export const nearQuery = v.object({
	lat,
	lng,
	radiusKm: v.optional(radiusKm),
	limit: v.optional(v.pipe(v.string(M.limit), v.trim(), v.regex(/^\d{1,4}$/, M.limit), v.transform(Number), v.minValue(1, M.limit), v.maxValue(100, M.limit))),
	category: v.optional(v.picklist(CATEGORIES, M.category)),
	q: v.optional(v.pipe(v.string(M.query), v.trim(), v.maxLength(200, M.query))),
	cursor: v.optional(v.pipe(v.string(M.cursor), v.maxLength(512, M.cursor)))
});
export type NearQuery = v.InferOutput<typeof nearQuery>;

/** `GET /api/people/near` */
export const peopleNearQuery = v.object({
	lat,
	lng,
	radiusKm: v.optional(radiusKm),
	skill: v.optional(skill)
});
export type PeopleNearQuery = v.InferOutput<typeof peopleNearQuery>;

/** `bbox=minLng,minLat,maxLng,maxLat`; minLng > maxLng means the box crosses the antimeridian. */
export const bboxQuery = v.object({
	bbox: v.optional(
		v.pipe(
			v.string(M.bbox),
			v.transform((text) => text.split(',').map((part) => (NUMBER.test(part.trim()) ? Number(part) : NaN))),
			v.check(
				(n) =>
					n.length === 4 &&
					n[0] >= -180 && n[0] <= 180 && n[2] >= -180 && n[2] <= 180 &&
					n[1] >= -90 && n[1] <= 90 && n[3] >= -90 && n[3] <= 90 &&
					n[1] <= n[3],
				M.bbox
			),
			v.transform(([minLng, minLat, maxLng, maxLat]) => ({ minLng, minLat, maxLng, maxLat }))
		)
	)
});
export type BboxQuery = v.InferOutput<typeof bboxQuery>;

/** `POST /api/initiatives/:id/members/:userId/role` */
export const roleChange = v.object({ role: v.picklist(ROLES, M.role) });

/** Query parameters as an object, empty values left out (they mean "not given"). */
export function queryObject(params: URLSearchParams): Record<string, string> {
	const out: Record<string, string> = {};
	for (const [key, value] of params) if (value !== '' && !(key in out)) out[key] = value;
	return out;
}
