/**
 * Kohero's structured local store (Dexie over IndexedDB): what the person saw
 * last (feed, initiatives, memberships, profile) and the outbox of their
 * offline changes (their shape: outbox/mutation.ts). Yjs workspace documents live in their own y-indexeddb databases.
 */
import { Dexie, type EntityTable } from 'dexie';
import type { OutboxEntry } from './outbox/mutation';
import type { Initiative, Me, NearbyInitiative, Role } from '$lib/types';

export const DB_NAME = 'kohero';

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
