/** The review queue as the signed-in person may see it, and the decisions taken from it. */
import { api } from '$lib/api/client';
import type { ModeratorAction, ReportGroup } from '$lib/domain/moderation';

export class ModerationQueue {
	items = $state.raw<ReportGroup[]>([]);
	loading = $state(true);
	failed = $state(false);
	/** Whether the answer carried reporters (only moderators get them). */
	isModerator = $derived(this.items.some((g) => g.reports !== undefined));

	constructor(readonly status: 'open' | 'closed') {}

	async load(): Promise<void> {
		this.loading = true;
		this.failed = false;
		try {
			this.items = (await api<{ items: ReportGroup[] }>(`/api/moderation/reports?status=${this.status}`)).items;
		} catch {
			this.failed = true;
		} finally {
			this.loading = false;
		}
	}

	/** Takes a decision on a group, then reloads (the group leaves the open queue). */
	async decide(group: ReportGroup, action: ModeratorAction, statement: string): Promise<void> {
		await api(`/api/moderation/reports/${encodeURIComponent(group.id)}/decision`, { method: 'POST', body: { action, statement } });
		await this.load();
	}
}
