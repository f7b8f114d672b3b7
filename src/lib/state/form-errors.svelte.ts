import * as v from 'valibot';
import { ApiClientError } from '$lib/api/client';
import { issuesToFieldMessages } from '$lib/domain/validation/fields';
import { translateFieldMessage, type Translate } from '$lib/i18n/translate';

/** Field errors and a form-level message, filled from local validation or the API's answer. */
export class FormErrors {
	fields = $state<Record<string, string>>({});
	form = $state('');

	clear(): void {
		this.fields = {};
		this.form = '';
	}

	/** Validates `raw` with `schema`; on failure fills the fields and returns undefined. */
	check<S extends v.GenericSchema>(schema: S, raw: unknown, t: Translate): v.InferOutput<S> | undefined {
		this.clear();
		const result = v.safeParse(schema, raw);
		if (result.success) return result.output;
		this.fields = mapValues(issuesToFieldMessages(result.issues), (m) => translateFieldMessage(t, m));
		this.form = t('auth.fixErrors');
		return undefined;
	}

	/** Shows what went wrong with an API call. */
	fromError(err: unknown, t: Translate): void {
		if (err instanceof ApiClientError) {
			this.fields = err.fields;
			this.form = err.isNetwork ? t('common.network') : err.message;
		} else {
			this.form = t('common.unexpected');
		}
	}

	/** Shows a refusal the outbox brought back from the server. */
	fromRefusal(refusal: { message: string; fields?: Record<string, string> }): void {
		this.fields = refusal.fields ?? {};
		this.form = refusal.message;
	}

	/** aria attributes for the input named `name`. */
	aria(name: string, hasHint = false) {
		const ids = [hasHint ? `${name}-hint` : '', this.fields[name] ? `${name}-error` : ''].filter(Boolean);
		return {
			'aria-invalid': this.fields[name] ? ('true' as const) : undefined,
			'aria-describedby': ids.length ? ids.join(' ') : undefined
		};
	}
}

function mapValues(record: Record<string, string>, fn: (value: string) => string): Record<string, string> {
	return Object.fromEntries(Object.entries(record).map(([k, value]) => [k, fn(value)]));
}
