/**
 * Activity from the shared documents: observes the `messages` and `ideas`
 * arrays of each loaded initiative document (the relay already applies every
 * update to its Y.Doc; nothing is re-parsed) and turns entries that a writer
 * added into `message_posted` / `idea_posted` rows for the other members.
 * Off the relay's hot path: the observer only queues; the SQLite writes happen
 * in one batch per turn of the event loop (setImmediate), after the update was
 * stored and broadcast. An entry removed meanwhile (refused by the integrity
 * rules, deleted) or whose author is not the writer produces nothing.
 */
import * as Y from 'yjs';
import type { Peer } from '$relay/peer';

/** A writer's transaction carries its Peer (the store may only know the relay's types, so the check is by shape). */
function isPeer(origin: unknown): origin is Peer {
	return typeof origin === 'object' && origin !== null && 'userId' in origin && 'sessionId' in origin;
}
import type { RelayHooks } from '$relay/index';
import { recordDocPosts, type DocPost } from '$lib/server/notify';
import { log } from '$lib/server/log';

type Watch = NonNullable<RelayHooks['watch']>;

const WATCHED = [
	['messages', 'message_posted'],
	['ideas', 'idea_posted']
] as const;

interface Pending {
	initiativeId: string;
	type: DocPost['type'];
	entry: Y.Map<unknown>;
	writerId: string;
	at: number;
}

/** A document watcher writing message/idea activity; `record` is replaceable for benchmarks. */
export function createActivityWatcher(record: (posts: DocPost[]) => number = recordDocPosts): Watch {
	// Diagnostic switch: the relay benchmark measures the relay with and without this watcher.
	if (process.env.KOHERO_ACTIVITY_WATCHER === 'off') return () => () => undefined;
	let queue: Pending[] = [];

	function flush(): void {
		const batch = queue;
		queue = [];
		const posts: DocPost[] = [];
		for (const p of batch) {
			if (p.entry._item?.deleted) continue;
			const authorId = p.entry.get('authorId');
			const text = p.entry.get('text');
			if (authorId !== p.writerId || typeof text !== 'string') continue;
			posts.push({ initiativeId: p.initiativeId, type: p.type, authorId, text, at: p.at });
		}
		try {
			record(posts);
		} catch (err) {
			log.error('doc_activity_failed', { error: String(err) });
		}
	}

	function enqueue(pending: Pending): void {
		if (queue.length === 0) setImmediate(flush);
		queue.push(pending);
	}

	return (docId, docKind, doc) => {
		if (docKind !== 'initiative') return () => undefined;
		const stops: (() => void)[] = [];
		for (const [name, type] of WATCHED) {
			let array: Y.Array<unknown>;
			try {
				array = doc.getArray(name);
			} catch {
				continue; // a root of another type under this name: nothing to observe
			}
			const observer = (event: Y.YArrayEvent<unknown>, transaction: Y.Transaction) => {
				const writer = transaction.origin;
				if (!isPeer(writer)) return;
				const at = Date.now();
				for (const change of event.delta) {
					if (!Array.isArray(change.insert)) continue;
					for (const value of change.insert) {
						if (value instanceof Y.Map) enqueue({ initiativeId: docId, type, entry: value, writerId: writer.userId, at });
					}
				}
			};
			array.observe(observer);
			stops.push(() => array.unobserve(observer));
		}
		return () => {
			for (const stop of stops) stop();
		};
	};
}
