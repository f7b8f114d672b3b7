/** Editing an initiative: owners and admins only. */
import { eq } from 'drizzle-orm';
import { db } from '$store/db';
import { initiatives, type InitiativeRow, type UserRow } from '$store/schema';
import type { InitiativePatch } from '$lib/domain/validation/initiative';
import type { Initiative } from '$lib/types';
import { forbidden } from '../http/api-error';
import { loadInitiative, requireInitiativeRow } from './present';
import { roleOf } from './membership';

/** Applies `patch` to initiative `id` if `user` is its owner or an admin (else 403; 404 if unknown). */
export function patchInitiative(user: UserRow, id: string, patch: InitiativePatch): Initiative {
	requireInitiativeRow(id);
	const role = roleOf(id, user.id);
	if (role !== 'owner' && role !== 'admin') {
		throw forbidden('Seuls les responsables de cette initiative peuvent la modifier.');
	}
	const set: Partial<InitiativeRow> = {};
	for (const key of ['title', 'summary', 'category', 'lat', 'lng', 'placeName'] as const) {
		if (patch[key] !== undefined) (set as Record<string, unknown>)[key] = patch[key];
	}
	if (Object.keys(set).length > 0) {
		const now = Date.now();
		// The R*Tree and FTS5 triggers fire inside this same statement's transaction.
		db()
			.update(initiatives)
			.set({ ...set, updatedAt: now, lastActivityAt: now })
			.where(eq(initiatives.id, id))
			.run();
	}
	return loadInitiative(id);
}
