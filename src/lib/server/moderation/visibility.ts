/**
 * Hidden initiatives: out of every list and map (the index triggers of
 * migration 0009), and `404` for everyone but their owners/admins and moderators.
 */
import { and, eq, sql } from 'drizzle-orm';
import { db, type Db } from '$store/db';
import { perConnection } from '$store/per-connection';
import { initiatives, memberships } from '$store/schema';
import { conflict, notFound } from '../http/api-error';
import { isModerator } from './moderators';

/** Whether `userId` may still see a hidden initiative (its owners/admins, moderators). */
function mayReview(initiativeId: string, userId: string | undefined): boolean {
	if (!userId) return false;
	const role = db()
		.select({ role: memberships.role })
		.from(memberships)
		.where(and(eq(memberships.initiativeId, initiativeId), eq(memberships.userId, userId)))
		.get()?.role;
	return role === 'owner' || role === 'admin' || isModerator(userId);
}

/** Whether initiative `id` is hidden (false when unknown). */
export function isInitiativeHidden(id: string): boolean {
	return hiddenQuery(db()).get({ id })?.hidden ?? false;
}

/** Asked on every socket upgrade and most initiative requests: built and prepared once. */
const hiddenQuery = perConnection((handle: Db) =>
	handle.select({ hidden: initiatives.hidden }).from(initiatives).where(eq(initiatives.id, sql.placeholder('id'))).prepare()
);

/**
 * 404 when initiative `id` is hidden from `userId`; otherwise whether it is hidden
 * (true only for those who may review it).
 */
export function initiativeVisibility(id: string, userId: string | undefined): { hidden: boolean } {
	if (!isInitiativeHidden(id)) return { hidden: false };
	if (!mayReview(id, userId)) throw notFound("Cette initiative n'existe pas.");
	return { hidden: true };
}

/** For the relay: a hidden initiative's document is unknown to all but those who may review it. */
export function isDocHiddenFrom(initiativeId: string, userId: string): boolean {
	return isInitiativeHidden(initiativeId) && !mayReview(initiativeId, userId);
}

/** 409 while initiative `id` is hidden: it is frozen until a moderator decides. */
export function assertNotHidden(id: string): void {
	if (isInitiativeHidden(id)) {
		throw conflict('initiative_hidden', 'Cette initiative est masquée en attendant une décision de modération : elle ne peut pas être modifiée.');
	}
}

/** Hides or shows initiative `id`; the index triggers take it out of (or back into) every search. */
export function setInitiativeHidden(id: string, hidden: boolean): void {
	db().update(initiatives).set({ hidden }).where(eq(initiatives.id, id)).run();
}
