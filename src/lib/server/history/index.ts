/**
 * A workspace's history for its owners and admins (API.md "History"): the
 * snapshots the relay kept (sync-server/store/doc-history.ts), and restoring
 * one as a new edit through the relay, so every client receives it.
 */
import { desc, eq } from 'drizzle-orm';
import { db, store } from '$store/db';
import { historyReader } from '$store/doc-history';
import { docHistory, type UserRow } from '$store/schema';
import { restoreFromSnapshot, type RestoreScope } from '$lib/domain/workspace/restore';
import { editDocument } from '../doc-editor';
import { forbidden, notFound } from '../http/api-error';
import { requireInitiativeRow } from '../initiatives/present';
import { roleOf } from '../initiatives/membership';

export interface HistoryItem {
	/** When the snapshot was taken (RFC 3339, UTC): the state just before that moment's change. */
	at: string;
	/** Its encoded size. */
	bytes: number;
}

/** 404 for an unknown initiative, 403 unless `user` is its owner or an admin. */
function requireManager(user: UserRow, initiativeId: string): void {
	requireInitiativeRow(initiativeId);
	const role = roleOf(initiativeId, user.id);
	if (role !== 'owner' && role !== 'admin') {
		throw forbidden('Seuls les responsables de cette initiative peuvent consulter et restaurer son historique.');
	}
}

/** The snapshots of the last 30 days, newest first. */
export function listHistory(user: UserRow, initiativeId: string): HistoryItem[] {
	requireManager(user, initiativeId);
	return db()
		.select({ takenAt: docHistory.takenAt, bytes: docHistory.bytes })
		.from(docHistory)
		.where(eq(docHistory.docId, initiativeId))
		.orderBy(desc(docHistory.takenAt))
		.all()
		.map((row) => ({ at: new Date(row.takenAt).toISOString(), bytes: row.bytes }));
}

/** Restores `scope` of the workspace to the snapshot taken at `at`; resolves once every client was sent it. */
export async function restoreHistory(user: UserRow, initiativeId: string, at: string, scope: RestoreScope): Promise<void> {
	requireManager(user, initiativeId);
	const state = historyReader(store().sqlite)(initiativeId, Date.parse(at));
	if (!state) throw notFound('Cette version de l’historique n’existe pas (ou plus).');
	const snapshot = new Uint8Array(state);
	await editDocument(initiativeId, 'initiative', (doc) => restoreFromSnapshot(doc, snapshot, scope));
}
