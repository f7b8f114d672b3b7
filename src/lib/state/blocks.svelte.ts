/**
 * The people I blocked, for the workspace (their messages and ideas are
 * collapsed) and people search. One list per page session, loaded on first use.
 */
import { api } from '$lib/api/client';

class BlocksState {
	ids = $state.raw<ReadonlySet<string>>(new Set());
	#loading: Promise<void> | null = null;

	/** Loads the list once (quietly keeps it empty offline). */
	load(): Promise<void> {
		this.#loading ??= api<{ items: { user: { id: string } }[] }>('/api/me/blocks')
			.then((body) => {
				this.ids = new Set(body.items.map((i) => i.user.id));
			})
			.catch(() => {
				this.#loading = null;
			});
		return this.#loading;
	}

	has(userId: string): boolean {
		return this.ids.has(userId);
	}

	async block(userId: string): Promise<void> {
		await api('/api/me/blocks', { method: 'POST', body: { userId } });
		this.ids = new Set([...this.ids, userId]);
	}

	async unblock(userId: string): Promise<void> {
		await api(`/api/me/blocks/${encodeURIComponent(userId)}`, { method: 'DELETE' });
		this.ids = new Set([...this.ids].filter((id) => id !== userId));
	}
}

/** The signed-in person's blocks. */
export const blocks = new BlocksState();
