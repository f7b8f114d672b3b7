/**
 * The service worker's personal caches follow the session: when the page says
 * who is signed in (sign-up, log-in, log-out, another account), the previous
 * person's pages, page data and API answers are dropped and the pages a person
 * may open offline are fetched again with the new session's cookie, so a full
 * load with no network shows what *this* person saw, signed in as them.
 */
import {
	dataKey,
	dataUrlOf,
	isKeepablePage,
	MAX_KEPT_INITIATIVES,
	OFFLINE_PAGES,
	RUNTIME_CACHES
} from './routes';

/** What the page tells the worker (see lib/local/device/offline-pages.ts). */
export type PageMessage =
	| { type: 'SESSION'; userId: string | null }
	| { type: 'KEEP'; url: string }
	| { type: 'SKIP_WAITING' };

const OWNER = '/__kohero/owner';
/** Pages are fetched again at most this often for the same person and version. */
const REFRESH_MS = 10 * 60_000;
const PARALLEL = 3;

export class PersonalCaches {
	#version: string;
	#origin: string;
	/** One session change at a time, in order. */
	#queue: Promise<void> = Promise.resolve();

	constructor(version: string, origin: string) {
		this.#version = version;
		this.#origin = origin;
	}

	/** Handles a message from a page; resolves once its work is done (with the error, if any). */
	handle(message: PageMessage): Promise<string | null> {
		if (message.type === 'SESSION') return this.#serial(() => this.#session(message.userId));
		if (message.type === 'KEEP') return this.#serial(() => this.#keep([message.url]));
		return Promise.resolve(null);
	}

	#serial(task: () => Promise<void>): Promise<string | null> {
		const run = this.#queue.then(task).then(
			() => null,
			(err: unknown) => {
				console.error('kohero sw: personal caches', err);
				return String(err);
			}
		);
		this.#queue = run.then(() => undefined);
		return run;
	}

	async #session(userId: string | null): Promise<void> {
		const meta = await caches.open(RUNTIME_CACHES.meta);
		const stored = await meta.match(OWNER);
		const owner = ((await stored?.json().catch(() => null)) ?? null) as { userId: string | null; version: string; at: number } | null;
		const same = owner !== null && owner.userId === userId;
		if (same && owner.version === this.#version && Date.now() - owner.at < REFRESH_MS) return;
		if (!same) await this.#forget();
		const urls = [...OFFLINE_PAGES];
		if (userId) urls.push(...(await this.#myInitiativePages()));
		await this.#keep(urls, true);
		await meta.put(OWNER, Response.json({ userId, version: this.#version, at: Date.now() }));
	}

	/** Drops the pages, page data and API answers of whoever was signed in before. */
	async #forget(): Promise<void> {
		const names = await caches.keys();
		await Promise.all(
			names
				.filter((name) => RUNTIME_CACHES.isPersonal(name) && name !== RUNTIME_CACHES.meta)
				.map((name) => caches.delete(name))
		);
	}

	async #myInitiativePages(): Promise<string[]> {
		const response = await fetch('/api/me/initiatives', { cache: 'no-cache' }).catch(() => null);
		if (!response?.ok) return [];
		const { items } = (await response.json()) as { items: { id: string }[] };
		// The API cache keeps the list too, for "Mes initiatives" offline.
		return items.slice(0, MAX_KEPT_INITIATIVES).map((item) => `/initiatives/${item.id}`);
	}

	/** Fetches each page's HTML and data with the current session and keeps them. */
	async #keep(paths: string[], shellToo = false): Promise<void> {
		const pages = await caches.open(RUNTIME_CACHES.pages(this.#version));
		const data = await caches.open(RUNTIME_CACHES.data(this.#version));
		const shell = shellToo ? await caches.open(RUNTIME_CACHES.shell(this.#version)) : null;
		const queue = paths.map((path) => new URL(path, this.#origin)).filter((url) => isKeepablePage(url, this.#origin));
		const worker = async () => {
			for (let url = queue.shift(); url; url = queue.shift()) {
				const [html, json] = await Promise.all([
					fetch(url, { credentials: 'same-origin', cache: 'no-cache' }).catch(() => null),
					fetch(dataUrlOf(url), { credentials: 'same-origin', cache: 'no-cache' }).catch(() => null)
				]);
				// A redirect (e.g. signed out → /login) is not this page: never serve it for it.
				if (html?.ok && !html.redirected) {
					if (shell && url.pathname === '/') await shell.put('/', html.clone());
					await pages.put(url, html);
				}
				if (json?.ok && !json.redirected) await data.put(dataKey(dataUrlOf(url)), json);
			}
		};
		await Promise.all(Array.from({ length: PARALLEL }, worker));
	}
}
