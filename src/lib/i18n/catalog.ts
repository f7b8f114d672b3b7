/**
 * The message catalogs, one file per feature and language. English must
 * have every key French has (checked by `satisfies` in each English file).
 */
import frCommon from './fr/common';
import enCommon from './en/common';
import frAccount from './fr/account';
import enAccount from './en/account';
import frInitiatives from './fr/initiatives';
import enInitiatives from './en/initiatives';
import frMap from './fr/map';
import enMap from './en/map';
import frWorkspace from './fr/workspace';
import enWorkspace from './en/workspace';
import frPwa from './fr/pwa';
import enPwa from './en/pwa';
import frVisitors from './fr/visitors';
import enVisitors from './en/visitors';
import frProfiles from './fr/profiles';
import enProfiles from './en/profiles';
import frHistory from './fr/history';
import enHistory from './en/history';
import frOffline from './fr/offline';
import enOffline from './en/offline';
import frNotify from './fr/notify';
import enNotify from './en/notify';
import frModeration from './fr/moderation';
import enModeration from './en/moderation';
import frMeetings from './fr/meetings';
import enMeetings from './en/meetings';

export const catalogs = {
	fr: { ...frCommon, ...frAccount, ...frInitiatives, ...frMap, ...frWorkspace, ...frPwa, ...frVisitors, ...frProfiles, ...frHistory, ...frOffline, ...frNotify, ...frModeration, ...frMeetings },
	en: { ...enCommon, ...enAccount, ...enInitiatives, ...enMap, ...enWorkspace, ...enPwa, ...enVisitors, ...enProfiles, ...enHistory, ...enOffline, ...enNotify, ...enModeration, ...enMeetings }
};

export const LOCALES = ['fr', 'en'] as const;
export type Locale = (typeof LOCALES)[number];
export const DEFAULT_LOCALE: Locale = 'fr';
export const LOCALE_COOKIE = 'kohero_lang';

/** `fr` unless the person chose English. */
export function parseLocale(value: string | null | undefined): Locale {
	return value === 'en' ? 'en' : DEFAULT_LOCALE;
}

/** i18next plural keys `x_one`/`x_other` are looked up as `x` with a `count`. */
type PluralBase<K extends string> = K extends `${infer B}_${'zero' | 'one' | 'two' | 'few' | 'many' | 'other'}` ? B : K;

type Leaves<T, P extends string = ''> = {
	[K in keyof T & string]: T[K] extends string ? `${P}${PluralBase<K>}` : Leaves<T[K], `${P}${K}.`>;
}[keyof T & string];

/** Every message key, e.g. `nav.feed`. */
export type MessageKey = Leaves<(typeof catalogs)['fr']>;
