/** Who is here: reading awareness states, and each person's colour. */

/** Dark enough for white text (WCAG AA) and distinct from each other. */
const PALETTE = [
	'#1a5fb4', '#a3261c', '#1f6f4a', '#8a3ea8', '#9c4a00', '#006a75',
	'#b0256b', '#4a5a00', '#5b4bc4', '#7a5300', '#2e6b8a', '#8f2d56'
];

/** The same person gets the same colour on every device. */
export function colorFor(userId: string): string {
	let hash = 0;
	for (const ch of userId) hash = (hash * 31 + ch.charCodeAt(0)) >>> 0;
	return PALETTE[hash % PALETTE.length];
}

export interface Peer {
	id: string;
	name: string;
	color: string;
}

/**
 * The people in the awareness states, once each (someone with two tabs open
 * appears once), in a stable order. States from other clients are untrusted:
 * anything without a string id and name is ignored.
 */
export function peersFrom(states: Map<number, Record<string, unknown>>): Peer[] {
	const byId = new Map<string, Peer>();
	for (const state of states.values()) {
		const user = state?.user as Record<string, unknown> | undefined;
		if (!user || typeof user.id !== 'string' || typeof user.name !== 'string') continue;
		if (byId.has(user.id)) continue;
		const color = typeof user.color === 'string' && /^#[0-9a-f]{6}$/i.test(user.color) ? user.color : colorFor(user.id);
		byId.set(user.id, { id: user.id, name: user.name.slice(0, 80), color });
	}
	return [...byId.values()].sort((a, b) => a.name.localeCompare(b.name) || (a.id < b.id ? -1 : 1));
}
