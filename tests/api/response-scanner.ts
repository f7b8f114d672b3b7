/**
 * Watches every response the test Client receives and, at the end, lists any
 * body that leaks a secret: an exact home coordinate, a password hash or a
 * session token. A home may appear only in answers to its owner: their
 * `/api/me`, and their own pages (the feed starts around their home).
 */
import { recordResponses, type RecordedResponse } from '../helpers/client';

export interface Leak {
	what: string;
	method: string;
	path: string;
	status: number;
}

export class ResponseScanner {
	readonly responses: RecordedResponse[] = [];
	/** Coordinate text → the session cookie of the home's owner. */
	readonly #homes = new Map<string, string>();

	start(): void {
		recordResponses((response) => this.responses.push(response));
	}

	stop(): void {
		recordResponses(null);
	}

	/** Registers a home so neither coordinate may appear in someone else's response. */
	addHome(home: { lat: number; lng: number }, ownerCookie: string): void {
		this.#homes.set(String(home.lat), ownerCookie);
		this.#homes.set(String(home.lng), ownerCookie);
	}

	/** Every leak found in the recorded bodies. */
	leaks(): Leak[] {
		// Tokens are known once sent: every cookie any client used.
		const tokens = new Set(
			this.responses.map((r) => r.cookie.split('=')[1] ?? '').filter((token) => token.length >= 16)
		);
		const leaks: Leak[] = [];
		for (const r of this.responses) {
			const at = { method: r.method, path: r.path, status: r.status };
			if (r.text.includes('$argon2')) leaks.push({ what: 'password hash', ...at });
			for (const token of tokens) if (r.text.includes(token)) leaks.push({ what: 'session token', ...at });
			for (const [coordinate, ownerCookie] of this.#homes) {
				const toOwner = r.cookie === ownerCookie && (r.path === '/api/me' || !r.path.startsWith('/api/'));
				if (!toOwner && r.text.includes(coordinate)) leaks.push({ what: `home coordinate ${coordinate}`, ...at });
			}
		}
		return leaks;
	}
}
