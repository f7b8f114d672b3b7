import type { RequestHandler } from './$types';
import { listPublicInitiatives } from '$lib/server/initiatives';
import { sitemapXml } from '$lib/domain/sitemap';

/** The home page and every public initiative, for search engines (sitemaps.org 0.9). */
export const GET: RequestHandler = ({ url }) =>
	new Response(sitemapXml(url.origin, listPublicInitiatives()), {
		headers: { 'content-type': 'application/xml; charset=utf-8', 'cache-control': 'public, max-age=600' }
	});
