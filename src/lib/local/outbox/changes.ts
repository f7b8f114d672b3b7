/**
 * Local-first changes: each is shown at once (written to the local cache,
 * marked pending) and queued in the outbox, which sends it when it can.
 * Pages call these instead of the API for create, edit, join, leave and profile.
 */
import type { InitiativeCreate, InitiativePatch } from '$lib/domain/validation/initiative';
import type { ProfilePatch } from '$lib/domain/validation/account';
import type { Initiative, Me, PublicUser } from '$lib/types';
import { newId } from '$lib/domain/ids';
import { localDb } from '../db';
import { readMe, saveInitiative, saveMe, setViewerRole } from '../cache/store';
import { queueChange, type Refusal } from './runner';

/**
 * Each change resolves once it is stored locally and, if online, sent:
 * `sent` is false when it waits in the outbox ("en attente de connexion");
 * `refused` says why the server said no when it was online (the local copy is restored).
 */
type Queued = Promise<{ sent: boolean; refused?: Refusal }>;

/** Creates an initiative with a client-chosen id (safe to replay). */
export async function createInitiative(
	input: InitiativeCreate,
	owner: PublicUser
): Promise<{ initiative: Initiative; sent: boolean; refused?: Refusal }> {
	const id = input.id ?? newId();
	const now = new Date().toISOString();
	const initiative: Initiative = {
		id,
		title: input.title,
		summary: input.summary,
		category: input.category,
		lat: input.lat,
		lng: input.lng,
		placeName: input.placeName ?? '',
		createdAt: now,
		updatedAt: now,
		memberCount: 1,
		owner: { id: owner.id, displayName: owner.displayName, kind: owner.kind }
	};
	await saveInitiative(initiative, 'owner');
	const result = await queueChange({ kind: 'create', initiativeId: id, body: { ...input, id } });
	if (result.refused) await localDb().initiatives.delete(id);
	return { initiative, ...result };
}

export async function editInitiative(id: string, patch: InitiativePatch): Queued {
	const row = await localDb().initiatives.get(id);
	if (row) await saveInitiative({ ...row.initiative, ...patch, updatedAt: new Date().toISOString() }, row.viewerRole);
	return queueChange({ kind: 'patch', initiativeId: id, body: patch });
}

export async function joinInitiative(id: string): Queued {
	const row = await localDb().initiatives.get(id);
	if (!row?.viewerRole) await setViewerRole(id, 'member', 1);
	const result = await queueChange({ kind: 'join', initiativeId: id });
	if (result.refused && row && !row.viewerRole) await setViewerRole(id, null, -1);
	return result;
}

export async function leaveInitiative(id: string): Queued {
	const row = await localDb().initiatives.get(id);
	if (row?.viewerRole) await setViewerRole(id, null, -1);
	const result = await queueChange({ kind: 'leave', initiativeId: id });
	if (result.refused && row?.viewerRole) await setViewerRole(id, row.viewerRole, 1);
	return result;
}

/** Changes my profile; `current` is what the page shows when the cache has nothing yet. */
export async function changeProfile(patch: ProfilePatch, current?: Me): Queued {
	const me = (await readMe()) ?? current;
	if (me) await saveMe({ ...me, ...patch });
	return queueChange({ kind: 'profile', body: patch });
}
