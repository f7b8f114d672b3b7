/**
 * The relay's authorize hook over SQLite: session cookie → user, doc id →
 * initiative (or meeting → its initiative), membership → role and write access. Runs once per upgrade.
 * An adapter of the store for the relay's `RelayHooks.authorize` seam.
 */
import type { IncomingMessage } from 'node:http';
import type Database from 'better-sqlite3';
import { SESSION_COOKIE, validateSessionToken } from '$lib/server/auth/session';
import { isValidId } from '$lib/domain/ids';
import type { Access, DocRole } from '$relay/hooks';
import { CloseCode } from '$lib/domain/sync-contract';
import { isDocHiddenFrom } from '$lib/server/moderation/visibility';

/** The value of cookie `name` in a Cookie header, if present. */
export function readCookie(header: string | undefined, name: string): string | null {
	for (const part of (header ?? '').split(';')) {
		const eq = part.indexOf('=');
		if (eq < 0 || part.slice(0, eq).trim() !== name) continue;
		try {
			return decodeURIComponent(part.slice(eq + 1).trim());
		} catch {
			return null;
		}
	}
	return null;
}

/** An authorize hook over the sessions, initiatives and memberships tables. */
export function createSessionAccess(sqlite: Database.Database): (req: IncomingMessage, docId: string) => Promise<Access> {
	const initiativeExists = sqlite.prepare<[string], { one: number }>('SELECT 1 AS one FROM initiatives WHERE id = ?');
	const meetingOf = sqlite.prepare<[string], { initiativeId: string; hidden: number }>(
		'SELECT initiative_id AS initiativeId, hidden FROM meetings WHERE id = ?'
	);
	const membership = sqlite.prepare<[string, string], { role: Exclude<DocRole, null> }>(
		'SELECT role FROM memberships WHERE initiative_id = ? AND user_id = ?'
	);
	return async (req, docId) => {
		const token = readCookie(req.headers.cookie, SESSION_COOKIE);
		const { session, user } = token ? validateSessionToken(token) : { session: null, user: null };
		if (!session || !user) return { ok: false, code: CloseCode.unauthenticated };
		// The id pattern also rules out path traversal, encoded slashes and oversized ids.
		if (!isValidId(docId)) return { ok: false, code: CloseCode.unknownDoc };
		const who = { ok: true as const, userId: user.id, sessionId: session.id, displayName: user.displayName };
		if (initiativeExists.get(docId)) {
			const role = membership.get(docId, user.id)?.role ?? null;
			if (isDocHiddenFrom(docId, user.id)) return { ok: false, code: CloseCode.unknownDoc };
			return { ...who, role, canWrite: role !== null, docKind: 'initiative' };
		}
		// A meeting document: its initiative's members only (newcomers' e-mails are personal data).
		const meeting = meetingOf.get(docId);
		if (!meeting) return { ok: false, code: CloseCode.unknownDoc };
		const role = membership.get(meeting.initiativeId, user.id)?.role ?? null;
		if (meeting.hidden && role !== 'owner' && role !== 'admin') return { ok: false, code: CloseCode.unknownDoc };
		if (!role) return { ok: false, code: CloseCode.forbidden };
		return { ...who, role, canWrite: true, docKind: 'meeting' };
	};
}

/** The relay's sessionExpiry hook: when a session expires (ms since epoch), or null once it was deleted. */
export function createSessionExpiry(sqlite: Database.Database): (sessionId: string) => number | null {
	const expiry = sqlite.prepare<[string], { expiresAt: number }>('SELECT expires_at AS expiresAt FROM sessions WHERE id = ?');
	return (sessionId) => expiry.get(sessionId)?.expiresAt ?? null;
}
