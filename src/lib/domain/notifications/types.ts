/** What an activity item is and what a person chose to be told. Shared by the API and the app. */

/** Activity from the shared documents (new messages and ideas), observed by the relay. */
export const DOC_POST_TYPES = ['message_posted', 'idea_posted'] as const;
export type DocPostType = (typeof DOC_POST_TYPES)[number];

/** API.md's activity types, plus `invitation` (an owner invited a neighbour found in Voisin·es). */
export const ACTIVITY_TYPES = [
	'member_joined',
	...DOC_POST_TYPES,
	'meeting_scheduled',
	'meeting_updated',
	'meeting_cancelled',
	'initiative_nearby',
	'role_changed',
	'moderation_decision',
	'invitation'
] as const;
export type ActivityType = (typeof ACTIVITY_TYPES)[number];

/** Types a muted initiative still produces: they concern the person, not the conversation. */
export const UNMUTABLE_TYPES: readonly ActivityType[] = ['role_changed', 'moderation_decision'];

/** Types that go out by mail at once to people with `emailInstant` (never waiting for a digest). */
export const INSTANT_MAIL_TYPES: readonly ActivityType[] = [
	'meeting_scheduled',
	'meeting_cancelled',
	'role_changed',
	'moderation_decision',
	'invitation'
];

/** Types pushed to devices of people with `push`: all but messages and ideas, left to the app and the digest. */
export const PUSH_TYPES: readonly ActivityType[] = ACTIVITY_TYPES.filter((type) => !(DOC_POST_TYPES as readonly string[]).includes(type));

export const DIGEST_FREQUENCIES = ['off', 'daily', 'weekly'] as const;
export type DigestFrequency = (typeof DIGEST_FREQUENCIES)[number];
export const NEARBY_RADII_KM = [0, 2, 5, 10, 25] as const;
export type NearbyRadiusKm = (typeof NEARBY_RADII_KM)[number];
/** The widest alert circle a person can choose. */
export const MAX_NEARBY_RADIUS_KM = 25;

/** API.md's notification preferences. */
export interface NotificationPrefs {
	emailDigest: DigestFrequency;
	emailInstant: boolean;
	push: boolean;
	nearbyRadiusKm: NearbyRadiusKm;
	mutedInitiatives: string[];
}

export const DEFAULT_PREFS: Omit<NotificationPrefs, 'mutedInitiatives'> = {
	emailDigest: 'weekly',
	emailInstant: true,
	push: false,
	nearbyRadiusKm: 5
};

/** API.md's activity item. */
export interface ActivityItem {
	id: string;
	type: ActivityType;
	createdAt: string;
	readAt: string | null;
	actor: { id: string; displayName: string } | null;
	initiative: { id: string; title: string } | null;
	meeting: { id: string; title: string; startsAt: string } | null;
	excerpt: string;
	/** Addition: what the item needs to be worded (distance, new role…). */
	details?: Record<string, string | number | null>;
}

export interface ActivityPage {
	items: ActivityItem[];
	unread: number;
	nextCursor: string | null;
}

/** API.md: an excerpt is at most 140 characters (cut on a word when possible, with an ellipsis). */
export function excerptOf(text: string, max = 140): string {
	const flat = text.replace(/\s+/g, ' ').trim();
	if ([...flat].length <= max) return flat;
	const cut = [...flat].slice(0, max - 1).join('');
	const space = cut.lastIndexOf(' ');
	return (space > max * 0.6 ? cut.slice(0, space) : cut) + '…';
}

/** Where an item happened, as an app path (meetings are reached from their initiative's page). */
export function activityPath(item: Pick<ActivityItem, 'type' | 'initiative' | 'meeting'>): string {
	if (!item.initiative) return '/activity';
	const base = `/initiatives/${encodeURIComponent(item.initiative.id)}`;
	if (item.type === 'message_posted') return `${base}?tab=discussion`;
	if (item.type === 'idea_posted') return `${base}?tab=ideas`;
	return base;
}
