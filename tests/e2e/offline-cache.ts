/**
 * Stands in for the service worker a later PWA issue adds: records every GET
 * a page made while online and, once offline, answers from that record, so a
 * page can be reloaded with no network. The /sync socket is never served.
 */
import type { BrowserContext, Route } from 'playwright-core';

interface Stored {
	status: number;
	headers: Record<string, string>;
	body: Buffer;
}

export class OfflineCache {
	#entries = new Map<string, Stored>();
	#pending: Promise<void>[] = [];
	#serving = false;

	constructor(private readonly context: BrowserContext) {
		context.on('response', (response) => {
			const request = response.request();
			if (request.method() !== 'GET' || new URL(request.url()).pathname.startsWith('/sync')) return;
			this.#pending.push(
				response.body().then(
					(body) => void this.#entries.set(request.url(), { status: response.status(), headers: response.headers(), body }),
					() => undefined // redirects and aborted requests have no body
				)
			);
		});
	}

	#serve = async (route: Route) => {
		const hit = this.#entries.get(route.request().url());
		if (hit) await route.fulfill(hit);
		else await route.abort('internetdisconnected');
	};

	/** From now on, answers from what was recorded. */
	async serve(): Promise<void> {
		await Promise.all(this.#pending);
		this.#serving = true;
		await this.context.route('**/*', this.#serve);
	}

	async stop(): Promise<void> {
		if (this.#serving) await this.context.unroute('**/*', this.#serve);
		this.#serving = false;
	}
}
