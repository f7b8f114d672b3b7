/** Reading initiatives with their owner, shaped as API.md's initiative. */
import { eq, inArray } from 'drizzle-orm';
import { db } from '$store/db';
import { initiatives, users, type InitiativeRow, type UserRow } from '$store/schema';
import type { Category } from '$lib/domain/validation/initiative';
import type { Initiative } from '$lib/types';
import { toPublicUser } from '../users';
import { notFound } from '../http/api-error';

const iso = (ms: number) => new Date(ms).toISOString();

/** API.md's initiative from a row and its owner. */
export function toInitiative(row: InitiativeRow, owner: UserRow): Initiative {
	return {
		id: row.id,
		title: row.title,
		summary: row.summary,
		category: row.category as Category,
		lat: row.lat,
		lng: row.lng,
		placeName: row.placeName,
		createdAt: iso(row.createdAt),
		updatedAt: iso(row.updatedAt),
		memberCount: row.memberCount,
		owner: toPublicUser(owner)
	};
}

const withOwner = () =>
	db().select({ initiative: initiatives, owner: users }).from(initiatives).innerJoin(users, eq(users.id, initiatives.ownerId));

/** The row of initiative `id`, or 404. */
export function requireInitiativeRow(id: string): InitiativeRow {
	const row = db().select().from(initiatives).where(eq(initiatives.id, id)).get();
	if (!row) throw notFound("Cette initiative n'existe pas.");
	return row;
}

/** Initiative `id` with its owner, or 404. */
export function loadInitiative(id: string): Initiative {
	const found = withOwner().where(eq(initiatives.id, id)).get();
	if (!found) throw notFound("Cette initiative n'existe pas.");
	return toInitiative(found.initiative, found.owner);
}

/** Initiatives by integer key, keyed by pk (callers keep their own order). */
export function loadInitiativesByPk(pks: number[]): Map<number, Initiative> {
	const out = new Map<number, Initiative>();
	if (pks.length === 0) return out;
	for (const found of withOwner().where(inArray(initiatives.pk, pks)).all()) {
		out.set(found.initiative.pk, toInitiative(found.initiative, found.owner));
	}
	return out;
}
