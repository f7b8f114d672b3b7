/**
 * Mails are written once as blocks and rendered twice: a plain-text part and
 * an HTML part with every piece of text escaped. Templates build blocks; this
 * module is the only place that knows HTML.
 */

export type MailBlock =
	| { kind: 'text'; text: string }
	| { kind: 'list'; items: { text: string; url: string; note?: string }[] }
	| { kind: 'action'; label: string; url: string };

export interface MailContent {
	subject: string;
	blocks: MailBlock[];
	/** Small print: each line with an optional link. */
	footer: { text: string; label?: string; url?: string }[];
	lang: string;
}

export interface RenderedMail {
	subject: string;
	text: string;
	html: string;
}

/** Escapes text for HTML element content and attribute values. */
export function escapeHtml(value: string): string {
	return value.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] as string);
}

function textOf(block: MailBlock): string {
	if (block.kind === 'text') return block.text;
	if (block.kind === 'action') return `${block.label}\n${block.url}`;
	return block.items.map((item) => `• ${item.text}${item.note ? ` — ${item.note}` : ''}\n  ${item.url}`).join('\n');
}

function htmlOf(block: MailBlock): string {
	if (block.kind === 'text') return `<p>${escapeHtml(block.text)}</p>`;
	if (block.kind === 'action') {
		return `<p><a href="${escapeHtml(block.url)}" style="display:inline-block;padding:10px 16px;background:#1f6f50;color:#fff;border-radius:6px;text-decoration:none">${escapeHtml(block.label)}</a></p>`;
	}
	const items = block.items
		.map((item) => `<li style="margin:0 0 8px"><a href="${escapeHtml(item.url)}">${escapeHtml(item.text)}</a>${item.note ? ` <span style="color:#555">— ${escapeHtml(item.note)}</span>` : ''}</li>`)
		.join('');
	return `<ul style="padding-left:18px">${items}</ul>`;
}

/** The text and HTML parts of `content`. */
export function renderMail(content: MailContent): RenderedMail {
	const footerText = content.footer.map((line) => line.text).join('\n');
	const text = `${content.blocks.map(textOf).join('\n\n')}\n\n-- \n${footerText}\n`;
	const footerHtml = content.footer
		.map((line) => `<p>${line.url && line.label ? `<a href="${escapeHtml(line.url)}">${escapeHtml(line.label)}</a>` : escapeHtml(line.text)}</p>`)
		.join('');
	const html =
		`<!doctype html><html lang="${escapeHtml(content.lang)}"><head><meta charset="utf-8"><title>${escapeHtml(content.subject)}</title></head>` +
		`<body style="font-family:system-ui,sans-serif;line-height:1.5;color:#1b1b1b;max-width:600px;margin:0 auto;padding:16px">` +
		content.blocks.map(htmlOf).join('') +
		`<hr style="border:none;border-top:1px solid #ddd"><div style="font-size:13px;color:#555">${footerHtml}</div></body></html>`;
	return { subject: content.subject, text, html };
}
