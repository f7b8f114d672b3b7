/**
 * Membership changes, published by the initiatives service and heard by the
 * relay (a member who leaves loses write access on open sockets at once).
 * Lives on globalThis: SvelteKit's routes and the relay are bundled separately
 * but run in one process.
 */
import { EventEmitter } from 'node:events';
import type { Role } from './schema';

export interface MembershipChange {
	initiativeId: string;
	userId: string;
	/** The new role, or null when the user is no longer a member. */
	role: Role | null;
}

const KEY = Symbol.for('kohero.membershipEvents');
type Holder = { [KEY]?: EventEmitter };

function emitter(): EventEmitter {
	const holder = globalThis as Holder;
	if (!holder[KEY]) {
		holder[KEY] = new EventEmitter();
		holder[KEY].setMaxListeners(0);
	}
	return holder[KEY];
}

/** Announces that `userId`'s role in `initiativeId` is now `role`. */
export function publishMembershipChange(change: MembershipChange): void {
	emitter().emit('change', change);
}

/** Calls `listener` on every membership change; returns the unsubscribe function. */
export function onMembershipChange(listener: (change: MembershipChange) => void): () => void {
	emitter().on('change', listener);
	return () => emitter().off('change', listener);
}
