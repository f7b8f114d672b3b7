/**
 * The browser of the offline benches: a real profile (the service worker and IndexedDB persist as on a
 * phone with the app installed), a phone's viewport, offline as a device is offline (tests/helpers/offline.ts).
 */
import { chromium, type BrowserContext } from 'playwright-core';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CHROMIUM, CHROMIUM_ARGS } from '../../tests/helpers/browser';
import { offlineReachesNewDocuments } from '../../tests/helpers/offline';

export interface InstalledApp {
	context: BrowserContext;
	/** Closes the browser and removes its profile. */
	close(): Promise<void>;
}

export async function launchInstalledApp(): Promise<InstalledApp> {
	const profile = mkdtempSync(join(tmpdir(), 'kohero-bench-'));
	const context = offlineReachesNewDocuments(
		await chromium.launchPersistentContext(profile, { executablePath: CHROMIUM, args: CHROMIUM_ARGS, viewport: { width: 390, height: 844 } })
	);
	return {
		context,
		async close() {
			await context.close();
			rmSync(profile, { recursive: true, force: true });
		}
	};
}
