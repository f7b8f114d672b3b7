/**
 * Routes HTTP upgrades: `/sync/:docId` goes to the relay, anything else is refused.
 * One instance per process, shared by the production server and vite's dev server.
 * This is where the relay's seams meet SQLite, sessions and membership events.
 */
import type { IncomingMessage } from 'node:http';
import type { Duplex } from 'node:stream';
import { store } from '$store/db';
import { createSqliteDocStore } from '$store/doc-log';
import { openUpdateJournal } from '$store/update-journal';
import { startMergeWorker } from '$store/merge-worker';
import { startWalCheckpointer } from '$store/wal-checkpointer';
import { createRelay, createLocalFanout, metrics, registerGauge, type Relay, type RelayHooks } from '$relay/index';
import { createActivityRecorder } from '$store/activity';
import { createSessionAccess, createSessionExpiry } from '$store/session-access';
import { createHistoryWatcher, DAY_MS } from '$store/doc-history';
import { createActivityWatcher } from '$store/activity-watcher';
import { subscribe } from '$lib/server/events';
import { positiveNumberEnv } from '$lib/server/env-number';
import { registerDocAccess } from '$lib/server/doc-editor';
import { MAX_DOC_BYTES } from '$lib/domain/sync-contract';
import { PING_INTERVAL_MS, TURN_BUDGET_MS, WARM_LOOP_MS, WHOLE_TURN_FRAME_BYTES, WRITE_BUDGET_MS } from '$relay/limits';
import { isSameSiteOrigin } from './origin-check';
import { createMeetingNewcomerWatcher } from '$lib/server/meetings/newcomer-mail';
import { createMeetingDocsOf } from '$store/meeting-docs';

export interface SyncUpgrade {
	handleUpgrade(req: IncomingMessage, socket: Duplex, head: Buffer): void;
	/** Persists everything pending and closes every socket. */
	close(): Promise<void>;
	/** The relay itself, for server-side edits of documents (moderation, restores). */
	relay: Relay;
}

const KEY = Symbol.for('kohero.syncUpgrade');
type Holder = { [KEY]?: SyncUpgrade };

/** The process' upgrade handler, created on first use. */
export function syncUpgrade(): SyncUpgrade {
	const holder = globalThis as Holder;
	holder[KEY] ??= createSyncUpgrade();
	return holder[KEY];
}

function refuse(socket: Duplex, status: number, reason: string): void {
	socket.end(`HTTP/1.1 ${status} ${reason}\r\nConnection: close\r\nContent-Length: 0\r\n\r\n`);
}

function createSyncUpgrade(): SyncUpgrade {
	const { sqlite } = store();
	const docStore = createSqliteDocStore(
		sqlite,
		{
			compactEvery: positiveNumberEnv('KOHERO_COMPACT_EVERY', 500),
			compactMinBytes: positiveNumberEnv('KOHERO_COMPACT_MIN_BYTES', 64 * 1024),
			commitInNextTurnFromBytes: WHOLE_TURN_FRAME_BYTES,
			// A quiet relay's commits: one write to a file beside the database.
			journal: sqlite.memory ? undefined : openUpdateJournal(`${sqlite.name}.updates`),
			// Benchmarks compare with every commit going straight to SQLite (the journal is still read at start).
			commitToJournal: process.env.KOHERO_UPDATE_JOURNAL !== '0'
		},
		{ registerGauge, countCompaction: () => metrics.compactions++ }
	);
	startMergeWorker();
	// The relay's commits never checkpoint the WAL (its fsyncs): a worker does, on its own connection.
	const checkpointer = startWalCheckpointer(sqlite);
	const activity = createActivityRecorder(sqlite, positiveNumberEnv('KOHERO_ACTIVITY_WINDOW_MS', 10_000));
	/** Observers of loaded documents (activity from new messages, meeting invitations…): one line each. */
	const watchers: NonNullable<RelayHooks['watch']>[] = [];
	watchers.push(createHistoryWatcher(sqlite, docStore, { intervalMs: positiveNumberEnv('KOHERO_HISTORY_INTERVAL_MS', DAY_MS), keepMs: 30 * DAY_MS }));
	watchers.push(createActivityWatcher());
	watchers.push(createMeetingNewcomerWatcher());
	const hooks: RelayHooks = {
		authorize: createSessionAccess(sqlite),
		sessionExpiry: createSessionExpiry(sqlite),
		store: docStore,
		onChange: (docId) => activity.touch(docId),
		watch(docId, docKind, doc) {
			const stops = watchers.map((watch) => watch(docId, docKind, doc));
			return () => {
				for (const stop of stops) stop();
			};
		}
	};
	const meetingDocsOf = createMeetingDocsOf(sqlite);
	const relay = createRelay({
		hooks,
		fanout: createLocalFanout(),
		pingIntervalMs: positiveNumberEnv('KOHERO_PING_MS', PING_INTERVAL_MS),
		// 0 turns the warm loop off (a same-build comparison in bench/relay.ts).
		warmLoopMs: process.env.KOHERO_WARM_LOOP_MS === '0' ? 0 : positiveNumberEnv('KOHERO_WARM_LOOP_MS', WARM_LOOP_MS),
		// Tests lower the 20 MiB document limit to reach it quickly.
		maxDocBytes: positiveNumberEnv('KOHERO_MAX_DOC_BYTES', MAX_DOC_BYTES),
		docHeapBudgetBytes: positiveNumberEnv('KOHERO_DOC_HEAP_BUDGET_BYTES', 1024 * 1024 * 1024),
		turnBudgetMs: positiveNumberEnv('KOHERO_TURN_BUDGET_MS', TURN_BUDGET_MS),
		crowd: { writeBudgetMs: positiveNumberEnv('KOHERO_WRITE_BUDGET_MS', WRITE_BUDGET_MS) }
	});
	const unsubscribers = [
		subscribe('membership_changed', ({ initiativeId, userId, role }) => relay.setRole(initiativeId, userId, role)),
		// The initiative's meeting documents follow its membership (a former member's sockets close with 4403).
		subscribe('membership_changed', ({ initiativeId, userId, role }) => {
			for (const meetingId of meetingDocsOf(initiativeId, relay.loadedDocIds())) relay.setRole(meetingId, userId, role);
		}),
		subscribe('sessions_ended', ({ sessionIds }) => relay.closeSessions(sessionIds))
	];
	registerDocAccess({
		edit: (docId, docKind, edit) => relay.editDocument(docId, docKind, edit),
		readLoaded: (docId, read) => relay.readLoaded(docId, read)
	});

	return {
		relay,
		handleUpgrade(req, socket, head) {
			const path = new URL(req.url ?? '/', 'http://localhost').pathname;
			if (!path.startsWith('/sync/')) return refuse(socket, 404, 'Not Found');
			if (!isSameSiteOrigin(req.headers.origin, req.headers.host, process.env.ORIGIN)) return refuse(socket, 403, 'Forbidden');
			// The provider appends the room name unencoded; anything odd fails the id check (4404).
			relay.handleUpgrade(req, socket, head, path.slice('/sync/'.length));
		},
		async close() {
			for (const unsubscribe of unsubscribers) unsubscribe();
			registerDocAccess(null);
			await relay.close();
			activity.flush();
			await checkpointer?.stop();
		}
	};
}
