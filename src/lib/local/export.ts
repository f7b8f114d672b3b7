/**
 * "Exporter mes données": my profile, my initiatives and their workspace
 * documents (the Yjs state as base64, and a readable copy of tasks, messages,
 * ideas and notes), plus a GeoJSON of my initiatives. Uses the server when it
 * answers, else what this device kept.
 */
import * as Y from 'yjs';
import { IndexeddbPersistence } from 'y-indexeddb';
import { readIdeas, readMessages, readTasks, notesOf } from '$lib/domain/workspace';
import { localDbName } from './workspace-doc';
import { readMe, readMyInitiatives, saveMe, saveMyInitiatives } from './cache';
import type { Initiative, Me, Role } from '$lib/types';

export interface ExportFiles {
	json: Blob;
	geojson: Blob;
	/** True when the server could not be reached and only local data was used. */
	localOnly: boolean;
}

async function fetchJson<T>(path: string): Promise<T | null> {
	const res = await fetch(path, { cache: 'no-cache' }).catch(() => null);
	return res?.ok ? ((await res.json()) as T) : null;
}

function base64(bytes: Uint8Array): string {
	let binary = '';
	for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
	return btoa(binary);
}

/** Reads one workspace document from its IndexedDB copy (no network). */
async function exportWorkspace(docId: string, viewerId: string) {
	const doc = new Y.Doc();
	const persistence = new IndexeddbPersistence(localDbName(docId), doc);
	try {
		await persistence.whenSynced;
		return {
			yjsUpdateBase64: base64(Y.encodeStateAsUpdate(doc)),
			notesXml: notesOf(doc).toString(),
			tasks: readTasks(doc),
			messages: readMessages(doc),
			ideas: readIdeas(doc, viewerId)
		};
	} finally {
		await persistence.destroy();
		doc.destroy();
	}
}

/** Builds both export files. */
export async function buildExport(): Promise<ExportFiles> {
	const fresh = await fetchJson<{ user: Me }>('/api/me');
	if (fresh) await saveMe(fresh.user);
	const mine = await fetchJson<{ items: (Initiative & { role: Role })[] }>('/api/me/initiatives');
	if (mine) await saveMyInitiatives(mine.items);
	const profile = fresh?.user ?? (await readMe()) ?? null;
	const rows = await readMyInitiatives();
	const initiatives = [];
	for (const row of rows) {
		initiatives.push({
			...row.initiative,
			role: row.viewerRole,
			workspace: await exportWorkspace(row.id, profile?.id ?? '')
		});
	}
	const exportedAt = new Date().toISOString();
	const json = { format: 'kohero-export/1', exportedAt, profile, initiatives };
	const geojson = {
		type: 'FeatureCollection',
		features: rows.map(({ initiative: i, viewerRole }) => ({
			type: 'Feature',
			geometry: { type: 'Point', coordinates: [i.lng, i.lat] },
			properties: { id: i.id, title: i.title, category: i.category, placeName: i.placeName, role: viewerRole }
		}))
	};
	return {
		json: new Blob([JSON.stringify(json, null, 2)], { type: 'application/json' }),
		geojson: new Blob([JSON.stringify(geojson, null, 2)], { type: 'application/geo+json' }),
		localOnly: !fresh
	};
}

/** Saves a blob as a file through a temporary link. */
export function download(blob: Blob, filename: string): void {
	const url = URL.createObjectURL(blob);
	const link = document.createElement('a');
	link.href = url;
	link.download = filename;
	document.body.append(link);
	link.click();
	link.remove();
	setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
