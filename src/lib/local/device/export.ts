/**
 * "Exporter mes données": my profile, my initiatives and their workspace
 * documents (the Yjs state as base64, and a readable copy of tasks, messages,
 * ideas and notes), plus a GeoJSON of my initiatives. Uses the server when it
 * answers, else what this device kept.
 */
import * as Y from 'yjs';
import { IndexeddbPersistence } from 'y-indexeddb';
import { readIdeas, readMessages, readTasks, notesOf } from '$lib/domain/workspace';
import { WebsocketProvider } from 'y-websocket';
import { localDbName, syncUrl } from '../docs/workspace-doc';
import { readMe, readMyInitiatives, saveMe, saveMyInitiatives } from '../cache/store';
import type { Initiative, Me, Role } from '$lib/types';
import { tryApi } from '$lib/api/client';

export interface ExportFiles {
	json: Blob;
	geojson: Blob;
	/** True when the server could not be reached and only local data was used. */
	localOnly: boolean;
}

function base64(bytes: Uint8Array): string {
	let binary = '';
	for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
	return btoa(binary);
}

/** Waits at most this long for the relay to send a document this device never opened. */
const RELAY_TIMEOUT_MS = 5000;

/** Fills `doc` from the relay; like opening the workspace, the handshake also sends edits kept here. */
async function syncFromRelay(docId: string, doc: Y.Doc): Promise<void> {
	const provider = new WebsocketProvider(syncUrl(window.location), docId, doc, { disableBc: true });
	try {
		await new Promise<void>((resolve) => {
			const timer = setTimeout(resolve, RELAY_TIMEOUT_MS);
			const done = () => {
				clearTimeout(timer);
				resolve();
			};
			provider.on('sync', (synced: boolean) => synced && done());
			// 4401/4404: the relay refused us for good; keep what this device has.
			provider.on('connection-close', (event) => (event?.code ?? 0) >= 4000 && done());
		});
	} finally {
		provider.destroy();
	}
}

/**
 * One workspace document: this device's IndexedDB copy when there is one (it
 * may hold edits not yet sent), merged with the relay's when online. A copy is
 * never created here: exporting must not leave documents behind on the device.
 */
async function exportWorkspace(docId: string, viewerId: string, localNames: Set<string>) {
	const doc = new Y.Doc();
	const persistence = localNames.has(localDbName(docId)) ? new IndexeddbPersistence(localDbName(docId), doc) : null;
	try {
		await persistence?.whenSynced;
		if (navigator.onLine) await syncFromRelay(docId, doc);
		return {
			yjsUpdateBase64: base64(Y.encodeStateAsUpdate(doc)),
			notesXml: notesOf(doc).toString(),
			tasks: readTasks(doc),
			messages: readMessages(doc),
			ideas: readIdeas(doc, viewerId)
		};
	} finally {
		await persistence?.destroy();
		doc.destroy();
	}
}

async function localDatabaseNames(): Promise<Set<string>> {
	if (!('databases' in indexedDB)) return new Set();
	return new Set((await indexedDB.databases()).flatMap((info) => (info.name ? [info.name] : [])));
}

/** Builds both export files. */
export async function buildExport(): Promise<ExportFiles> {
	const fresh = await tryApi<{ user: Me }>('/api/me', { fresh: true });
	if (fresh) await saveMe(fresh.user);
	const mine = await tryApi<{ items: (Initiative & { role: Role })[] }>('/api/me/initiatives', { fresh: true });
	if (mine) await saveMyInitiatives(mine.items);
	const profile = fresh?.user ?? (await readMe()) ?? null;
	const rows = await readMyInitiatives();
	const localNames = await localDatabaseNames();
	const initiatives = [];
	for (const row of rows) {
		initiatives.push({
			...row.initiative,
			role: row.viewerRole,
			workspace: await exportWorkspace(row.id, profile?.id ?? '', localNames)
		});
	}
	const exportedAt = new Date().toISOString();
	const reports = (await tryApi<{ items: unknown[] }>('/api/me/reports', { fresh: true }))?.items ?? [];
	const meetings = await tryApi<unknown>('/api/me/meetings', { fresh: true }); // my answers and the meetings I scheduled
	const json = { format: 'kohero-export/1', exportedAt, profile, initiatives, reports, meetings };
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
