/**
 * A leaf module (imports nothing): lib/server, the relay and the store all log through it.
 * Structured JSON logs, one line per event. Personal data is masked before it
 * is written: emails keep their first letter and domain, coordinates are dropped.
 */
type Fields = Record<string, unknown>;

const MASKED_KEYS = new Set(['lat', 'lng', 'home', 'password', 'token', 'cookie']);

function mask(fields: Fields): Fields {
	const out: Fields = {};
	for (const [key, value] of Object.entries(fields)) {
		if (MASKED_KEYS.has(key)) out[key] = '[masked]';
		else if (typeof value === 'string') out[key] = maskEmails(value);
		else out[key] = value;
	}
	return out;
}

/** `camille@example.org` → `c***@example.org`. */
export function maskEmails(text: string): string {
	return text.replace(/([A-Za-z0-9._%+-])[A-Za-z0-9._%+-]*@([A-Za-z0-9.-]+)/g, '$1***@$2');
}

function write(level: 'info' | 'warn' | 'error', event: string, fields: Fields = {}): void {
	if (process.env.KOHERO_LOG === 'silent') return;
	const line = JSON.stringify({ time: new Date().toISOString(), level, event, ...mask(fields) });
	if (level === 'error') console.error(line);
	else console.log(line);
}

export const log = {
	info: (event: string, fields?: Fields) => write('info', event, fields),
	warn: (event: string, fields?: Fields) => write('warn', event, fields),
	error: (event: string, fields?: Fields) => write('error', event, fields)
};
