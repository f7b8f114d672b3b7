/**
 * Broadcasts in a crowded room. Each broadcast costs one write system call per
 * peer (~25 µs on loopback: ~10 ms for 399 peers), so 400 writers sending one
 * update each, broadcast one by one, keep the loop writing for seconds. Here the
 * first frames after a quiet spell go out at once, as the task that published them
 * ends (a lone update is not delayed; the updates of one commit, which the room
 * hands over unmerged, leave together); frames that arrive while a broadcast is written, or during the pause
 * after it (twice what it cost to write), wait and leave together in the next
 * one: their document updates merged into one update, so each peer gets one
 * frame and one system call per broadcast however many updates it holds.
 * A broadcast is written a slice of peers per turn of the loop, while the turn's
 * write budget lasts (shared by every crowded room, like the budget for incoming
 * frames: turn-budget.ts), so no turn is spent writing for much longer than that.
 *
 * Order: broadcasts leave one after the other, so a peer gets them in the order
 * they were published; inside one, the merged update comes first and presence
 * frames follow in their order (presence never runs ahead of the updates
 * published before it). Nothing is dropped; a peer that left is skipped.
 */
import type { FanoutFrame } from './hooks';
import { sharedOrigin, StepwiseMerge } from './merge-batch';
import { decodeClientMessage, encodeUpdate } from './protocol';
import { forEachInTurns, inTurns, type InTurns } from './turn-budget';

/** What a broadcast needs of a peer (Peer's). */
export interface BroadcastTarget {
	readonly id: string;
	/** Sends these frames in order, in one system call made now. */
	sendNow(frames: readonly Uint8Array[]): void;
}

/** Rooms with at least this many peers broadcast through CrowdBroadcast; smaller ones write each frame at once. */
export const CROWDED_ROOM_PEERS = 16;

export interface CrowdBroadcastOptions {
	/** Peers from which a room counts as crowded (CROWDED_ROOM_PEERS). */
	fromPeers?: number;
	/** Time one turn may spend writing broadcasts, in ms (all crowded rooms together); past it, the rest waits for the next turns. */
	writeBudgetMs?: number;
	/** Shortest pause after a broadcast, in ms, whatever it cost. */
	minPauseMs?: number;
}

/** Pause after a broadcast, per ms it took to write: writing takes at most a third of the loop. */
const PAUSE_PER_COST = 2;
/** Longest pause, in ms: the most a crowded room's update waits for its broadcast. */
const MAX_PAUSE_MS = 50;

type Outgoing = Omit<FanoutFrame, 'docId'>;

export class CrowdBroadcast {
	#waiting: Outgoing[] = [];
	/** The broadcast being merged or written, a slice of it per turn. */
	#writing: InTurns | null = null;
	/** performance.now() before which the next broadcast may not start. */
	#pauseUntil = 0;
	#timer: NodeJS.Timeout | null = null;
	/** A start is queued for the end of the current task. */
	#startQueued = false;
	readonly #minPauseMs: number;

	/**
	 * `peers` is the room's live set: read when a broadcast starts, and to skip peers
	 * that left. `hasTime` says whether this turn may still write (a TurnBudget's).
	 */
	constructor(
		private readonly peers: ReadonlySet<BroadcastTarget>,
		private readonly hasTime: () => boolean,
		{ minPauseMs = 0 }: Pick<CrowdBroadcastOptions, 'minPauseMs'> = {}
	) {
		this.#minPauseMs = minPauseMs;
	}

	/** Whether frames are waiting or being written: anything sent to the room's peers must queue behind them. */
	get busy(): boolean {
		return this.#writing !== null || this.#waiting.length > 0;
	}

	/**
	 * Sends `frame` to every peer but `originId`: once the current task is done if the room is quiet
	 * (with the frames published with it: a committed batch's updates), else with the next broadcast.
	 */
	publish(frame: Uint8Array, originId: string | null): void {
		this.#waiting.push({ frame, originId });
		if (this.#writing === null && this.#timer === null && !this.#startQueued) {
			this.#startQueued = true;
			queueMicrotask(this.#start);
		}
	}

	/** Drops what waits (the room is destroyed, its sockets closing). */
	close(): void {
		if (this.#timer) clearTimeout(this.#timer);
		this.#timer = null;
		this.#writing?.cancel();
		this.#startQueued = false;
		this.#waiting = [];
		this.#writing = null;
	}

	readonly #start = (): void => {
		this.#timer = null;
		this.#startQueued = false;
		if (this.#waiting.length === 0) return;
		const wait = this.#pauseUntil - performance.now();
		if (wait > 0) {
			this.#timer = setTimeout(this.#start, wait);
			return;
		}
		const batch = new Coalescing(this.#waiting);
		this.#waiting = [];
		// Merged a group of updates per step while the turn's write budget lasts: 400 updates of
		// 400 writers (a fan-in burst) are ~25 ms of merging, more than a turn may spend.
		const merging = inTurns(() => !batch.merged, () => batch.step(), this.hasTime, () => this.#write(batch.frames()));
		// Merged within this turn: #write already took over.
		if (!merging.done) this.#writing = merging;
	};

	/** Writes one broadcast: a slice of peers per turn while the write budget lasts. */
	#write(frames: readonly Outgoing[]): void {
		this.#writing = null;
		// The next slice is a timer, after the next turn's socket reads and commit. (An immediate
		// started from a timer or a read would run in this turn still, on a fresh budget.)
		const writing = forEachInTurns(
			[...this.peers],
			this.hasTime,
			(peer) => {
				// A peer that left meanwhile is skipped.
				if (!this.peers.has(peer)) return;
				const own = frames.filter((f) => f.originId !== peer.id).map((f) => f.frame);
				if (own.length > 0) peer.sendNow(own);
			},
			(costMs) => {
				this.#writing = null;
				this.#pauseUntil = performance.now() + Math.max(this.#minPauseMs, Math.min(MAX_PAUSE_MS, PAUSE_PER_COST * costMs));
				this.#start();
			}
		);
		// Written within this turn: the pause is already set (and the next broadcast waits for it).
		if (!writing.done) this.#writing = writing;
	};
}

/**
 * The frames of one broadcast: every document update merged into one (from their
 * sharedOrigin), then the other frames in order. Merged a
 * group at a time (`step`) until `merged`.
 */
class Coalescing {
	readonly #updates: Outgoing[] = [];
	readonly #others: Outgoing[] = [];
	readonly #merge: StepwiseMerge | null;

	constructor(waiting: readonly Outgoing[]) {
		for (const item of waiting) (isUpdate(item.frame) ? this.#updates : this.#others).push(item);
		this.#merge = this.#updates.length > 1 ? new StepwiseMerge(this.#updates.map(({ frame }) => updatePayload(frame))) : null;
	}

	get merged(): boolean {
		return this.#merge?.done ?? true;
	}

	step(): void {
		this.#merge?.step();
	}

	/** The broadcast's frames (once merged). */
	frames(): Outgoing[] {
		if (!this.#merge) return [...this.#updates, ...this.#others];
		return [{ frame: encodeUpdate(this.#merge.result), originId: sharedOrigin(this.#updates) }, ...this.#others];
	}
}

/** A sync-protocol update frame (message type 0, step 2), as Room publishes them. */
function isUpdate(frame: Uint8Array): boolean {
	return frame[0] === 0 && frame[1] === 2;
}

function updatePayload(frame: Uint8Array): Uint8Array {
	const message = decodeClientMessage(frame);
	if (message.kind !== 'update') throw new Error('not an update frame');
	return message.update;
}
