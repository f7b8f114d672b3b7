/** When a document was last in step with the relay, kept per document on this device. */
const key = (docId: string) => `kohero.lastSynced.${docId}`;

export function readLastSynced(docId: string): number | null {
	try {
		const value = Number(localStorage.getItem(key(docId)));
		return Number.isFinite(value) && value > 0 ? value : null;
	} catch {
		return null; // storage blocked: the time is shown once the document syncs
	}
}

export function writeLastSynced(docId: string, time: number): void {
	try {
		localStorage.setItem(key(docId), String(time));
	} catch {
		/* storage blocked */
	}
}
