/** The browser's JSON client for Kohero's API, turning API.md errors into one exception type. */
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

/** Sends JSON to `path` and returns the parsed JSON answer (undefined for 204). */
export async function api<T>(path: string, init: { method?: string; body?: unknown } = {}): Promise<T> {
	let response: Response;
	try {
		response = await fetch(path, {
			method: init.method ?? 'GET',
			headers: init.body === undefined ? {} : { 'content-type': 'application/json' },
			body: init.body === undefined ? undefined : JSON.stringify(init.body)
		});
	} catch {
		throw new ApiClientError(0, 'network', 'network');
	}
	if (response.status === 204) return undefined as T;
	const body: unknown = await response.json().catch(() => null);
	if (!response.ok) {
		const error = (body as ApiErrorBody | null)?.error;
		throw new ApiClientError(
			response.status,
			error?.code ?? 'http_error',
			error?.message ?? response.statusText,
			error?.fields
		);
	}
	return body as T;
}
