/** "Mes initiatives": the ones a person owns or joined. */
import { and, desc, eq, ne, or } from 'drizzle-orm';
import { db } from '$store/db';
import { initiatives, memberships, users, type Role } from '$store/schema';
import type { Initiative } from '$lib/types';
import { toInitiative } from './present';

export type MyInitiative = Initiative & { role: Role };

/** Initiatives `userId` belongs to, most recently active first, with their role. */
export function listMyInitiatives(userId: string): MyInitiative[] {
	return db()
		.select({ initiative: initiatives, owner: users, role: memberships.role })
		.from(memberships)
		.innerJoin(initiatives, eq(initiatives.id, memberships.initiativeId))
		.innerJoin(users, eq(users.id, initiatives.ownerId))
		// A hidden initiative stays listed for those who run it (they may review it), not for members.
		.where(and(eq(memberships.userId, userId), or(eq(initiatives.hidden, false), ne(memberships.role, 'member'))))
		.orderBy(desc(initiatives.lastActivityAt), desc(initiatives.pk))
		.limit(500)
		.all()
		.map((r) => ({ ...toInitiative(r.initiative, r.owner), role: r.role }));
}
