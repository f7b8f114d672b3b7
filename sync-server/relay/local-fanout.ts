/** In-process fan-out: frames go straight to the subscribed rooms of this process. */
import type { Fanout, FanoutFrame } from './hooks';
import { registerGauge } from './metrics';

/** A Fanout for a single relay process. */
export function createLocalFanout(): Fanout {
	const subscribers = new Map<string, Set<(message: FanoutFrame) => void>>();
	registerGauge('fanout_subscriptions', () => {
		let n = 0;
		for (const set of subscribers.values()) n += set.size;
		return n;
	});
	return {
		publish(message) {
			for (const deliver of subscribers.get(message.docId) ?? []) deliver(message);
		},
		subscribe(docId, deliver) {
			let set = subscribers.get(docId);
			if (!set) subscribers.set(docId, (set = new Set()));
			set.add(deliver);
			return () => {
				set.delete(deliver);
				// Drop empty sets so many short-lived docs do not leak map entries.
				if (set.size === 0 && subscribers.get(docId) === set) subscribers.delete(docId);
			};
		}
	};
}
