/**
 * The initiatives anyone may see listed (sitemap, open data): the one place
 * that says which are public, so moderation can hide some by adding one
 * condition to `publicOnly` rather than to every list.
 */
import { asc, sql, type SQL } from 'drizzle-orm';
import { db } from '$store/db';
import { initiatives } from '$store/schema';

/** The condition an initiative must meet to be listed publicly: not hidden by moderation. */
export function publicOnly(): SQL {
	return sql`${initiatives.hidden} = 0`;
}

export interface PublicInitiativeEntry {
	id: string;
	updatedAt: string;
}

/** Sitemaps hold at most 50,000 URLs each. */
export const SITEMAP_LIMIT = 50_000;

/** Ids and last changes of public initiatives, oldest first, for `/sitemap.xml`. */
export function listPublicInitiatives(limit = SITEMAP_LIMIT): PublicInitiativeEntry[] {
	return db()
		.select({ id: initiatives.id, updatedAt: initiatives.updatedAt })
		.from(initiatives)
		.where(publicOnly())
		.orderBy(asc(initiatives.pk))
		.limit(limit)
		.all()
		.map((r) => ({ id: r.id, updatedAt: new Date(r.updatedAt).toISOString() }));
}
