/** Validation of this area's inputs: 400 with one French message per field (`notify.errors.*` keys). */
import * as v from 'valibot';
import { issuesToFieldMessages } from '$lib/domain/validation/fields';
import { translator } from '$lib/i18n/translate';
import type { MessageKey } from '$lib/i18n/catalog';
import { badRequest } from '../http/api-error';
import { readJson } from '../http/json';

const t = translator('fr');

/** Validates `raw`; a failure is a 400 whose `fields` speak French. */
export function validateNotify<S extends v.GenericSchema>(schema: S, raw: unknown): v.InferOutput<S> {
	const result = v.safeParse(schema, raw);
	if (result.success) return result.output;
	const fields = issuesToFieldMessages(result.issues);
	for (const key of Object.keys(fields)) {
		const message = fields[key];
		fields[key] = message.startsWith('notify.') || message.startsWith('errors.') ? t(message as MessageKey) : message;
	}
	throw badRequest(fields);
}

/** Reads a JSON body (64 kB, malformed → 400) and validates it with `schema`. */
export async function readNotifyJson<S extends v.GenericSchema>(request: Request, schema: S): Promise<v.InferOutput<S>> {
	const raw: unknown = await readJson(request, v.unknown());
	if (raw === null || typeof raw !== 'object' || Array.isArray(raw)) {
		throw badRequest({ _: t('notify.errors.body') });
	}
	return validateNotify(schema, raw);
}

