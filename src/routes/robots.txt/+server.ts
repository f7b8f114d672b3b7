import type { RequestHandler } from './$types';
import { robotsTxt } from '$lib/domain/sitemap';

/** Keeps crawlers on public pages: no API, no people, no personal pages. */
export const GET: RequestHandler = ({ url }) =>
	new Response(robotsTxt(url.origin), { headers: { 'content-type': 'text/plain; charset=utf-8', 'cache-control': 'public, max-age=3600' } });
