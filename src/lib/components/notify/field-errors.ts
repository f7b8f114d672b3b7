/** Local validation of the reset forms with this area's schemas, in the reader's language. */
import * as v from 'valibot';
import { issuesToFieldMessages } from '$lib/domain/validation/fields';
import type { Translate } from '$lib/i18n/translate';
import type { MessageKey } from '$lib/i18n/catalog';

/** The translated message of each bad field, or null when `raw` is valid. */
export function fieldErrors(schema: v.GenericSchema, raw: unknown, t: Translate): Record<string, string> | null {
	const result = v.safeParse(schema, raw);
	if (result.success) return null;
	const fields = issuesToFieldMessages(result.issues);
	return Object.fromEntries(Object.entries(fields).map(([k, m]) => [k, m.includes('.') ? t(m as MessageKey) : m]));
}
