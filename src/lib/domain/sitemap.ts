/** Texts for crawlers: the sitemap of public pages and robots.txt. Pure. */

const escapeXml = (text: string) =>
	text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&apos;');

/** sitemaps.org XML: the home page, the map, then one `<url>` per initiative. */
export function sitemapXml(origin: string, items: { id: string; updatedAt: string }[]): string {
	const urls = [
		`<url><loc>${escapeXml(`${origin}/`)}</loc></url>`,
		`<url><loc>${escapeXml(`${origin}/map`)}</loc></url>`,
		...items.map(
			(i) => `<url><loc>${escapeXml(`${origin}/initiatives/${encodeURIComponent(i.id)}`)}</loc><lastmod>${escapeXml(i.updatedAt)}</lastmod></url>`
		)
	];
	return `<?xml version="1.0" encoding="UTF-8"?>\n<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">\n${urls.join('\n')}\n</urlset>\n`;
}

/** Paths crawlers must leave alone: the API and everything about people or one's own account. */
export const PRIVATE_PATHS = ['/api/', '/people', '/profile', '/settings', '/mine', '/login', '/signup', '/sync/'];

/** robots.txt pointing at the sitemap. */
export function robotsTxt(origin: string): string {
	return ['User-agent: *', ...PRIVATE_PATHS.map((p) => `Disallow: ${p}`), 'Allow: /', '', `Sitemap: ${origin}/sitemap.xml`, ''].join('\n');
}
