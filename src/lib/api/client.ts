/**
 * The browser's one HTTP client for Kohero's API (and its own static JSON):
 * every request the app makes goes through `request`, so headers, offline
 * handling and API.md's error shape are dealt with in one place.
 */
import type { ApiErrorBody } from '$lib/types';

export class ApiClientError extends Error {
	constructor(
		readonly status: number,
		readonly code: string,
		message: string,
		readonly fields: Record<string, string> = {}
	) {
		super(message);
	}

	/** True when the request never reached the server (offline, DNS, refused). */
	get isNetwork(): boolean {
		return this.status === 0;
	}
}

export interface RequestInit {
	method?: string;
	body?: unknown;
	/** Bypass caches (the service worker goes to the network first): right after our own write. */
	fresh?: boolean;
	/** SvelteKit's `fetch` in load functions (SSR cookies, no double request on hydration). */
	fetch?: typeof globalThis.fetch;
}

/** An answer whatever its status; `status` 0 means the request never reached the server. */
export interface RawAnswer<T = unknown> {
	status: number;
	body: T | null;
}

/** Sends a request and returns the status and parsed JSON body, never throwing. */
export async function request<T = unknown>(path: string, init: RequestInit = {}): Promise<RawAnswer<T>> {
	const send = init.fetch ?? fetch;
	let response: Response;
	try {
		response = await send(path, {
			method: init.method ?? 'GET',
			headers: init.body === undefined ? {} : { 'content-type': 'application/json' },
			body: init.body === undefined ? undefined : JSON.stringify(init.body),
			...(init.fresh ? { cache: 'no-cache' as const } : {})
		});
	} catch {
		return { status: 0, body: null };
	}
	if (response.status === 204) return { status: 204, body: null };
	const body = (await response.json().catch(() => null)) as T | null;
	return { status: response.status, body };
}

/** Sends a request and returns the parsed JSON answer (undefined for 204); throws ApiClientError otherwise. */
export async function api<T>(path: string, init: RequestInit = {}): Promise<T> {
	const { status, body } = await request<unknown>(path, init);
	if (status === 0) throw new ApiClientError(0, 'network', 'network');
	if (status === 204) return undefined as T;
	if (status < 200 || status >= 300) {
		const error = (body as ApiErrorBody | null)?.error;
		throw new ApiClientError(status, error?.code ?? 'http_error', error?.message ?? `HTTP ${status}`, error?.fields);
	}
	return body as T;
}

/** The parsed answer, or null when the request failed for any reason (best-effort reads). */
export async function tryApi<T>(path: string, init: RequestInit = {}): Promise<T | null> {
	const { status, body } = await request<T>(path, init);
	return status >= 200 && status < 300 ? body : null;
}
