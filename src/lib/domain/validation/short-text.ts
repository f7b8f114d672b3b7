/**
 * Short texts others will read (display names, titles, skills, place names):
 * no control characters (NUL, line breaks…), no bidirectional overrides or
 * isolates that would reorder what surrounds them (U+202A–U+202E,
 * U+2066–U+2069), and not made only of invisible characters.
 */
import * as v from 'valibot';
import { M } from './messages';

const CONTROL = /[\u0000-\u001f\u007f-\u009f]/u;
const BIDI_OVERRIDE = /[\u202a-\u202e\u2066-\u2069]/u;
/** Spaces, format characters (zero-width, joiners, marks), fillers and variation selectors. */
const INVISIBLE = /^[\s\p{Cf}\u034f\u115f\u1160\u17b4\u17b5\u180b-\u180f\u2800\u3164\ufe00-\ufe0f\uffa0\u{e0100}-\u{e01ef}]*$/u;

/** Why `text` is refused as a short text, or null when it is fine. */
export function shortTextProblem(text: string): 'control' | 'bidi' | 'invisible' | null {
	if (CONTROL.test(text)) return 'control';
	if (BIDI_OVERRIDE.test(text)) return 'bidi';
	if (text.length > 0 && INVISIBLE.test(text)) return 'invisible';
	return null;
}

/** A valibot check for short texts (use after `v.string()` in a pipe). */
export const cleanShortText = v.check<string, string>((text) => shortTextProblem(text) === null, M.characters);
