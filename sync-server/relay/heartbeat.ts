/**
 * Drops dead sockets: each one is pinged once per interval, and one that has not
 * answered the previous ping by then is cut. The pings are spread over the
 * interval: a socket joins one of SLOTS groups, and each tick pings one group.
 * Pinging every socket in the same tick made a burst of system calls (one write
 * per socket) that held back the updates arriving meanwhile — every interval, the
 * relay's worst few latencies.
 *
 * A frame is a sign of life too: a socket heard from in the half interval before
 * its group's tick is not pinged then (a busy document's writers answer no pings,
 * and their pongs would wake the loop once more each). One silent since is pinged
 * at its next tick and cut at the one after: at most 2.5 intervals after its last
 * frame or pong (12.5 s at 5 s), 2 when it was pinged.
 */
import type { TurnBudget } from './turn-budget';
import { forEachInTurns } from './turn-budget';

/** Ticks per interval (5 s interval: one group every 200 ms). */
export const SLOTS = 25;

/** What the heartbeat needs of a connection. */
export interface Pingable {
	/** Cleared on every ping, set again by the pong. */
	alive: boolean;
	/** The heartbeat's `ticks` when the socket last sent a frame (`heard`). */
	heardInTick: number;
	ws: { ping(): void; terminate(): void };
}

export class Heartbeat<P extends Pingable> {
	readonly #groups: Set<P>[] = Array.from({ length: SLOTS }, () => new Set<P>());
	#nextGroup = 0;
	/** Ticks so far (one per group, SLOTS per interval): the clock of `heardInTick`. */
	#ticks = 0;
	readonly #timer: NodeJS.Timeout;

	/** `writeBudget`: a group bigger than a turn can write is pinged over several turns. */
	constructor(intervalMs: number, private readonly writeBudget: TurnBudget) {
		this.#timer = setInterval(() => this.#pingGroup(), intervalMs / SLOTS);
		this.#timer.unref();
	}

	/** Pings `peer` once per interval from now on (its group's tick may be the next one). */
	add(peer: P): void {
		// Round-robin: the groups stay about even as sockets come and go.
		this.#groups[this.#nextGroup].add(peer);
		this.#nextGroup = (this.#nextGroup + 1) % SLOTS;
	}

	/** `peer` sent a frame: alive now (a counter copied, no clock read per frame). */
	heard(peer: P): void {
		peer.heardInTick = this.#ticks;
	}

	delete(peer: P): void {
		for (const group of this.#groups) if (group.delete(peer)) return;
	}

	stop(): void {
		clearInterval(this.#timer);
	}

	#pingGroup(): void {
		const live = this.#groups[this.#ticks % SLOTS];
		const heardSince = ++this.#ticks - SLOTS / 2;
		// A group too big for one turn is pinged over several: a socket that closed meanwhile is skipped.
		forEachInTurns([...live], this.writeBudget.hasTime, (peer) => {
			if (!live.has(peer)) return;
			if (peer.heardInTick >= heardSince) {
				peer.alive = true;
				return;
			}
			if (!peer.alive) {
				peer.ws.terminate();
				return;
			}
			peer.alive = false;
			peer.ws.ping();
		});
	}
}
