/**
 * Test-only HTTP hooks, mounted by main.ts only when KOHERO_TEST_HOOKS=1.
 * Until the initiatives API publishes membership changes, relay integration
 * tests use this to announce a change they made directly in SQLite.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { publishMembershipChange, type MembershipChange } from '$store/membership-events';

/** Handles `POST /__test/membership-change`; returns false for any other request. */
export function handleTestHook(req: IncomingMessage, res: ServerResponse): boolean {
	if (req.method !== 'POST' || req.url !== '/__test/membership-change') return false;
	let body = '';
	req.on('data', (chunk: Buffer) => (body += chunk.toString()));
	req.on('end', () => {
		try {
			publishMembershipChange(JSON.parse(body) as MembershipChange);
			res.writeHead(204).end();
		} catch {
			res.writeHead(400).end();
		}
	});
	return true;
}
