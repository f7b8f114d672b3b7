import { getContext, setContext } from 'svelte';
import { formatters, type Formatters } from '$lib/i18n/format';
import { translator, type Translate } from '$lib/i18n/translate';
import type { Locale } from '$lib/i18n/catalog';

/** The active language of the interface, with its translator and Intl formatters. */
export class I18n {
	locale = $state<Locale>('fr');
	t: Translate = $derived(translator(this.locale));
	fmt: Formatters = $derived(formatters(this.locale));

	constructor(locale: Locale) {
		this.locale = locale;
	}
}

const KEY = Symbol('i18n');

/** Provides the i18n state to the component tree (root layout). */
export function provideI18n(i18n: I18n): I18n {
	return setContext(KEY, i18n);
}

/** The i18n state provided by the root layout. */
export function useI18n(): I18n {
	return getContext<I18n>(KEY);
}
