/** The provider-based workload (stock y-websocket clients) used by bench/relay-activity.ts; the fair relay bench uses raw sockets (fair-workload.ts). */
/**
 * The shared workload: D documents × C stock WebsocketProvider clients, each
 * client making U small edits (one array push + one text insert per update).
 * Closed loop: a client's next edit waits until the other clients of its
 * document have seen the previous one, so both relays get the same offered load.
 */
import * as Y from 'yjs';
import { WebsocketProvider } from 'y-websocket';
import WebSocket from 'ws';
import { cookieWebSocket, waitFor } from '../../tests/relay/helpers';
import { percentile } from './spread';

export interface WorkloadOptions {
	wsUrl: string;
	docIds: string[];
	clientsPerDoc: number;
	updatesPerClient: number;
	/** Cookie per client slot (our relay); omitted for the reference. */
	cookies?: string[];
}

export interface WorkloadResult {
	updates: number;
	seconds: number;
	updatesPerSecond: number;
	/** Propagation latency edit → seen by another client, ms. */
	p50: number;
	p99: number;
	max: number;
}

interface BenchClient {
	doc: Y.Doc;
	provider: WebsocketProvider;
	index: number;
	/** seenFrom[s]: how many edits of client s this client has received. */
	seenFrom: number[];
}


/** Runs the workload and returns throughput and latency figures. */
export async function runWorkload(options: WorkloadOptions): Promise<WorkloadResult> {
	const { wsUrl, docIds, clientsPerDoc, updatesPerClient, cookies } = options;
	const latencies: number[] = [];
	const rooms: BenchClient[][] = docIds.map(() => []);
	/** Per room: wakes the senders waiting for their edit to be seen everywhere. */
	const wake: (() => void)[][] = docIds.map(() => []);
	docIds.forEach((docId, r) => {
		for (let index = 0; index < clientsPerDoc; index++) {
			const doc = new Y.Doc();
			const WS = cookies ? cookieWebSocket(cookies[index]) : WebSocket;
			const provider = new WebsocketProvider(`${wsUrl}/sync`, docId, doc, {
				disableBc: true,
				WebSocketPolyfill: WS as unknown as typeof globalThis.WebSocket
			});
			const client: BenchClient = { doc, provider, index, seenFrom: new Array<number>(clientsPerDoc).fill(0) };
			doc.getArray<string>('tasks').observe((event) => {
				if (event.transaction.local) return;
				const now = performance.now();
				for (const item of event.changes.added) {
					for (const value of item.content.getContent() as string[]) {
						const [sender, , at] = value.split('|');
						latencies.push(now - Number(at));
						client.seenFrom[Number(sender)]++;
					}
				}
				for (const w of wake[r].splice(0)) w();
			});
			rooms[r].push(client);
		}
	});
	const all = rooms.flat();
	await waitFor(() => all.every((c) => c.provider.synced), 'all providers synced', 120_000);

	const started = performance.now();
	await Promise.all(
		rooms.flatMap((room, r) =>
			room.map(async (client) => {
				const seenByAll = (n: number) => room.every((other) => other === client || other.seenFrom[client.index] > n);
				for (let n = 0; n < updatesPerClient; n++) {
					client.doc.transact(() => {
						client.doc.getArray<string>('tasks').push([`${client.index}|${n}|${performance.now()}`]);
						client.doc.getText('notes').insert(0, `${client.index}`);
					});
					while (!seenByAll(n)) await new Promise<void>((resolve) => wake[r].push(resolve));
				}
			})
		)
	);
	const seconds = (performance.now() - started) / 1000;
	const total = all.length * updatesPerClient;
	for (const c of all) {
		c.provider.destroy();
		c.doc.destroy();
	}
	latencies.sort((a, b) => a - b);
	return {
		updates: total,
		seconds: round(seconds),
		updatesPerSecond: Math.round(total / seconds),
		p50: round(percentile(latencies, 50)),
		p99: round(percentile(latencies, 99)),
		max: round(latencies[latencies.length - 1])
	};
}

function round(value: number): number {
	return Math.round(value * 100) / 100;
}
