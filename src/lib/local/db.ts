/**
 * Kohero's structured local store (Dexie over IndexedDB): what the person saw
 * last (feed, initiatives, memberships, profile) and the outbox of their
 * offline changes. Yjs workspace documents live in their own y-indexeddb databases.
 */
import { Dexie, type EntityTable } from 'dexie';
import type { InitiativeCreate, InitiativePatch } from '$lib/domain/validation/initiative';
import type { ProfilePatch } from '$lib/domain/validation/account';
import type { Initiative, Me, NearbyInitiative, Role } from '$lib/types';
import type { MeetingMutation } from './meetings/outbox';

export const DB_NAME = 'kohero';

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

/** One line of the proximity feed as last seen, in the order shown. */
export interface FeedRow {
	id: string;
	position: number;
	item: NearbyInitiative;
}

export interface InitiativeRow {
	id: string;
	initiative: Initiative;
	viewerRole: Role | null;
	savedAt: number;
}

export interface ProfileRow {
	key: 'me';
	user: Me;
	savedAt: number;
}

export class KoheroDb extends Dexie {
	outbox!: EntityTable<OutboxEntry, 'seq'>;
	feed!: EntityTable<FeedRow, 'id'>;
	initiatives!: EntityTable<InitiativeRow, 'id'>;
	profile!: EntityTable<ProfileRow, 'key'>;
	/** Feed query that produced the rows (centre, radius, category), to reuse only when it matches. */
	meta!: EntityTable<{ key: string; value: unknown }, 'key'>;

	constructor(name = DB_NAME, options?: ConstructorParameters<typeof Dexie>[1]) {
		super(name, options);
		this.version(1).stores({
			outbox: '++seq, state',
			feed: 'id, position',
			initiatives: 'id, viewerRole',
			profile: 'key',
			meta: 'key'
		});
	}
}

let instance: KoheroDb | undefined;

/** The browser's database, opened on first use. */
export function localDb(): KoheroDb {
	instance ??= new KoheroDb();
	return instance;
}
