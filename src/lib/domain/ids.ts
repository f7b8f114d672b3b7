/** API.md: ids are 8–64 characters from [A-Za-z0-9_-]. */
export const ID_PATTERN = /^[A-Za-z0-9_-]{8,64}$/;

const ALPHABET = '0123456789abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ';

/** A random 21-character id (≈125 bits), usable offline by clients too. */
export function newId(length = 21): string {
	const bytes = new Uint8Array(length);
	crypto.getRandomValues(bytes);
	let id = '';
	for (const b of bytes) id += ALPHABET[b % ALPHABET.length];
	return id;
}

export const isValidId = (value: string): boolean => ID_PATTERN.test(value);
