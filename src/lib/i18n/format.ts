import type { Locale } from './catalog';

const tags: Record<Locale, string> = { fr: 'fr-FR', en: 'en-GB' };

/** Locale-aware formatters built on Intl. */
export function formatters(locale: Locale) {
	const tag = tags[locale];
	const km = new Intl.NumberFormat(tag, { style: 'unit', unit: 'kilometer', maximumFractionDigits: 1 });
	const m = new Intl.NumberFormat(tag, { style: 'unit', unit: 'meter', maximumFractionDigits: 0 });
	const date = new Intl.DateTimeFormat(tag, { dateStyle: 'medium' });
	const dateTime = new Intl.DateTimeFormat(tag, { dateStyle: 'medium', timeStyle: 'short' });
	const time = new Intl.DateTimeFormat(tag, { timeStyle: 'short' });
	const number = new Intl.NumberFormat(tag);
	return {
		/** 1.234 → « 1,2 km »; under 1 km in metres rounded to 10 m. */
		distance(distanceKm: number): string {
			if (distanceKm < 1) return m.format(Math.max(10, Math.round((distanceKm * 1000) / 10) * 10));
			return km.format(distanceKm);
		},
		date: (value: number | Date) => date.format(value),
		dateTime: (value: number | Date) => dateTime.format(value),
		time: (value: number | Date) => time.format(value),
		number: (value: number) => number.format(value)
	};
}
export type Formatters = ReturnType<typeof formatters>;
