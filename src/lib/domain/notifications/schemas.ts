/** Input schemas of the activity and notification endpoints; messages are i18n keys (`notify.errors.*`). */
import * as v from 'valibot';
import { DIGEST_FREQUENCIES, NEARBY_RADII_KM } from './types';

const ID = /^[A-Za-z0-9_-]{8,64}$/;
const E = {
	body: 'notify.errors.body',
	frequency: 'notify.errors.frequency',
	radius: 'notify.errors.radius',
	boolean: 'notify.errors.boolean',
	initiatives: 'notify.errors.initiatives',
	limit: 'notify.errors.limit',
	cursor: 'notify.errors.cursor',
	upTo: 'notify.errors.upTo',
	email: 'notify.errors.email',
	token: 'notify.errors.token',
	password: 'notify.errors.password',
	endpoint: 'notify.errors.endpoint',
	keys: 'notify.errors.keys'
} as const;

/** `PATCH /api/me/notifications`: any subset; `mutedInitiatives` replaces the whole list. */
export const prefsPatch = v.object(
	{
		emailDigest: v.optional(v.picklist(DIGEST_FREQUENCIES, E.frequency)),
		emailInstant: v.optional(v.boolean(E.boolean)),
		push: v.optional(v.boolean(E.boolean)),
		nearbyRadiusKm: v.optional(v.picklist(NEARBY_RADII_KM, E.radius)),
		mutedInitiatives: v.optional(
			v.pipe(v.array(v.pipe(v.string(E.initiatives), v.regex(ID, E.initiatives)), E.initiatives), v.maxLength(500, E.initiatives))
		)
	},
	'notify.errors.body'
);
export type PrefsPatch = v.InferOutput<typeof prefsPatch>;

const activityId = (message: string) =>
	v.pipe(
		v.union([v.pipe(v.number(message), v.integer(message)), v.pipe(v.string(message), v.regex(/^\d{1,15}$/, message))], message),
		v.transform(Number),
		v.minValue(1, message)
	);

/** `GET /api/me/activity` query. */
export const activityQuery = v.object({
	limit: v.optional(v.pipe(v.string(E.limit), v.regex(/^\d{1,3}$/, E.limit), v.transform(Number), v.minValue(1, E.limit), v.maxValue(100, E.limit))),
	cursor: v.optional(v.pipe(v.string(E.cursor), v.regex(/^\d{1,15}$/, E.cursor), v.transform(Number))),
	unread: v.optional(v.picklist(['1', 'true', '0', 'false'], E.boolean))
});

/** `POST /api/me/activity/read` */
export const readBody = v.object({ upTo: activityId(E.upTo) });

/** `POST /api/auth/password-reset` */
export const resetRequest = v.object({
	email: v.pipe(v.string(E.email), v.trim(), v.toLowerCase(), v.maxLength(254, E.email), v.email(E.email))
});

/** `POST /api/auth/password-reset/confirm` */
export const resetConfirm = v.object({
	token: v.pipe(v.string(E.token), v.regex(/^[a-z2-7]{16,64}$/, E.token)),
	password: v.pipe(v.string(E.password), v.minLength(10, E.password), v.maxLength(200, E.password))
});

const base64url = v.pipe(v.string(E.keys), v.regex(/^[A-Za-z0-9_-]+={0,2}$/, E.keys), v.maxLength(200, E.keys));

/** `POST /api/push/subscriptions` (a browser's PushSubscription.toJSON()). */
export const pushSubscription = v.object({
	endpoint: v.pipe(v.string(E.endpoint), v.url(E.endpoint), v.maxLength(2048, E.endpoint)),
	keys: v.object({ p256dh: base64url, auth: base64url }, E.keys)
});
export type PushSubscriptionInput = v.InferOutput<typeof pushSubscription>;

/** `DELETE /api/push/subscriptions` */
export const pushEndpoint = v.object({
	endpoint: v.pipe(v.string(E.endpoint), v.maxLength(2048, E.endpoint))
});
