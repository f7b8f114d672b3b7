/**
 * What the relay has acknowledged of a document. The relay answers a sync
 * step 1 only once every update it received before it is committed to SQLite
 * (sync-server/relay/room.ts), so sending one after our edits and getting its
 * step 2 back proves the relay holds everything we had when we sent it.
 * The proof is kept as a Yjs snapshot (state vector and deletions: a deletion
 * alone does not move the state vector) in the document's own IndexedDB copy.
 */
import * as Y from 'yjs';
import * as encoding from 'lib0/encoding';
import * as decoding from 'lib0/decoding';
import * as syncProtocol from 'y-protocols/sync';
import { messageSync, type WebsocketProvider } from 'y-websocket';

/** The document's content as the relay acknowledged it (or as it stands now). */
export function snapshotOf(doc: Y.Doc): Uint8Array {
	return Y.encodeSnapshot(Y.snapshot(doc));
}

function rangeCovered(items: { clock: number; len: number }[] | undefined, clock: number, len: number): boolean {
	return (items ?? []).some((item) => item.clock <= clock && clock + len <= item.clock + item.len);
}

/**
 * True when everything in `local` (a snapshot of the current content) is in
 * `acked`: no client has more items, no range is deleted that `acked` did not delete.
 */
export function isAcknowledged(local: Uint8Array, acked: Uint8Array | null): boolean {
	const now = Y.decodeSnapshot(local);
	// An empty copy (opened, never written) has nothing to send.
	if (now.sv.size === 0 && now.ds.clients.size === 0) return true;
	if (!acked) return false;
	const known = Y.decodeSnapshot(acked);
	for (const [client, clock] of now.sv) if (clock > (known.sv.get(client) ?? 0)) return false;
	for (const [client, items] of now.ds.clients) {
		const ackedItems = known.ds.clients.get(client);
		if (!items.every((item) => rangeCovered(ackedItems, item.clock, item.len))) return false;
	}
	return true;
}

/** WebSocket.OPEN (also under Node's `ws`, which tests use). */
const OPEN = 1;

export interface AckTracker {
	/** True when everything in the doc is acknowledged (as far as this page knows). */
	readonly clean: boolean;
	/**
	 * Asks the relay to acknowledge everything sent so far; resolves with the
	 * snapshot it acknowledged, or null if the socket closed first or is not synced.
	 */
	probe(): Promise<Uint8Array | null>;
	destroy(): void;
}

export interface TrackOptions {
	/** What the relay acknowledged before (from the local copy), once known. */
	initial: Promise<Uint8Array | null>;
	/** Called with each new acknowledgement (to store it) and whenever `clean` changes. */
	onAck(snapshot: Uint8Array): void;
	onClean(clean: boolean): void;
	/** Local edits are probed after this pause (one probe per burst of typing). */
	debounceMs?: number;
}

/**
 * Follows what the relay has acknowledged of a provider's document: probes
 * once synced and after each burst of local edits; an update from the relay
 * while nothing local is unacknowledged keeps the document clean at no cost.
 */
export function trackAcks(provider: WebsocketProvider, options: TrackOptions): AckTracker {
	const doc = provider.doc;
	const original = provider.messageHandlers[messageSync];
	/** Probes sent and not yet answered, oldest first, with what each covers. */
	const waiting: { snapshot: Uint8Array; localEdits: number; resolve: (acked: Uint8Array | null) => void }[] = [];
	let localEdits = 0;
	let clean = false;
	let known = false;
	let timer: ReturnType<typeof setTimeout> | undefined;
	let destroyed = false;

	const setClean = (value: boolean) => {
		if (clean === value) return;
		clean = value;
		options.onClean(value);
	};
	const acknowledge = (snapshot: Uint8Array, covers: boolean) => {
		// Newer than what the local copy holds: the stored one no longer decides.
		known = true;
		options.onAck(snapshot);
		if (covers) setClean(true);
	};

	provider.messageHandlers[messageSync] = (encoder, decoder, p, emitSynced, type) => {
		// The first step 2 after connecting answers the provider's own step 1, not a probe.
		const answersProbe = p.synced && waiting.length > 0;
		const kind = decoding.peekVarUint(decoder);
		original(encoder, decoder, p, emitSynced, type);
		if (!answersProbe || kind !== syncProtocol.messageYjsSyncStep2) return;
		const entry = waiting.shift();
		if (!entry) return;
		// No local edit since the probe: the whole document (with what the relay just sent) is acknowledged.
		const whole = entry.localEdits === localEdits;
		const acked = whole ? snapshotOf(doc) : entry.snapshot;
		acknowledge(acked, whole);
		entry.resolve(acked);
	};

	const probe = (): Promise<Uint8Array | null> => {
		const ws = provider.ws;
		if (destroyed || !provider.synced || !ws || ws.readyState !== OPEN) return Promise.resolve(null);
		const encoder = encoding.createEncoder();
		encoding.writeVarUint(encoder, messageSync);
		syncProtocol.writeSyncStep1(encoder, doc);
		return new Promise((resolve) => {
			waiting.push({ snapshot: snapshotOf(doc), localEdits, resolve });
			ws.send(encoding.toUint8Array(encoder));
		});
	};
	const probeSoon = () => {
		clearTimeout(timer);
		timer = setTimeout(() => void probe(), options.debounceMs ?? 300);
	};

	const onUpdate = (_update: Uint8Array, origin: unknown) => {
		if (origin === provider) {
			// The relay sent it, so it holds it: a clean document stays clean.
			if (clean) acknowledge(snapshotOf(doc), true);
			return;
		}
		localEdits++;
		setClean(false);
		if (provider.synced) probeSoon();
	};
	const onSync = (synced: boolean) => {
		if (synced && !clean) void probe();
	};
	const onClose = () => {
		for (const entry of waiting.splice(0)) entry.resolve(null);
	};
	doc.on('update', onUpdate);
	provider.on('sync', onSync);
	provider.on('connection-close', onClose);

	options.initial.then(
		(stored) => {
			if (destroyed || known) return;
			known = true;
			if (isAcknowledged(snapshotOf(doc), stored)) setClean(true);
			else {
				options.onClean(false);
				if (provider.synced) void probe();
			}
		},
		() => {
			if (!known) options.onClean(false);
		}
	);

	return {
		get clean() {
			return clean;
		},
		probe,
		destroy() {
			destroyed = true;
			clearTimeout(timer);
			doc.off('update', onUpdate);
			provider.off('sync', onSync);
			provider.off('connection-close', onClose);
			provider.messageHandlers[messageSync] = original;
			onClose();
		}
	};
}

/** Both acknowledgements hold (each was committed): keeps their union. */
export function mergeAcks(a: Uint8Array | null, b: Uint8Array): Uint8Array {
	if (!a) return b;
	const [x, y] = [Y.decodeSnapshot(a), Y.decodeSnapshot(b)];
	const sv = new Map(x.sv);
	for (const [client, clock] of y.sv) sv.set(client, Math.max(clock, sv.get(client) ?? 0));
	return Y.encodeSnapshot(Y.createSnapshot(Y.mergeDeleteSets([x.ds, y.ds]), sv));
}
