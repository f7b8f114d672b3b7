/**
 * The public origin put in mail and push links. `ORIGIN` (adapter-node's own
 * setting) wins; otherwise the origin of the process' listening server, then
 * http://localhost:PORT. Requests pass their own origin where they have one.
 */
const KEY = Symbol.for('kohero.publicOrigin');
type Holder = { [KEY]?: () => string | null };

/** Lets the server process say where it listens (called once by startNotifications). */
export function setOriginSource(source: () => string | null): void {
	(globalThis as Holder)[KEY] = source;
}

/** The origin links in mails and notifications start with, without a trailing slash. */
export function publicOrigin(): string {
	const configured = process.env.ORIGIN?.replace(/\/+$/, '');
	if (configured) return configured;
	return (globalThis as Holder)[KEY]?.() ?? `http://localhost:${process.env.PORT || 3000}`;
}
