/** Starts notifications in the server process: activity from domain events, and the digest job. */
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { subscribeActivity } from './on-events';
import { startDigestJob } from './digest-job';
import { setOriginSource } from './origin';
import { vapidKeys } from './push-keys';
import { log } from '../log';

const KEY = Symbol.for('kohero.notifications');
type Holder = { [KEY]?: () => void };

/** Starts once per process (`server` gives the origin of links when ORIGIN is not set); returns the stop function. */
export function startNotifications(server?: Server): () => void {
	const holder = globalThis as Holder;
	if (holder[KEY]) return holder[KEY];
	if (server) {
		setOriginSource(() => {
			const address = server.address() as AddressInfo | null;
			if (!address || typeof address !== 'object') return null;
			const host = ['0.0.0.0', '::'].includes(address.address) ? 'localhost' : address.family === 'IPv6' ? `[${address.address}]` : address.address;
			return `http://${host}:${address.port}`;
		});
	}
	vapidKeys(); // created at first start, not at the first subscription
	const stops = [subscribeActivity(), process.env.KOHERO_DIGEST_JOB === 'off' ? () => undefined : startDigestJob()];
	holder[KEY] = () => {
		for (const stop of stops) stop();
		delete holder[KEY];
		log.info('notifications_stopped');
	};
	log.info('notifications_started', { digestJob: process.env.KOHERO_DIGEST_JOB !== 'off' });
	return holder[KEY];
}
