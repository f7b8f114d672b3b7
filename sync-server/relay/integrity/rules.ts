/**
 * Who may do what to a shared document, as a pure decision over one change
 * (an item an update adds, or an item it deletes) described by where it lands.
 * inspect.ts turns a Yjs transaction into these descriptions.
 */

/** The person writing, as the relay knows them (never as the client claims). */
export interface Writer {
	userId: string;
	/** Owners and admins of the initiative may change or delete anyone's entry. */
	privileged: boolean;
}

/** Where a change lands, with what the rule needs to know. */
export type Place =
	/** A root name outside the document's shape. */
	| { at: 'unknownRoot'; added: boolean }
	/** A direct child of a known root; `shapeOk` says whether it has a key exactly when the root is a map. */
	| { at: 'rootChild'; added: boolean; shapeOk: boolean }
	/** A whole entry of an owned root (a message, an idea, a newcomer): `owner` as it reads after an add, before a delete. */
	| { at: 'entry'; added: boolean; owner: unknown }
	/** One key of an existing entry; `ownerChanged`: the change would alter the entry's owner key. */
	| { at: 'entryKey'; owner: unknown; ownerChanged: boolean }
	/** An entry's votes map itself; `hadVotes`: the entry had one before this update. */
	| { at: 'votesMap'; added: boolean; hadVotes: boolean }
	/** One key of a votes map (the voter's id). */
	| { at: 'vote'; voter: string | null }
	/** Anything else: inside a new entry, inside free roots (notes, tasks). */
	| { at: 'free' };

/** Whether `writer` may make a change at `place`. */
export function allowed(place: Place, writer: Writer): boolean {
	switch (place.at) {
		case 'unknownRoot':
			// Deleting stray content only frees room; adding any is refused.
			return !place.added;
		case 'rootChild':
			return !place.added || place.shapeOk;
		case 'entry':
			// A new entry must carry its writer's name; removing one is its owner's or an admin's.
			return place.added ? place.owner === writer.userId : place.owner === writer.userId || writer.privileged;
		case 'entryKey':
			// No one, an admin included, may put an entry under another name.
			return !place.ownerChanged && (place.owner === writer.userId || writer.privileged);
		case 'votesMap':
			// Clients create the votes map with the first vote; replacing or removing it would erase others' votes.
			return place.added && !place.hadVotes;
		case 'vote':
			return place.voter === writer.userId;
		case 'free':
			return true;
	}
}
