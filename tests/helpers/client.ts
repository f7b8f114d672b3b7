/** A minimal HTTP client with one session cookie, like one browser profile. */
export interface ApiResponse<T = any> {
	status: number;
	headers: Headers;
	body: T;
	text: string;
}

/** One response seen by a Client, for scanners (see `recordResponses`). */
export interface RecordedResponse {
	method: string;
	path: string;
	status: number;
	text: string;
	/** The session cookie the request was sent with ('' if none). */
	cookie: string;
}

const recorders = new Set<(response: RecordedResponse) => void>();

/** Opt-in: every Client response from now on is passed to `record`; returns the function that stops it. */
export function recordResponses(record: (response: RecordedResponse) => void): () => void {
	recorders.add(record);
	return () => recorders.delete(record);
}

export class Client {
	cookie = '';

	/** `headers`: sent with every request (e.g. the client's IP for a server that trusts X-Forwarded-For). */
	constructor(
		readonly baseUrl: string,
		readonly headers: Record<string, string> = {}
	) {}

	async request<T = any>(
		method: string,
		path: string,
		body?: unknown,
		headers: Record<string, string> = {}
	): Promise<ApiResponse<T>> {
		const init: RequestInit = { method, headers: { ...this.headers, ...headers }, redirect: 'manual' };
		const h = init.headers as Record<string, string>;
		if (this.cookie) h.cookie = this.cookie;
		if (body !== undefined) {
			h['content-type'] ??= 'application/json';
			init.body = typeof body === 'string' ? body : JSON.stringify(body);
		}
		const res = await fetch(this.baseUrl + path, init);
		const sentCookie = this.cookie;
		const setCookie = res.headers.getSetCookie().find((c) => c.startsWith('kohero_session='));
		if (setCookie) {
			const value = setCookie.split(';')[0];
			this.cookie = /Max-Age=0|Expires=Thu, 01 Jan 1970/i.test(setCookie) || value === 'kohero_session=' ? '' : value;
		}
		const text = await res.text();
		for (const record of recorders) record({ method, path, status: res.status, text, cookie: sentCookie });
		let parsed: any = text;
		try {
			parsed = text ? JSON.parse(text) : undefined;
		} catch {
			/* not JSON */
		}
		return { status: res.status, headers: res.headers, body: parsed as T, text };
	}

	get = <T = any>(path: string) => this.request<T>('GET', path);
	post = <T = any>(path: string, body?: unknown) => this.request<T>('POST', path, body ?? {});
	patch = <T = any>(path: string, body?: unknown) => this.request<T>('PATCH', path, body);

	/** Signs up a fresh account and keeps its cookie. */
	async signup(overrides: Record<string, unknown> = {}) {
		const email = `u${Math.random().toString(36).slice(2)}@exemple.fr`;
		const res = await this.post('/api/auth/signup', {
			email,
			password: 'motdepasse-solide',
			displayName: 'Camille',
			...overrides
		});
		if (res.status !== 201) throw new Error(`signup failed ${res.status} ${res.text}`);
		return { ...res.body.user, email: (overrides.email as string) ?? email } as {
			id: string;
			displayName: string;
			kind: string;
			email: string;
		};
	}
}

/**
 * Clients that each speak from an IP no other client of this factory uses (for a server
 * that trusts X-Forwarded-For), so each test spends its own per-IP budgets. `network`
 * is the first three octets, e.g. '198.51.100' (one per test file).
 */
export function newIpClients(baseUrl: () => string, network: string): () => Client {
	let last = 0;
	return () => new Client(baseUrl(), { 'x-forwarded-for': `${network}.${++last}` });
}
