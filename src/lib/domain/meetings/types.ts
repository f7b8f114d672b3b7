/** API.md's meeting, as the browser receives it. */
import type { RsvpAnswer } from './validation';

export interface Meeting {
	id: string;
	initiativeId: string;
	title: string;
	description: string;
	/** RFC 3339 with the zone's offset at that wall time. */
	startsAt: string;
	endsAt: string;
	timeZone: string;
	placeName: string;
	lat: number | null;
	lng: number | null;
	status: 'confirmed' | 'cancelled';
	attending: number;
	viewerAnswer: RsvpAnswer | null;
	/** Owners/admins only. */
	inviteUrl?: string;
	createdBy: { id: string; displayName: string };
	/** Owners/admins of a meeting moderation hid (nobody else sees it). */
	hidden?: true;
}

export interface NearbyMeeting extends Meeting {
	distanceKm: number;
	initiative: { id: string; title: string };
}

export interface Invite {
	token: string;
	url: string;
	expiresAt: string;
}
