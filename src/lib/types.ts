/** Shapes the browser receives from the API (see ../shared/API.md). */
export type UserKind = 'person' | 'association' | 'commune';

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
