/**
 * What the outbox holds: one change made on this device, waiting to reach the
 * server (or refused by it). New kinds (meetings, RSVPs…) are added to
 * `Mutation`, to `request` in transport.ts, and — when they create something
 * a document belongs to — to `createdDocId` below.
 */
import type { InitiativeCreate, InitiativePatch } from '$lib/domain/validation/initiative';
import type { ProfilePatch } from '$lib/domain/validation/account';
import type { MeetingMutation } from '../meetings/outbox';

/** One change made on this device, waiting to reach the server (or refused by it). */
export type Mutation =
	| { kind: 'create'; initiativeId: string; body: InitiativeCreate & { id: string } }
	| { kind: 'patch'; initiativeId: string; body: InitiativePatch }
	| { kind: 'join'; initiativeId: string }
	| { kind: 'leave'; initiativeId: string }
	| { kind: 'profile'; body: ProfilePatch }
	| MeetingMutation;

export interface OutboxEntry {
	/** Auto-incremented: the order in which the changes were made and must be replayed. */
	seq?: number;
	mutation: Mutation;
	createdAt: number;
	/** `pending` waits for the network; `failed` was refused and stays until dismissed. */
	state: 'pending' | 'failed';
	attempts: number;
	/** Epoch ms before which no retry is made (backoff after a network or server error). */
	nextAttemptAt: number;
	error?: { status: number; code: string; message: string; fields?: Record<string, string> };
}

/**
 * The id of what this change creates on the server, when a collaborative
 * document (initiative workspace, later a meeting) cannot be opened on the
 * relay before it exists: such documents wait for it (docs/creations.ts).
 */
export function createdDocId(mutation: Mutation): string | null {
	if (mutation.kind === 'create') return mutation.initiativeId;
	if (mutation.kind === 'meeting_create') return mutation.meetingId;
	return null;
}
