/** The initiatives the signed-in person owns or administers, fetched once per page view. */
import { api } from '$lib/api/client';
import type { Initiative, Role } from '$lib/types';

export type Managed = { id: string; title: string };
let pending: Promise<Managed[]> | null = null;

/** Owned/administered initiatives (empty when offline or none). */
export function managedInitiatives(): Promise<Managed[]> {
	pending ??= api<{ items: (Initiative & { role: Role })[] }>('/api/me/initiatives')
		.then((body) => body.items.filter((i) => i.role === 'owner' || i.role === 'admin').map((i) => ({ id: i.id, title: i.title })))
		.catch(() => {
			pending = null;
			return [];
		});
	return pending;
}
