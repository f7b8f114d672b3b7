/**
 * The signed-in person's activity: the unread count for the bell (polled, and
 * refreshed when the tab comes back), and the list for /activity, cached on
 * the device so that it reads offline.
 */
import { api, ApiClientError } from '$lib/api/client';
import type { ActivityItem, ActivityPage } from '$lib/domain/notifications';

const POLL_MS = 60_000;

export interface ActivityGroup {
	key: string;
	initiative: ActivityItem['initiative'];
	items: ActivityItem[];
}

export class ActivityState {
	items = $state.raw<ActivityItem[]>([]);
	unread = $state(0);
	nextCursor = $state<string | null>(null);
	status = $state<'idle' | 'loading' | 'ready' | 'error'>('idle');
	/** Showing the copy of the last sync (the network failed). */
	offline = $state(false);
	/** Newest first, grouped by initiative; groups ordered by their newest item. */
	groups = $derived.by(() => {
		const groups = new Map<string, ActivityGroup>();
		for (const item of this.items) {
			const key = item.initiative?.id ?? '';
			const group = groups.get(key) ?? { key, initiative: item.initiative, items: [] };
			group.items.push(item);
			groups.set(key, group);
		}
		return [...groups.values()];
	});

	/** Refreshes the unread count only (the bell). */
	async refreshCount(): Promise<void> {
		try {
			this.unread = (await api<ActivityPage>('/api/me/activity?limit=1')).unread;
		} catch {
			/* offline: the bell keeps its last count */
		}
	}

	/** Loads the newest page; offline, falls back to the device's copy. */
	async load(): Promise<void> {
		this.status = this.items.length ? 'ready' : 'loading';
		const { readActivityCache, saveActivityCache } = await import('$lib/local/activity-cache');
		try {
			const page = await api<ActivityPage>('/api/me/activity?limit=50');
			this.items = page.items;
			this.unread = page.unread;
			this.nextCursor = page.nextCursor;
			this.offline = false;
			this.status = 'ready';
			await saveActivityCache(page.items, page.unread);
		} catch (err) {
			const cached = await readActivityCache().catch(() => null);
			if (err instanceof ApiClientError && err.isNetwork && cached) {
				this.items = cached.items;
				this.unread = cached.unread;
				this.nextCursor = null;
				this.offline = true;
				this.status = 'ready';
			} else {
				this.status = 'error';
			}
		}
	}

	/** Appends the next page. */
	async loadMore(): Promise<void> {
		if (!this.nextCursor) return;
		const page = await api<ActivityPage>(`/api/me/activity?limit=50&cursor=${encodeURIComponent(this.nextCursor)}`);
		this.items = [...this.items, ...page.items];
		this.nextCursor = page.nextCursor;
	}

	/** Marks everything up to the newest item as read. */
	async markAllRead(): Promise<void> {
		const newest = this.items[0];
		if (!newest) return;
		await api('/api/me/activity/read', { method: 'POST', body: { upTo: newest.id } });
		const now = new Date().toISOString();
		this.items = this.items.map((item) => (item.readAt ? item : { ...item, readAt: now }));
		this.unread = 0;
		const { saveActivityCache } = await import('$lib/local/activity-cache');
		await saveActivityCache(this.items, 0);
	}

	/** Polls the count while the page is open; returns the stop function. */
	watch(): () => void {
		void this.refreshCount();
		const timer = setInterval(() => void this.refreshCount(), POLL_MS);
		const onVisible = () => {
			if (document.visibilityState === 'visible') void this.refreshCount();
		};
		document.addEventListener('visibilitychange', onVisible);
		return () => {
			clearInterval(timer);
			document.removeEventListener('visibilitychange', onVisible);
		};
	}
}

/** The one activity state of the app. */
export const activity = new ActivityState();
