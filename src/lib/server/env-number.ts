/** A positive integer from the environment variable `name`, or `fallback` when unset or invalid. */
export function positiveIntEnv(name: string, fallback: number): number {
	const value = Number(process.env[name]);
	return Number.isInteger(value) && value > 0 ? value : fallback;
}

/** A positive number (fractions allowed) from the environment variable `name`, or `fallback` when unset or invalid. */
export function positiveNumberEnv(name: string, fallback: number): number {
	const value = Number(process.env[name]);
	return Number.isFinite(value) && value > 0 ? value : fallback;
}
