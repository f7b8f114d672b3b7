/**
 * The Content-Security-Policy is fixed at build time, but PUBLIC_MAP_STYLE_URL
 * is read when the server starts: let pages fetch that style's origin (style,
 * tiles, glyphs, sprites) even when it was set after the build.
 */
import { env } from '$env/dynamic/public';

const DIRECTIVES = ['connect-src', 'img-src', 'font-src'];

function mapOrigin(): string | null {
	try {
		return env.PUBLIC_MAP_STYLE_URL ? new URL(env.PUBLIC_MAP_STYLE_URL).origin : null;
	} catch {
		return null;
	}
}

/** Adds the map style's origin to the fetch, image and font sources of a page's CSP. */
export function allowMapOrigin(headers: Headers): void {
	const origin = mapOrigin();
	const csp = headers.get('content-security-policy');
	if (!origin || !csp) return;
	const widened = csp
		.split(';')
		.map((part) => {
			const directive = part.trim().split(/\s+/);
			return DIRECTIVES.includes(directive[0]) && !directive.includes(origin) ? `${part.trim()} ${origin}` : part.trim();
		})
		.join('; ');
	headers.set('content-security-policy', widened);
}
