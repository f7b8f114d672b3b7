/**
 * An initiative's members, to name authors and assignees. The last list is
 * kept on this device so that names still show when offline.
 */
import { api } from '$lib/api/client';
import type { Member } from '$lib/types';

const cacheKey = (id: string) => `kohero.members.${id}`;

function readCache(initiativeId: string): Member[] {
	try {
		const raw = localStorage.getItem(cacheKey(initiativeId));
		const parsed: unknown = raw ? JSON.parse(raw) : [];
		return Array.isArray(parsed) ? (parsed as Member[]) : [];
	} catch {
		return [];
	}
}

export class MembersState {
	items = $state.raw<Member[]>([]);
	#names = $derived(new Map(this.items.map((m) => [m.user.id, m.user.displayName])));

	constructor(readonly initiativeId: string) {
		this.items = readCache(initiativeId);
	}

	/** Refreshes from the API; keeps the cached list when offline. */
	async load(): Promise<void> {
		try {
			const body = await api<{ items: Member[] }>(`/api/initiatives/${encodeURIComponent(this.initiativeId)}/members`);
			this.items = body.items;
			localStorage.setItem(cacheKey(this.initiativeId), JSON.stringify(body.items));
		} catch {
			/* offline or not allowed: names fall back to the cache, then "Membre" */
		}
	}

	/** The member's name, or null when unknown (the caller shows "Membre"). */
	nameOf(userId: string | null | undefined): string | null {
		return (userId && this.#names.get(userId)) || null;
	}
}
