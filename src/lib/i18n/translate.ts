import i18next, { type TFunction } from 'i18next';
import { catalogs, type Locale, type MessageKey } from './catalog';

/**
 * i18next does interpolation (`{{count}}`) and plurals (`key_one`/`key_other`)
 * with Intl.PluralRules. One instance per locale, initialised synchronously
 * from the bundled catalogs, so server rendering never waits or mixes locales.
 */
const instances = new Map<Locale, TFunction>();

function instanceFor(locale: Locale): TFunction {
	let t = instances.get(locale);
	if (!t) {
		const instance = i18next.createInstance();
		void instance.init({
			lng: locale,
			fallbackLng: 'fr',
			resources: { fr: { translation: catalogs.fr }, en: { translation: catalogs.en } },
			initAsync: false,
			interpolation: { escapeValue: false }
		});
		t = instance.t.bind(instance) as TFunction;
		instances.set(locale, t);
	}
	return t;
}

export type Translate = (key: MessageKey, values?: Record<string, string | number>) => string;

/** A translation function for `locale`. */
export function translator(locale: Locale): Translate {
	const t = instanceFor(locale);
	return (key, values) => String(t(key, values ?? {}));
}

/** Translates an `errors.*` (or `<area>.errors.*`) key from a validation schema; other text passes through. */
export function translateFieldMessage(t: Translate, message: string): string {
	return /^([a-z]+\.)?errors\./.test(message) ? t(message as MessageKey) : message;
}
