/**
 * Web Push (RFC 8030/8291/8292 through `web-push`): subscriptions of a
 * person's devices, and sending a notification to each of them; endpoints
 * that answer 404/410 are gone and deleted. Only https endpoints, unless
 * PUSH_ALLOW_HTTP=1 (tests on loopback).
 */
import { and, eq } from 'drizzle-orm';
import webpush from 'web-push';
import { db } from '$store/db';
import { pushSubscriptions } from '$store/schema';
import type { PushSubscriptionInput } from '$lib/domain/notifications';
import { log } from '../log';
import { ApiError } from '../http/api-error';
import { vapidKeys, vapidSubject } from './push-keys';

/** What the service worker shows. */
export interface PushPayload {
	title: string;
	body: string;
	/** App path opened by a tap. */
	url: string;
	tag?: string;
}

const allowHttp = () => process.env.PUSH_ALLOW_HTTP === '1';

function checkEndpoint(endpoint: string): void {
	let url: URL;
	try {
		url = new URL(endpoint);
	} catch {
		url = new URL('invalid:');
	}
	const ok = url.protocol === 'https:' || (url.protocol === 'http:' && allowHttp());
	if (!ok || url.username || url.password) {
		const message = 'Adresse d’abonnement invalide (https uniquement).';
		throw new ApiError(400, 'invalid_input', message, { endpoint: message });
	}
}

/** Stores (or moves to `userId`) a device's subscription. */
export function addPushSubscription(userId: string, input: PushSubscriptionInput): void {
	checkEndpoint(input.endpoint);
	const values = { userId, p256dh: input.keys.p256dh, auth: input.keys.auth };
	db()
		.insert(pushSubscriptions)
		.values({ endpoint: input.endpoint, ...values, createdAt: Date.now() })
		.onConflictDoUpdate({ target: pushSubscriptions.endpoint, set: values })
		.run();
}

/** Forgets one of `userId`'s devices (someone else's endpoint is left alone). */
export function removePushSubscription(userId: string, endpoint: string): void {
	db()
		.delete(pushSubscriptions)
		.where(and(eq(pushSubscriptions.userId, userId), eq(pushSubscriptions.endpoint, endpoint)))
		.run();
}

/** Sends `payload` to every device of `userId`; resolves once each answered. */
export async function pushToUser(userId: string, payload: PushPayload): Promise<void> {
	const subscriptions = db().select().from(pushSubscriptions).where(eq(pushSubscriptions.userId, userId)).all();
	if (subscriptions.length === 0) return;
	const keys = vapidKeys();
	const body = JSON.stringify(payload);
	const options: webpush.RequestOptions = {
		TTL: 24 * 3600,
		contentEncoding: 'aes128gcm',
		urgency: 'normal',
		topic: payload.tag?.replace(/[^A-Za-z0-9_-]/g, '').slice(0, 32) || undefined,
		vapidDetails: { subject: vapidSubject(), publicKey: keys.publicKey, privateKey: keys.privateKey }
	};
	await Promise.all(
		subscriptions.map(async (sub) => {
			try {
				// web-push encrypts and signs; fetch sends (web-push's own sender only speaks https).
				const request = webpush.generateRequestDetails({ endpoint: sub.endpoint, keys: { p256dh: sub.p256dh, auth: sub.auth } }, body, options);
				const res = await fetch(request.endpoint, {
					method: 'POST',
					headers: request.headers as Record<string, string>,
					body: request.body ? new Uint8Array(request.body) : null,
					redirect: 'error',
					signal: AbortSignal.timeout(10_000)
				});
				await res.arrayBuffer().catch(() => undefined);
				if (res.status === 404 || res.status === 410) {
					db().delete(pushSubscriptions).where(eq(pushSubscriptions.endpoint, sub.endpoint)).run();
					log.info('push_subscription_gone', { status: res.status });
				} else if (!res.ok) {
					log.warn('push_failed', { status: res.status });
				}
			} catch (err) {
				log.warn('push_failed', { status: null, error: String(err).slice(0, 200) });
			}
		})
	);
}
