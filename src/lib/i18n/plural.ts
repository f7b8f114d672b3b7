import type { MessageKey } from './catalog';
import type { Translate } from './translate';

const rules = new Map<string, Intl.PluralRules>();

/** Picks the `one` or `other` message for `count` with Intl.PluralRules (French: 0 and 1 are singular). */
export function plural(t: Translate, locale: string, count: number, one: MessageKey, other: MessageKey): string {
	let rule = rules.get(locale);
	if (!rule) {
		rule = new Intl.PluralRules(locale);
		rules.set(locale, rule);
	}
	return t(rule.select(count) === 'one' ? one : other, { count });
}
