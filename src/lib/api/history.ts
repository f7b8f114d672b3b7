/** The workspace history as the browser reads it (API.md "History"). */
export interface HistoryEntry {
	at: string;
	bytes: number;
}

/** `GET /api/initiatives/:id/history` through SvelteKit's `fetch` (works in load functions). */
export async function fetchHistory(fetch: typeof globalThis.fetch, initiativeId: string): Promise<HistoryEntry[]> {
	const response = await fetch(`/api/initiatives/${encodeURIComponent(initiativeId)}/history`);
	if (!response.ok) throw new Error(`history: ${response.status}`);
	return ((await response.json()) as { items: HistoryEntry[] }).items;
}
