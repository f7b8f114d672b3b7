/**
 * What `q` asks of the full-text index. Every word must appear in a visible
 * column, accents and case ignored; the last one may be the start of a word,
 * because the feed searches as the person types (`jard` finds Jardin).
 */

/** Name of the SQL function that checks a whole long prefix on a row (see `TextMatch.wordPrefix`). */
export const WORD_PREFIX_FUNCTION = 'kohero_has_word_prefix';
/** A shorter last word matches whole words only: one or two letters start most words and have no prefix index. */
export const MIN_PREFIX_CHARS = 3;
/** The longest prefix index of `initiative_fts` (drizzle/0004, prefix='3 4'). */
const LONGEST_PREFIX_INDEX = 4;

export interface TextMatch {
	/** The FTS5 MATCH expression, safe to pass as a parameter. */
	fts: string;
	/**
	 * The whole folded last word when it is longer than the longest prefix index: FTS5 then matches only
	 * its first characters (a longer prefix would merge every doclist of the table) and each row is checked
	 * against it with WORD_PREFIX_FUNCTION.
	 */
	wordPrefix?: string;
}

/** Lower case without diacritics, as the `unicode61 remove_diacritics 2` tokenizer folds letters. */
export function foldText(text: string): string {
	return text.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();
}

/**
 * Turns free text into a safe FTS5 expression: only letter/digit runs survive,
 * each is quoted (so `AND`, `NEAR`, `*`, quotes or SQL mean nothing special)
 * and all must match, the last one as a prefix when it has at least
 * MIN_PREFIX_CHARS characters. Undefined when nothing searchable is left.
 */
export function ftsQueryFromText(text: string): TextMatch | undefined {
	const tokens = text.match(/[\p{L}\p{N}]+/gu)?.slice(0, 12);
	if (!tokens?.length) return undefined;
	const terms = tokens.map((t) => `"${t}"`);
	// Code points, so a character outside the BMP counts once, as FTS5 counts it.
	const last = [...foldText(tokens[tokens.length - 1])];
	let wordPrefix: string | undefined;
	if (last.length >= MIN_PREFIX_CHARS) {
		// Exactly an indexed length, so FTS5 reads one prefix term and seeks it by row id like a word.
		terms[terms.length - 1] = `"${last.slice(0, LONGEST_PREFIX_INDEX).join('')}"*`;
		if (last.length > LONGEST_PREFIX_INDEX) wordPrefix = last.join('');
	}
	// Only the visible columns: a word never matches text the person cannot see.
	return { fts: `{title summary place_name} : (${terms.join(' ')})`, wordPrefix };
}

// Marks too: in text not yet folded a combining accent belongs to the word it sits in.
const TOKEN_CHAR = /[\p{L}\p{N}\p{M}]/u;

/** True when a word of one of `texts` starts with the folded `prefix` (words split as the tokenizer splits them). */
export function hasWordPrefix(prefix: string, ...texts: (string | null | undefined)[]): boolean {
	// Most rows FTS5 hands over do match: try the cheap lower-casing first, the full fold (NFD) only when it fails.
	return texts.some((text) => !!text && startsAWord(text.toLowerCase(), prefix)) || texts.some((text) => !!text && startsAWord(foldText(text), prefix));
}

function startsAWord(folded: string, prefix: string): boolean {
	for (let at = folded.indexOf(prefix); at !== -1; at = folded.indexOf(prefix, at + 1)) {
		if (at === 0 || !TOKEN_CHAR.test(charBefore(folded, at))) return true;
	}
	return false;
}

/** The character just before `at`, whole when it is a surrogate pair (a letter outside the BMP). */
function charBefore(s: string, at: number): string {
	const unit = s.charCodeAt(at - 1);
	return unit >= 0xdc00 && unit <= 0xdfff && at >= 2 ? s.slice(at - 2, at) : s[at - 1];
}
