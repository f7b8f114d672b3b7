/**
 * Notification preferences: one row per person, created with API.md's
 * defaults the first time it is needed (so people who set nothing get the
 * weekly digest), mutes, the mail language and the one-click unsubscribe token.
 */
import { and, eq, inArray } from 'drizzle-orm';
import { encodeBase32LowerCaseNoPadding } from '@oslojs/encoding';
import { db } from '$store/db';
import { initiatives, notificationMutes, notificationPrefs, type NotificationPrefsRow } from '$store/schema';
import { DEFAULT_PREFS, type NotificationPrefs, type PrefsPatch } from '$lib/domain/notifications';
import type { Locale } from '$lib/i18n/catalog';
import { ApiError } from '../http/api-error';

function newToken(): string {
	const bytes = new Uint8Array(20);
	crypto.getRandomValues(bytes);
	return encodeBase32LowerCaseNoPadding(bytes);
}

/** The stored preferences of `userId`, created with the defaults on first use. */
export function prefsRow(userId: string, locale?: Locale): NotificationPrefsRow {
	const existing = db().select().from(notificationPrefs).where(eq(notificationPrefs.userId, userId)).get();
	if (existing) return existing;
	return db()
		.insert(notificationPrefs)
		.values({ userId, ...DEFAULT_PREFS, locale: locale ?? 'fr', unsubscribeToken: newToken(), updatedAt: Date.now() })
		.onConflictDoUpdate({ target: notificationPrefs.userId, set: { userId } })
		.returning()
		.get();
}

/** API.md's preferences of `userId`. */
export function getPrefs(userId: string): NotificationPrefs {
	const row = prefsRow(userId);
	const muted = db()
		.select({ id: notificationMutes.initiativeId })
		.from(notificationMutes)
		.where(eq(notificationMutes.userId, userId))
		.all()
		.map((r) => r.id);
	return {
		emailDigest: row.emailDigest,
		emailInstant: row.emailInstant,
		push: row.push,
		nearbyRadiusKm: row.nearbyRadiusKm as NotificationPrefs['nearbyRadiusKm'],
		mutedInitiatives: muted.sort()
	};
}

/** Applies a validated patch; muting an unknown initiative is a 404 and changes nothing. */
export function updatePrefs(userId: string, patch: PrefsPatch, locale?: Locale): NotificationPrefs {
	prefsRow(userId, locale);
	const muted = patch.mutedInitiatives ? [...new Set(patch.mutedInitiatives)] : null;
	db().transaction((tx) => {
		if (muted) {
			const known =
				muted.length === 0
					? []
					: tx.select({ id: initiatives.id }).from(initiatives).where(inArray(initiatives.id, muted)).all();
			if (known.length !== muted.length) {
				throw new ApiError(404, 'not_found', 'Cette initiative n’existe pas.', { mutedInitiatives: 'Cette initiative n’existe pas.' });
			}
			tx.delete(notificationMutes).where(eq(notificationMutes.userId, userId)).run();
			const now = Date.now();
			for (const initiativeId of muted) tx.insert(notificationMutes).values({ userId, initiativeId, createdAt: now }).run();
		}
		const { mutedInitiatives: _ignored, ...fields } = patch;
		tx.update(notificationPrefs)
			.set({ ...fields, ...(locale ? { locale } : {}), updatedAt: Date.now() })
			.where(eq(notificationPrefs.userId, userId))
			.run();
	});
	return getPrefs(userId);
}

/** Remembers the language the person uses, for the mails they will get. */
export function rememberLocale(userId: string, locale: Locale): void {
	const row = prefsRow(userId, locale);
	if (row.locale !== locale) {
		db().update(notificationPrefs).set({ locale }).where(eq(notificationPrefs.userId, userId)).run();
	}
}

/** Whether `userId` muted `initiativeId`. */
export function isMuted(userId: string, initiativeId: string): boolean {
	return !!db()
		.select({ u: notificationMutes.userId })
		.from(notificationMutes)
		.where(and(eq(notificationMutes.userId, userId), eq(notificationMutes.initiativeId, initiativeId)))
		.get();
}

/** RFC 8058 one-click: the owner of `token` gets no digest and no instant mail. False for an unknown token. */
export function unsubscribeByToken(token: string): boolean {
	const changed = db()
		.update(notificationPrefs)
		.set({ emailDigest: 'off', emailInstant: false, updatedAt: Date.now() })
		.where(eq(notificationPrefs.unsubscribeToken, token))
		.returning({ userId: notificationPrefs.userId })
		.all();
	return changed.length > 0;
}

/** Whether `token` names someone's unsubscribe link (the GET page says so without changing anything). */
export function unsubscribeTokenExists(token: string): boolean {
	return !!db()
		.select({ u: notificationPrefs.userId })
		.from(notificationPrefs)
		.where(eq(notificationPrefs.unsubscribeToken, token))
		.get();
}
