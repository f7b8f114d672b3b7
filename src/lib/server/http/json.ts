import * as v from 'valibot';
import { ApiError, badRequest } from './api-error';
import { translateFieldMessage, translator } from '$lib/i18n/translate';
import { issuesToFieldMessages } from '$lib/domain/validation/fields';

/** API messages are French first. */
const t = translator('fr');

/** API.md: JSON bodies are limited to 64 kB. */
export const JSON_BODY_LIMIT = 64 * 1024;

/**
 * Reads a JSON body of at most 64 kB and validates it with `schema`.
 * Throws ApiError 413 / 400 (with `fields`) so no bad input reaches a 500.
 */
export async function readJson<S extends v.GenericSchema>(
	request: Request,
	schema: S
): Promise<v.InferOutput<S>> {
	const text = await readLimitedText(request, JSON_BODY_LIMIT);
	let raw: unknown;
	try {
		raw = text === '' ? {} : JSON.parse(text);
	} catch {
		throw new ApiError(400, 'malformed_json', "Le corps de la requête n'est pas du JSON valide.");
	}
	// Every JSON body of the API is an object; valibot's object schema would let an array through.
	if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) {
		throw badRequest({ _: 'Le corps de la requête doit être un objet JSON.' }, 'Le corps de la requête doit être un objet JSON.');
	}
	return validate(schema, raw);
}

/** Validates `raw` against `schema`, turning issues into a 400 with one message per field. */
export function validate<S extends v.GenericSchema>(schema: S, raw: unknown): v.InferOutput<S> {
	const result = v.safeParse(schema, raw);
	if (result.success) return result.output;
	const fields = issuesToFieldMessages(result.issues);
	for (const key of Object.keys(fields)) fields[key] = translateFieldMessage(t, fields[key]);
	throw badRequest(fields);
}

async function readLimitedText(request: Request, limit: number): Promise<string> {
	const declared = Number(request.headers.get('content-length') ?? '0');
	if (declared > limit) throw tooLarge();
	if (!request.body) return '';
	const reader = request.body.getReader();
	const chunks: Uint8Array[] = [];
	let size = 0;
	for (;;) {
		const { done, value } = await reader.read();
		if (done) break;
		size += value.byteLength;
		if (size > limit) {
			// Not reader.cancel(): adapter-node destroys the socket on cancel, and the
			// client would get a reset instead of the 413. Stop reading; the response
			// closes the connection, so the rest of the body is never read either.
			reader.releaseLock();
			throw tooLarge();
		}
		chunks.push(value);
	}
	return new TextDecoder().decode(Buffer.concat(chunks));
}

const tooLarge = () =>
	new ApiError(413, 'payload_too_large', 'Le corps de la requête dépasse 64 ko.', undefined, { connection: 'close' });

/** A JSON response. */
export function json(data: unknown, status = 200, headers?: Record<string, string>): Response {
	return new Response(JSON.stringify(data), {
		status,
		headers: { 'content-type': 'application/json; charset=utf-8', ...headers }
	});
}
