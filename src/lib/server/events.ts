/**
 * Domain events: what happened, published where it happens (initiatives,
 * meetings, moderation, sessions) and heard by whoever must react (activity
 * and mail, the relay). One typed bus per process on globalThis, because
 * SvelteKit's routes and the relay are bundled separately but run together.
 */
import { EventEmitter } from 'node:events';
import type { Role } from '$lib/domain/sync-contract';
import { log } from './log';

/** Every event, by name, with what it carries. Ids only: listeners read what they need. */
export interface DomainEvents {
	/**
	 * A person's role in an initiative is now `role` (null: no longer a member), whoever changed it:
	 * the relay applies it to open sockets at once (a member who leaves loses write access).
	 */
	membership_changed: { initiativeId: string; userId: string; role: Role | null };
	/** A person joined an initiative (not its creation). */
	member_joined: { initiativeId: string; userId: string };
	/** A member's role changed by someone else's act (`role` null: removed). */
	role_changed: { initiativeId: string; userId: string; role: string | null; actorId: string };
	/** A new initiative exists (for alerts around people's homes). */
	initiative_created: { initiativeId: string; actorId: string };
	meeting_scheduled: { meetingId: string; initiativeId: string; actorId: string };
	meeting_updated: { meetingId: string; initiativeId: string; actorId: string };
	meeting_cancelled: { meetingId: string; initiativeId: string; actorId: string };
	/** A moderator or an initiative admin decided about content of `userId`. */
	moderation_decision: { userId: string; decisionId: string; statement: string; initiativeId: string | null };
	/** An owner/admin invited a person found in Voisin·es to an initiative. */
	person_invited: { initiativeId: string; userId: string; actorId: string; inviteUrl: string };
	/** Sessions ended (logout, password change, reset, suspension, expiry): their sockets must close. */
	sessions_ended: { sessionIds: string[] };
}

export type DomainEventName = keyof DomainEvents;

const KEY = Symbol.for('kohero.domainEvents');
type Holder = { [KEY]?: EventEmitter };

function emitter(): EventEmitter {
	const holder = globalThis as Holder;
	if (!holder[KEY]) {
		holder[KEY] = new EventEmitter();
		holder[KEY].setMaxListeners(0);
	}
	return holder[KEY];
}

/** Announces `name`; listeners run synchronously, and one that throws does not stop the others. */
export function publish<N extends DomainEventName>(name: N, payload: DomainEvents[N]): void {
	for (const listener of emitter().listeners(name)) {
		try {
			(listener as (p: DomainEvents[N]) => void)(payload);
		} catch (err) {
			log.error('domain_event_listener_failed', { event: name, error: String(err) });
		}
	}
}

/** Calls `listener` on every `name` event; returns the unsubscribe function. */
export function subscribe<N extends DomainEventName>(name: N, listener: (payload: DomainEvents[N]) => void): () => void {
	emitter().on(name, listener);
	return () => emitter().off(name, listener);
}
