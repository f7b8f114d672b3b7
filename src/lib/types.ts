/** Shapes the browser receives from the API (see ../shared/API.md). */
import type { Role, UserKind } from './domain/sync-contract';

export type { UserKind };

export interface PublicUser {
	id: string;
	displayName: string;
	kind: UserKind;
}

export interface Me extends PublicUser {
	email: string;
	bio: string;
	skills: string[];
	discoverable: boolean;
	home: { lat: number; lng: number } | null;
}

export interface ApiErrorBody {
	error: { code: string; message: string; fields?: Record<string, string> };
}

export type { Role };

/** API.md's initiative. */
export interface Initiative {
	id: string;
	title: string;
	summary: string;
	category: import('./domain/validation/initiative').Category;
	lat: number;
	lng: number;
	placeName: string;
	/** ISO 8601 */
	createdAt: string;
	/** ISO 8601 */
	updatedAt: string;
	memberCount: number;
	owner: PublicUser;
}

export interface NearbyInitiative extends Initiative {
	distanceKm: number;
	/** Start of its next meeting (RFC 3339), if any. */
	nextMeetingAt?: string | null;
}

export interface Member {
	user: PublicUser;
	role: Role;
	/** ISO 8601 */
	joinedAt: string;
}
