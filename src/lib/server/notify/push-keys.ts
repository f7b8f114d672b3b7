/**
 * VAPID keys (RFC 8292): from VAPID_PUBLIC_KEY / VAPID_PRIVATE_KEY, or created
 * at first start and kept in DATA_DIR/vapid.json (mode 600), so subscriptions
 * survive restarts.
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import webpush from 'web-push';
import { dataDirFromEnv } from '$store/db';

export interface VapidKeys {
	publicKey: string;
	privateKey: string;
}

let cached: VapidKeys | null = null;

/** The process' VAPID key pair, created on first use when none is configured. */
export function vapidKeys(): VapidKeys {
	if (cached) return cached;
	const { VAPID_PUBLIC_KEY: publicKey, VAPID_PRIVATE_KEY: privateKey } = process.env;
	if (publicKey && privateKey) return (cached = { publicKey, privateKey });
	const file = join(dataDirFromEnv(), 'vapid.json');
	if (existsSync(file)) {
		const stored = JSON.parse(readFileSync(file, 'utf8')) as VapidKeys;
		if (stored.publicKey && stored.privateKey) return (cached = stored);
	}
	const created = webpush.generateVAPIDKeys();
	try {
		// wx: two bundles of one process may race at first start; the first file wins.
		writeFileSync(file, JSON.stringify(created), { mode: 0o600, flag: 'wx' });
	} catch {
		return (cached = JSON.parse(readFileSync(file, 'utf8')) as VapidKeys);
	}
	return (cached = created);
}

/** The `sub` claim of VAPID tokens: a contact for push services. */
export function vapidSubject(): string {
	const from = process.env.MAIL_FROM ?? '';
	const address = /<([^>]+)>/.exec(from)?.[1] ?? (from.includes('@') ? from.trim() : 'no-reply@kohero.localhost');
	return `mailto:${address}`;
}
