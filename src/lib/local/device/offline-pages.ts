/**
 * The page side of the service worker's personal caches: says who is signed in
 * (so the worker keeps this person's pages, and only theirs) and asks it to
 * keep each page opened by an in-app click, whose HTML the browser never fetched.
 */
import type { PageMessage } from '../../../service-worker/session';

/** A worker busy filling its caches may take a while on a slow network; never wait forever. */
const ANSWER_TIMEOUT_MS = 60_000;

async function post(message: PageMessage): Promise<boolean> {
	if (!('serviceWorker' in navigator)) return false;
	const registration = await navigator.serviceWorker.ready;
	const worker = navigator.serviceWorker.controller ?? registration.active;
	if (!worker) return false;
	const channel = new MessageChannel();
	const answered = new Promise<boolean>((resolve) => {
		const timer = setTimeout(() => resolve(false), ANSWER_TIMEOUT_MS);
		channel.port1.onmessage = (event: MessageEvent<string>) => {
			clearTimeout(timer);
			if (event.data !== 'done') console.error('kohero: the service worker could not keep the pages', event.data);
			resolve(event.data === 'done');
		};
	});
	worker.postMessage(message, [channel.port2]);
	return answered;
}

/**
 * Tells the worker who is signed in (null: nobody). Resolves true once the
 * pages this person may open offline are kept (false: no worker, or too slow).
 */
export function announceSession(userId: string | null): Promise<boolean> {
	return post({ type: 'SESSION', userId }).catch(() => false);
}

/** Asks the worker to keep the page at `url` (path and query) for offline full loads. */
export function keepPage(url: URL): void {
	if (!navigator.onLine) return;
	post({ type: 'KEEP', url: url.pathname + url.search }).catch(() => undefined);
}
