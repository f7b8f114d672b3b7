/**
 * The relay's authorize hook: session cookie → user, doc id → initiative,
 * membership → write access. Runs once per upgrade.
 */
import type { IncomingMessage } from 'node:http';
import type Database from 'better-sqlite3';
import { SESSION_COOKIE, validateSessionToken } from '$lib/server/auth/session';
import { isValidId } from '$lib/domain/ids';
import { CloseCode, type Access } from './hooks';

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
	const membership = sqlite.prepare<[string, string], { role: string }>(
		'SELECT role FROM memberships WHERE initiative_id = ? AND user_id = ?'
	);
	return async (req, docId) => {
		const token = readCookie(req.headers.cookie, SESSION_COOKIE);
		const user = token ? validateSessionToken(token).user : null;
		if (!user) return { ok: false, code: CloseCode.unauthenticated };
		// The id pattern also rules out path traversal, encoded slashes and oversized ids.
		if (!isValidId(docId) || !initiativeExists.get(docId)) return { ok: false, code: CloseCode.unknownDoc };
		return { ok: true, userId: user.id, canWrite: membership.get(docId, user.id) !== undefined };
	};
}
