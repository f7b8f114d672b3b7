/**
 * A fleet of stock WebsocketProvider clients editing initiatives' documents,
 * with a record of every edit each client made and every edit each client saw
 * arrive from another client (which, with BroadcastChannel off, can only have
 * come through the server — and so must be durable there).
 */
import * as Y from 'yjs';
import { Client } from '../helpers/client';
import type { TestServer } from '../helpers/server';
import { connectClient, say, waitFor, type Member, type SyncClient } from '../relay/helpers';

// Each y-websocket provider adds a process 'exit' listener in Node; a fleet has hundreds.
process.setMaxListeners(0);

/** One editing client: its doc, what it wrote and what it saw from others. */
export interface FleetClient {
	index: number;
	docId: string;
	member: Member;
	sync: SyncClient;
	written: string[];
	/** Edit ids authored by another client, observed in this client's doc. */
	seenFromOthers: Set<string>;
}

/** Reads an integer from the environment (so `npm run soak` reuses the same test). */
export function envInt(name: string, fallback: number): number {
	const value = Number(process.env[name]);
	return Number.isInteger(value) && value > 0 ? value : fallback;
}

/** The edit ids (message texts) currently in a document. */
export function editIds(doc: Y.Doc): Set<string> {
	return new Set(doc.getArray<Y.Map<unknown>>('messages').toArray().map((m) => String(m.get('text'))));
}

function authorOf(editId: string): number {
	return Number(editId.slice(1, editId.indexOf('-')));
}

/** Signs up `userCount` users and creates `docCount` initiatives every user is a member of. */
export async function setupMembers(
	server: TestServer,
	userCount: number,
	docCount: number
): Promise<{ members: Member[]; docIds: string[]; reader: Member }> {
	const clients = Array.from({ length: userCount + 1 }, () => new Client(server.url));
	const users = await Promise.all(clients.map((c, i) => c.signup({ displayName: `Membre ${i}` })));
	const members = users.slice(0, userCount).map((u, i) => ({ id: u.id, cookie: clients[i].cookie }));
	const reader = { id: users[userCount].id, cookie: clients[userCount].cookie };
	const docIds: string[] = [];
	for (let d = 0; d < docCount; d++) {
		const res = await clients[0].post('/api/initiatives', {
			title: `Chantier ${d}`,
			summary: 'Test de robustesse',
			category: 'solidarity',
			lat: 45.76 + d / 1000,
			lng: 4.83
		});
		if (res.status !== 201) throw new Error(`create initiative: ${res.status} ${res.text}`);
		docIds.push(res.body.initiative.id as string);
	}
	for (const docId of docIds) {
		await Promise.all(clients.slice(1, userCount).map((c) => c.post(`/api/initiatives/${docId}/join`)));
	}
	return { members, docIds, reader };
}

/** Connects client `index` to `docId` and starts recording what it sees. */
export function connectFleetClient(wsUrl: string, index: number, docId: string, member: Member): FleetClient {
	const sync = connectClient(wsUrl, docId, member.cookie);
	const client: FleetClient = { index, docId, member, sync, written: [], seenFromOthers: new Set() };
	sync.doc.getArray<Y.Map<unknown>>('messages').observe((event) => {
		for (const item of event.changes.added) {
			for (const value of item.content.getContent()) {
				const text = String((value as Y.Map<unknown>).get('text'));
				if (authorOf(text) !== index) client.seenFromOthers.add(text);
			}
		}
	});
	return client;
}

/** Makes one edit: a message whose text is a unique edit id `c<client>-<n>`. */
export function edit(client: FleetClient): void {
	const editId = `c${client.index}-${client.written.length}`;
	client.written.push(editId);
	say(client.sync.doc, client.member.id, editId);
}

/** Every edit that some client saw from another one, per document. */
export function seenByOthersPerDoc(fleet: FleetClient[]): Map<string, Set<string>> {
	const perDoc = new Map<string, Set<string>>();
	for (const c of fleet) {
		const set = perDoc.get(c.docId) ?? new Set<string>();
		for (const id of c.seenFromOthers) set.add(id);
		perDoc.set(c.docId, set);
	}
	return perDoc;
}

/** Every edit written by any client, per document. */
export function writtenPerDoc(fleet: FleetClient[]): Map<string, Set<string>> {
	const perDoc = new Map<string, Set<string>>();
	for (const c of fleet) {
		const set = perDoc.get(c.docId) ?? new Set<string>();
		for (const id of c.written) set.add(id);
		perDoc.set(c.docId, set);
	}
	return perDoc;
}

/** What the server holds for each doc, read by a fresh client that never wrote anything. */
export async function readFromServer(wsUrl: string, reader: Member, docIds: string[]): Promise<Map<string, Set<string>>> {
	const result = new Map<string, Set<string>>();
	await Promise.all(
		docIds.map(async (docId) => {
			const fresh = connectClient(wsUrl, docId, reader.cookie);
			try {
				await waitFor(() => fresh.provider.synced, `fresh reader synced on ${docId}`, 20_000);
				result.set(docId, editIds(fresh.doc));
			} finally {
				fresh.destroy();
			}
		})
	);
	return result;
}

/** Ids of `expected` missing from `actual`. */
export function missing(expected: Set<string>, actual: Set<string> | undefined): string[] {
	return [...expected].filter((id) => !actual?.has(id));
}
