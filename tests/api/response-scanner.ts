/**
 * Watches every response the test Client receives and, at the end, lists any
 * body that leaks a secret: an exact home coordinate, a password hash or a
 * session token. A home may appear only in answers to its owner: their
 * `/api/me`, and their own pages (the feed starts around their home).
 * People-search answers are also checked for homes that can be derived rather
 * than read (see home-derivation.ts): distances and radius filters computed
 * from the exact home.
 */
import { recordResponses, type RecordedResponse } from '../helpers/client';
import { homeDerivationLeaks, type KnownHome } from './home-derivation';

export interface Leak {
	what: string;
	method: string;
	path: string;
	status: number;
}

export class ResponseScanner {
	readonly responses: RecordedResponse[] = [];
	/** Each home as its two coordinates' text, with the session cookies of the people who live there. */
	readonly #homes = new Map<string, { lat: string; lng: string; owners: Set<string> }>();

	#stop: () => void = () => undefined;

	start(): void {
		this.#stop = recordResponses((response) => this.responses.push(response));
	}

	stop(): void {
		this.#stop();
	}

	/** Registers a home so neither coordinate may appear in someone else's response. */
	addHome(home: { lat: number; lng: number }, ownerCookie: string): void {
		const key = `${home.lat},${home.lng}`;
		const entry = this.#homes.get(key) ?? { lat: String(home.lat), lng: String(home.lng), owners: new Set<string>() };
		entry.owners.add(ownerCookie);
		this.#homes.set(key, entry);
	}

	/** Homes seen in owners' own `/api/me` answers are learnt, so any test's users are covered. */
	#learnHomes(): KnownHome[] {
		const known: KnownHome[] = [];
		for (const r of this.responses) {
			if (r.path !== '/api/me' || r.status !== 200 || !r.cookie) continue;
			try {
				const user = (JSON.parse(r.text) as { user?: { id?: string; home?: { lat: number; lng: number } | null } }).user;
				if (!user?.home) continue;
				this.addHome(user.home, r.cookie);
				if (user.id) known.push({ userId: user.id, ownerCookie: r.cookie, ...user.home });
			} catch {
				/* not JSON */
			}
		}
		return known;
	}

	/** Every leak found in the recorded bodies. */
	leaks(): Leak[] {
		const known = this.#learnHomes();
		// Tokens are known once sent: every cookie any client used.
		const tokens = new Set(
			this.responses.map((r) => r.cookie.split('=')[1] ?? '').filter((token) => token.length >= 16)
		);
		const leaks: Leak[] = [];
		for (const r of this.responses) {
			const at = { method: r.method, path: r.path, status: r.status };
			if (r.text.includes('$argon2')) leaks.push({ what: 'password hash', ...at });
			for (const token of tokens) if (r.text.includes(token)) leaks.push({ what: 'session token', ...at });
			for (const { lat, lng, owners } of this.#homes.values()) {
				// A leak gives the place away: both coordinates of one home in one body.
				if (!r.text.includes(lat) || !r.text.includes(lng)) continue;
				const toOwner = owners.has(r.cookie) && (r.path === '/api/me' || !r.path.startsWith('/api/'));
				if (!toOwner) leaks.push({ what: `home ${lat},${lng}`, ...at });
			}
		}
		leaks.push(...homeDerivationLeaks(this.responses, known));
		return leaks;
	}
}
