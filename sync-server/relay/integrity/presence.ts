/**
 * Presence as the relay relays it (API.md "Privacy" and "Integrity"): members
 * only, at most 4 client ids and 8 kB of state per socket (beyond: the message
 * is dropped, the socket stays), never another socket's client ids, and each
 * state's `user` ({id, name}) written from the signed-in person.
 */
import * as decoding from 'lib0/decoding';
import * as encoding from 'lib0/encoding';
import type { DocRole } from '../hooks';

export const MAX_PRESENCE_CLIENTS = 4;
export const MAX_PRESENCE_BYTES = 8 * 1024;

/** The socket sending presence, as the relay knows it. */
export interface PresenceSender {
	userId: string;
	displayName: string;
	role: DocRole;
	/** Client ids this socket announced (kept by the room). */
	readonly controlledClients: ReadonlySet<number>;
}

/** Bytes of presence state per client id, per socket. */
const ledgers = new WeakMap<PresenceSender, Map<number, number>>();

interface Entry {
	clientId: number;
	clock: number;
	state: string;
}

/**
 * The awareness update to apply for `sender`, rewritten; null when the whole
 * message is dropped. `others` are the other sockets of the document.
 */
export function screenPresence(update: Uint8Array, sender: PresenceSender, others: Iterable<PresenceSender>): Uint8Array | null {
	if (sender.role === null) return null;
	const taken = new Set<number>();
	for (const other of others) if (other !== sender) for (const id of other.controlledClients) taken.add(id);
	const entries = decodeEntries(update).filter((e) => !taken.has(e.clientId));
	const ledger = new Map(ledgers.get(sender));
	const ids = new Set(sender.controlledClients);
	const rewritten: Entry[] = [];
	for (const entry of entries) {
		// Over the limit on its own: not worth parsing.
		if (entry.state.length > MAX_PRESENCE_BYTES) return null;
		const state = withUser(entry.state, sender);
		if (state === 'null') ledger.delete(entry.clientId);
		else {
			ids.add(entry.clientId);
			ledger.set(entry.clientId, state.length);
		}
		rewritten.push({ ...entry, state });
	}
	let bytes = 0;
	for (const size of ledger.values()) bytes += size;
	if (ids.size > MAX_PRESENCE_CLIENTS || bytes > MAX_PRESENCE_BYTES) return null;
	ledgers.set(sender, ledger);
	return encodeEntries(rewritten);
}

/** The state with `user` set from the relay's knowledge of the sender. */
function withUser(json: string, sender: PresenceSender): string {
	const parsed: unknown = JSON.parse(json);
	if (parsed === null) return 'null';
	const state = typeof parsed === 'object' && !Array.isArray(parsed) ? (parsed as Record<string, unknown>) : {};
	const user = typeof state.user === 'object' && state.user !== null && !Array.isArray(state.user) ? state.user : {};
	return JSON.stringify({ ...state, user: { ...user, id: sender.userId, name: sender.displayName } });
}

function decodeEntries(update: Uint8Array): Entry[] {
	const decoder = decoding.createDecoder(update);
	const count = decoding.readVarUint(decoder);
	const entries: Entry[] = [];
	for (let i = 0; i < count; i++) {
		const clientId = decoding.readVarUint(decoder);
		const clock = decoding.readVarUint(decoder);
		entries.push({ clientId, clock, state: decoding.readVarString(decoder) });
	}
	return entries;
}

function encodeEntries(entries: Entry[]): Uint8Array {
	const encoder = encoding.createEncoder();
	encoding.writeVarUint(encoder, entries.length);
	for (const { clientId, clock, state } of entries) {
		encoding.writeVarUint(encoder, clientId);
		encoding.writeVarUint(encoder, clock);
		encoding.writeVarString(encoder, state);
	}
	return encoding.toUint8Array(encoder);
}
