/** When I last viewed a document's discussion, kept per document on this device. */
const key = (docId: string) => `kohero.lastSeen.${docId}`;

export function readLastSeen(docId: string): number {
	try {
		const value = Number(localStorage.getItem(key(docId)));
		return Number.isFinite(value) ? value : 0;
	} catch {
		return 0; // storage blocked: everything counts as new, nothing breaks
	}
}

export function writeLastSeen(docId: string, time: number): void {
	try {
		if (time > readLastSeen(docId)) localStorage.setItem(key(docId), String(time));
	} catch {
		/* storage blocked */
	}
}
