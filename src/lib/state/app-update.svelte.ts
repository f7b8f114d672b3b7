/**
 * The service worker's registration and the "new version" flow: a waiting
 * worker is announced, and activated only when the person taps "Mettre à jour".
 */
import type { Workbox } from 'workbox-window';
import { editing } from './editing.svelte';

const UPDATE_CHECK_MS = 60 * 60 * 1000;

class AppUpdate {
	/** A new version is installed and waits for the person's go-ahead. */
	available = $state(false);
	/** The person tapped update while something was being edited: ask first. */
	confirming = $state(false);
	/** This page is controlled by the service worker (works offline). */
	controlled = $state(false);
	#wb: Workbox | undefined;
	#applying = false;

	/** Registers /service-worker.js (root layout, once, in the browser). */
	async register(): Promise<void> {
		if (!('serviceWorker' in navigator) || this.#wb) return;
		const { Workbox } = await import('workbox-window');
		const wb = new Workbox('/service-worker.js');
		this.#wb = wb;
		wb.addEventListener('waiting', () => (this.available = true));
		// Only the tab that asked reloads (see apply); others keep their state until told.
		wb.addEventListener('controlling', () => (this.controlled = true));
		this.controlled = Boolean(navigator.serviceWorker.controller);
		await wb.register();
		const check = () => void wb.update().catch(() => undefined);
		setInterval(check, UPDATE_CHECK_MS);
		document.addEventListener('visibilitychange', () => document.visibilityState === 'visible' && check());
	}

	/** Looks for a new version now (the update prompt appears if there is one). */
	async checkNow(): Promise<void> {
		await this.#wb?.update();
	}

	/** Activates the waiting version, then reloads once it controls the page. */
	apply(force = false): void {
		if (!this.#wb) return;
		if (editing.active && !force) {
			this.confirming = true;
			return;
		}
		this.confirming = false;
		if (this.#applying) return;
		this.#applying = true;
		// Reload exactly once, when the new version has taken control.
		navigator.serviceWorker.addEventListener('controllerchange', () => window.location.reload(), { once: true });
		this.#wb.messageSkipWaiting();
		// Also reach a worker found by an update check workbox-window did not start itself.
		navigator.serviceWorker
			.getRegistration()
			.then((registration) => registration?.waiting?.postMessage({ type: 'SKIP_WAITING' }))
			.catch((err: unknown) => console.error('update activation failed', err));
	}

	/** "Plus tard": keep the current version until the next visit. */
	dismiss(): void {
		this.available = false;
		this.confirming = false;
	}
}

export const appUpdate = new AppUpdate();
