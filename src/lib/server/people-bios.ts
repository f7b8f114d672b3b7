/**
 * The bio of each neighbour found by `findPeopleNear`: a person who chose to be
 * discoverable shows what they wrote about themselves (never anything else).
 */
import { inArray } from 'drizzle-orm';
import { db } from '$store/db';
import { users } from '$store/schema';

/**
 * `items` with `user.bio` added where the person wrote one (one query for the
 * whole page); people without a bio keep API.md's exact item shape.
 */
export function withBios<T extends { user: { id: string } }>(items: T[]): (T & { user: T['user'] & { bio?: string } })[] {
	if (items.length === 0) return [];
	const rows = db()
		.select({ id: users.id, bio: users.bio })
		.from(users)
		.where(inArray(users.id, items.map((i) => i.user.id)))
		.all();
	const bios = new Map(rows.filter((r) => r.bio.trim()).map((r) => [r.id, r.bio]));
	return items.map((item) => {
		const bio = bios.get(item.user.id);
		return bio ? { ...item, user: { ...item.user, bio } } : item;
	});
}
