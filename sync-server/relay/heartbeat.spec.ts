/**
 * The relay's heartbeat over real sockets (a relay on port 0): every socket is
 * pinged once per interval, the sockets a group at a time over the interval
 * rather than all in one turn, and a socket that stops answering is cut.
 * (At the production interval: tests/relay/presence-removal.test.ts.)
 */
import { afterEach, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import type { DocStore } from './hooks';
import { startSpecRelay, stopSpecRelay } from './spec-relay';

const INTERVAL_MS = 1000;
const SOCKETS = 25;

const store: DocStore = {
	load: async () => [],
	append: async () => undefined,
	release: async () => undefined,
	flush: async () => undefined
};

function open(url: string, user: string, options: { autoPong?: boolean } = {}): Promise<WebSocket> {
	const ws = new WebSocket(`${url}/sync/doc1?user=${user}`, options);
	return new Promise((resolve, reject) => {
		ws.once('open', () => resolve(ws));
		ws.once('error', reject);
	});
}

/** Resolves with the times (performance.now) of the socket's first `count` pings. */
function pings(ws: WebSocket, count: number): Promise<number[]> {
	const times: number[] = [];
	return new Promise((resolve) => {
		ws.on('ping', () => {
			times.push(performance.now());
			if (times.length === count) resolve(times);
		});
	});
}

afterEach(stopSpecRelay);

describe('relay heartbeat', () => {
	it('pings each socket once per interval, spreading the sockets over the interval', async () => {
		const url = await startSpecRelay(store, { pingIntervalMs: INTERVAL_MS });
		const sockets = await Promise.all(Array.from({ length: SOCKETS }, (_, i) => open(url, `u${i}`)));
		const times = await Promise.all(sockets.map((ws) => pings(ws, 2)));

		for (const [first, second] of times) {
			expect(second - first).toBeGreaterThan(INTERVAL_MS * 0.5);
			expect(second - first).toBeLessThan(INTERVAL_MS * 1.5);
		}
		// All in one burst, the first pings would arrive within a few milliseconds of each other.
		const firsts = times.map(([first]) => first);
		expect(Math.max(...firsts) - Math.min(...firsts)).toBeGreaterThan(INTERVAL_MS / 2);
		for (const ws of sockets) ws.terminate();
	});

	it('cuts a socket that stopped answering pings, and only that one', async () => {
		const url = await startSpecRelay(store, { pingIntervalMs: INTERVAL_MS });
		const openedAt = performance.now();
		const silent = await open(url, 'silent', { autoPong: false });
		const healthy = await open(url, 'healthy');
		let healthyClosed = false;
		healthy.once('close', () => (healthyClosed = true));

		const closedAt = await new Promise<number>((resolve) => silent.once('close', () => resolve(performance.now())));
		// Pinged within one interval of opening, cut one interval later (slack for a loaded machine).
		expect(closedAt - openedAt).toBeLessThan(INTERVAL_MS * 3);
		expect(healthyClosed).toBe(false);
		expect(healthy.readyState).toBe(WebSocket.OPEN);
		healthy.terminate();
	});

	it('pings no socket that keeps sending frames, and cuts one within 2.5 intervals of its last frame once it falls silent', async () => {
		const url = await startSpecRelay(store, { pingIntervalMs: INTERVAL_MS });
		const talking = await open(url, 'talking');
		const quiet = await open(url, 'quiet');
		const vanishing = await open(url, 'vanishing', { autoPong: false });
		const pingsTo = (ws: WebSocket) => {
			const seen = { count: 0 };
			ws.on('ping', () => seen.count++);
			return seen;
		};
		// A query for awareness states: a frame every socket may send.
		const say = () => {
			talking.send(Uint8Array.of(3));
			vanishing.send(Uint8Array.of(3));
		};
		say();
		const talk = setInterval(say, INTERVAL_MS / 4);
		const talkingPings = pingsTo(talking);
		const vanishingPings = pingsTo(vanishing);

		await pings(quiet, 3);
		expect(talkingPings.count).toBe(0);
		expect(vanishingPings.count).toBe(0);

		// Now it stops talking and answers no ping: a half-open socket.
		clearInterval(talk);
		const lastFrameAt = performance.now();
		const closedAt = await new Promise<number>((resolve) => vanishing.once('close', () => resolve(performance.now())));
		expect(closedAt - lastFrameAt).toBeLessThan(INTERVAL_MS * 2.5 + 300);
		expect(vanishingPings.count).toBeGreaterThanOrEqual(1);
		expect(talking.readyState).toBe(WebSocket.OPEN);
		for (const ws of [talking, quiet, vanishing]) ws.terminate();
	});
});
