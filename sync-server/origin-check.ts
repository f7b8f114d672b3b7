/**
 * Cross-site WebSocket hijacking guard for `/sync`: browsers send the Origin
 * of the page that opens a socket, and cookies ride along whatever the page.
 * A page of another site must not open a socket with our visitor's session.
 * Requests without Origin come from non-browser clients, which hold their own
 * cookie anyway: they stay allowed.
 */

/**
 * Whether an upgrade with this `Origin` header may proceed: no Origin, or the
 * site's own origin — `ORIGIN` when configured, else the request's own Host.
 */
export function isSameSiteOrigin(origin: string | undefined, host: string | undefined, configuredOrigin?: string): boolean {
	if (origin === undefined || origin === '') return true;
	let from: URL;
	try {
		from = new URL(origin);
	} catch {
		return false;
	}
	if (from.protocol !== 'http:' && from.protocol !== 'https:') return false;
	if (configuredOrigin) {
		try {
			return from.origin === new URL(configuredOrigin).origin;
		} catch {
			return false;
		}
	}
	return host !== undefined && from.host === host.toLowerCase();
}
