/**
 * The page behind a mail's unsubscribe link: a GET only shows a button (link
 * scanners fetch URLs and must change nothing); the button POSTs the same
 * one-click form a mail provider sends.
 */
import type { Locale } from '$lib/i18n/catalog';
import { translator } from '$lib/i18n/translate';
import { escapeHtml } from './mail/layout';

const CSP = "default-src 'none'; style-src 'unsafe-inline'; form-action 'self'; frame-ancestors 'none'; base-uri 'none'";

/** A small self-contained HTML page: `ask` (with the button), `done`, or `unknown` token. */
export function unsubscribePage(locale: Locale, token: string, state: 'ask' | 'done' | 'unknown'): Response {
	const t = translator(locale);
	const body =
		state === 'ask'
			? `<p>${escapeHtml(t('notify.unsubscribe.text'))}</p>
<form method="post" action="/api/unsubscribe/${escapeHtml(token)}">
<input type="hidden" name="List-Unsubscribe" value="One-Click">
<button type="submit">${escapeHtml(t('notify.unsubscribe.button'))}</button>
</form>`
			: `<p role="status">${escapeHtml(t(state === 'done' ? 'notify.unsubscribe.done' : 'notify.unsubscribe.unknown'))}</p>
<p><a href="/settings">${escapeHtml(t('notify.settings.title'))}</a></p>`;
	const html = `<!doctype html>
<html lang="${locale}"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(t('notify.unsubscribe.title'))} · Kohero</title>
<style>body{font-family:system-ui,sans-serif;max-width:36rem;margin:2rem auto;padding:0 1rem;line-height:1.5;color:#1b1b1b}
button{font:inherit;padding:.6rem 1rem;border-radius:.4rem;border:0;background:#1f6f50;color:#fff;cursor:pointer}
button:focus-visible{outline:3px solid #0b3d2c;outline-offset:2px}a{color:#1f6f50}</style></head>
<body><main><h1>${escapeHtml(t('notify.unsubscribe.title'))}</h1>
${body}</main></body></html>`;
	return new Response(html, {
		status: 200,
		headers: {
			'content-type': 'text/html; charset=utf-8',
			'cache-control': 'private, no-store',
			'content-security-policy': CSP,
			'referrer-policy': 'no-referrer'
		}
	});
}
