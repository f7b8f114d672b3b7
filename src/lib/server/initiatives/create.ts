/** Creating an initiative, idempotent on a client-chosen id (offline outbox retries). */
import { eq } from 'drizzle-orm';
import { db } from '$store/db';
import { initiatives, memberships, type UserRow } from '$store/schema';
import { publish } from '../events';
import type { InitiativeCreate } from '$lib/domain/validation/initiative';
import { newId } from '$lib/domain/ids';
import type { Initiative } from '$lib/types';
import { conflict } from '../http/api-error';
import { loadInitiative } from './present';

export interface Created {
	initiative: Initiative;
	/** False when the same user repeated a creation with the same id. */
	created: boolean;
}

/**
 * Creates an initiative owned by `user` (who becomes its owner member).
 * The same id from the same user returns the existing one unchanged; from
 * another user it is a 409, so ids cannot be used to hijack an initiative.
 */
export function createInitiative(user: UserRow, input: InitiativeCreate): Created {
	const id = input.id ?? newId();
	const created = db().transaction((tx) => {
		const existing = tx.select().from(initiatives).where(eq(initiatives.id, id)).get();
		if (existing) {
			if (existing.ownerId === user.id) return false;
			throw conflict('id_taken', 'Cet identifiant est déjà utilisé par une autre initiative.');
		}
		const now = Date.now();
		tx.insert(initiatives)
			.values({
				id,
				ownerId: user.id,
				title: input.title,
				summary: input.summary,
				category: input.category,
				lat: input.lat,
				lng: input.lng,
				placeName: input.placeName,
				memberCount: 1,
				createdAt: now,
				updatedAt: now,
				lastActivityAt: now
			})
			.run();
		tx.insert(memberships).values({ initiativeId: id, userId: user.id, role: 'owner', joinedAt: now }).run();
		return true;
	});
	if (created) publish('membership_changed', { initiativeId: id, userId: user.id, role: 'owner' });
	if (created) publish('initiative_created', { initiativeId: id, actorId: user.id });
	return { initiative: loadInitiative(id), created };
}
