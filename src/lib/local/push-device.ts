/** This device's Web Push subscription: permission, subscribe with the server's VAPID key, unsubscribe. */
import { api } from '$lib/api/client';

/** Whether this browser can receive push notifications at all. */
export function pushSupported(): boolean {
	return typeof navigator !== 'undefined' && 'serviceWorker' in navigator && 'PushManager' in window && 'Notification' in window;
}

/** This device's current subscription, if any. */
export async function deviceSubscription(): Promise<PushSubscription | null> {
	const registration = await navigator.serviceWorker.getRegistration();
	return registration ? registration.pushManager.getSubscription() : null;
}

function keyBytes(base64url: string): Uint8Array<ArrayBuffer> {
	const base64 = base64url.replace(/-/g, '+').replace(/_/g, '/').padEnd(Math.ceil(base64url.length / 4) * 4, '=');
	const raw = atob(base64);
	const bytes = new Uint8Array(new ArrayBuffer(raw.length));
	for (let i = 0; i < raw.length; i++) bytes[i] = raw.charCodeAt(i);
	return bytes;
}

/** Asks permission, subscribes this device and tells the server. Resolves false when permission is refused. */
export async function subscribeDevice(): Promise<boolean> {
	if ((await Notification.requestPermission()) !== 'granted') return false;
	const registration = await navigator.serviceWorker.ready;
	const { key } = await api<{ key: string }>('/api/push/public-key');
	const subscription =
		(await registration.pushManager.getSubscription()) ??
		(await registration.pushManager.subscribe({ userVisibleOnly: true, applicationServerKey: keyBytes(key) }));
	await api('/api/push/subscriptions', { method: 'POST', body: subscription.toJSON() });
	return true;
}

/** Removes this device's subscription, here and on the server. */
export async function unsubscribeDevice(): Promise<void> {
	const subscription = await deviceSubscription();
	if (!subscription) return;
	await api('/api/push/subscriptions', { method: 'DELETE', body: { endpoint: subscription.endpoint } });
	await subscription.unsubscribe();
}
