/**
 * Many idle connections: raw authenticated sockets that complete the upgrade
 * and the relay's greeting, then stay silent. Measures the relay's RSS.
 */
import WebSocket from 'ws';

export interface IdleResult {
	requested: number;
	opened: number;
	baselineRssMiB: number;
	rssMiB: number;
	error?: string;
}

/** Opens `count` sockets spread over `docIds`, `batch` at a time; returns them open. */
export async function openIdle(
	wsUrl: string,
	docIds: string[],
	count: number,
	cookie: string | undefined,
	batch = 250
): Promise<{ sockets: WebSocket[]; error?: string }> {
	const sockets: WebSocket[] = [];
	try {
		for (let i = 0; i < count; i += batch) {
			const size = Math.min(batch, count - i);
			const opened = await Promise.all(
				Array.from(
					{ length: size },
					(_, k) =>
						new Promise<WebSocket>((resolve, reject) => {
							const docId = docIds[(i + k) % docIds.length];
							const ws = new WebSocket(`${wsUrl}/sync/${docId}`, { headers: cookie ? { cookie } : {} });
							// The first frame is the relay's sync step 1: the connection is fully set up.
							ws.once('message', () => resolve(ws));
							ws.once('error', reject);
							ws.once('close', (code) => reject(new Error(`closed ${code}`)));
						})
				)
			);
			sockets.push(...opened);
		}
	} catch (err) {
		return { sockets, error: String(err) };
	}
	return { sockets };
}

/** Closes sockets and waits a moment for the server to see it. */
export async function closeIdle(sockets: WebSocket[]): Promise<void> {
	for (const ws of sockets) ws.terminate();
	await new Promise((r) => setTimeout(r, 500));
}
