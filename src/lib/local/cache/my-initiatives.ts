/**
 * "Mes initiatives" on this device: the server's list when it answers (kept for
 * later), else the local cache, always with the initiatives created here that
 * the server has not accepted yet (they are marked "en attente de connexion").
 */
import type { Initiative, Role } from '$lib/types';
import { localDb } from '../db';
import { readMyInitiatives, saveMyInitiatives } from './store';

export type MyInitiative = Initiative & { role: Role };

/** The list as this device knows it (offline). */
export async function readLocalMine(): Promise<MyInitiative[]> {
	const rows = await readMyInitiatives();
	return rows.flatMap((r) => (r.viewerRole ? [{ ...r.initiative, role: r.viewerRole }] : []));
}

/** Records the server's answer and adds what is still waiting in the outbox. */
export async function mergeServerMine(items: MyInitiative[]): Promise<MyInitiative[]> {
	await saveMyInitiatives(items);
	const db = localDb();
	const known = new Set(items.map((i) => i.id));
	const waiting = (await db.outbox.where('state').equals('pending').toArray()).flatMap((e) =>
		e.mutation.kind === 'create' && !known.has(e.mutation.initiativeId) ? [e.mutation.initiativeId] : []
	);
	const rows = await db.initiatives.bulkGet(waiting);
	const local = rows.flatMap((r) => (r ? [{ ...r.initiative, role: 'owner' as const }] : []));
	return [...local, ...items];
}
