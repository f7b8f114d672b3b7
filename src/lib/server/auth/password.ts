import { hash, verify } from '@node-rs/argon2';

/** OWASP's argon2id baseline: 19 MiB, 2 iterations, 1 lane (~60 ms here). */
const OPTIONS = { memoryCost: 19456, timeCost: 2, outputLen: 32, parallelism: 1 };

/** An argon2id PHC string for `password`. */
export function hashPassword(password: string): Promise<string> {
	return hash(password, OPTIONS);
}

/** Whether `password` matches `passwordHash`; false rather than throwing on a damaged hash. */
export async function verifyPassword(passwordHash: string, password: string): Promise<boolean> {
	try {
		return await verify(passwordHash, password);
	} catch {
		return false;
	}
}

/**
 * A hash to verify against when the email is unknown, so a failed login takes
 * the same time whether or not the account exists.
 */
let decoy: Promise<string> | undefined;
export function decoyHash(): Promise<string> {
	decoy ??= hashPassword('kohero-decoy-password');
	return decoy;
}
