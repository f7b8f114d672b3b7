/** Accounts and profiles: the only module that reads or writes the users table. */
import { eq } from 'drizzle-orm';
import { db } from '$store/db';
import { users, type UserRow } from '$store/schema';
import type { ProfilePatch, SignupInput } from '$lib/domain/validation/account';
import { newId } from '$lib/domain/ids';
import { conflict } from './http/api-error';
import { hashPassword } from './auth/password';
import type { Me, PublicUser } from '$lib/types';
import { blurHome, homeMoved, type LatLng } from '$lib/domain/home-blur';

export type { Me, PublicUser };

export const toPublicUser = (u: UserRow): PublicUser => ({ id: u.id, displayName: u.displayName, kind: u.kind });

export const toMe = (u: UserRow): Me => ({
	...toPublicUser(u),
	email: u.email,
	bio: u.bio,
	skills: u.skills,
	discoverable: u.discoverable,
	home: u.homeLat === null || u.homeLng === null ? null : { lat: u.homeLat, lng: u.homeLng }
});

/** Creates an account; 409 `email_taken` when the (lower-cased) email exists. */
export async function createUser(input: SignupInput): Promise<UserRow> {
	const passwordHash = await hashPassword(input.password);
	const now = Date.now();
	const row = {
		id: newId(),
		email: input.email,
		passwordHash,
		displayName: input.displayName,
		kind: input.kind,
		createdAt: now,
		updatedAt: now
	};
	try {
		return db().insert(users).values(row).returning().get();
	} catch (err) {
		if (String(err).includes('UNIQUE constraint failed: users.email')) {
			throw conflict('email_taken', 'Un compte existe déjà avec cette adresse e-mail.');
		}
		throw err;
	}
}

export function findUserByEmail(email: string): UserRow | undefined {
	return db().select().from(users).where(eq(users.email, email)).get();
}

/** Applies a validated profile patch and returns the updated row. */
export function updateProfile(userId: string, patch: ProfilePatch): UserRow {
	const set: Partial<UserRow> = { updatedAt: Date.now() };
	if (patch.displayName !== undefined) set.displayName = patch.displayName;
	if (patch.bio !== undefined) set.bio = patch.bio;
	if (patch.skills !== undefined) set.skills = patch.skills;
	if (patch.discoverable !== undefined) set.discoverable = patch.discoverable;
	if (patch.home !== undefined) Object.assign(set, homeColumns(userId, patch.home));
	return db().update(users).set(set).where(eq(users.id, userId)).returning().get();
}

/**
 * The home columns for a new home: a fresh blurred point when the home moves,
 * none when it is cleared, and nothing changed when it stays where it was
 * (a new draw per save would let the blurs be averaged back to the home).
 */
function homeColumns(userId: string, home: LatLng | null): Partial<UserRow> {
	const row = db().select({ homeLat: users.homeLat, homeLng: users.homeLng, homeBlurLat: users.homeBlurLat, homeBlurLng: users.homeBlurLng }).from(users).where(eq(users.id, userId)).get();
	const before = row && row.homeLat !== null && row.homeLng !== null ? { lat: row.homeLat, lng: row.homeLng } : null;
	const hasBlur = row !== undefined && row.homeBlurLat !== null && row.homeBlurLng !== null;
	if (!homeMoved(before, home) && (home === null || hasBlur)) return {};
	if (home === null) return { homeLat: null, homeLng: null, homeBlurLat: null, homeBlurLng: null };
	const blurred = blurHome(home, randomUnit(), randomUnit());
	return { homeLat: home.lat, homeLng: home.lng, homeBlurLat: blurred.lat, homeBlurLng: blurred.lng };
}

/** A uniform draw in [0, 1) from the platform's cryptographic generator. */
function randomUnit(): number {
	const [value] = crypto.getRandomValues(new Uint32Array(1));
	return value / 2 ** 32;
}
