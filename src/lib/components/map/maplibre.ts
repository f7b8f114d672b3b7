/**
 * Loads maplibre-gl on demand (it is big: only pages showing a map pay for it)
 * and picks the style: the configured tile style when reachable, else the
 * embedded offline basemap shipped in static/map/ (see basemap-style.ts).
 */
import { env } from '$env/dynamic/public';
import type { MapOptions } from 'maplibre-gl';
import { embeddedStyle } from './basemap-style';

export type Maplibre = typeof import('maplibre-gl');
export type StyleSpec = Exclude<MapOptions['style'], string | undefined>;

let loading: Promise<Maplibre> | undefined;

/** The maplibre-gl module with its worker URL set (Vite cannot find the worker by itself). */
export function loadMaplibre(): Promise<Maplibre> {
	loading ??= Promise.all([
		import('maplibre-gl'),
		import('maplibre-gl/dist/maplibre-gl-worker.mjs?url'),
		import('maplibre-gl/dist/maplibre-gl.css')
	])
		.then(([maplibre, worker]) => {
			maplibre.setWorkerUrl(worker.default);
			return maplibre;
		})
		.catch((err: unknown) => {
			loading = undefined;
			throw err;
		});
	return loading;
}

/** The style a map starts with, and whether it is the embedded one. */
export interface ChosenStyle {
	style: string | StyleSpec;
	embedded: boolean;
}

/** The configured online style, if any. */
export const remoteStyleUrl = (): string | undefined => env.PUBLIC_MAP_STYLE_URL || undefined;

/** True when the online style answers within 3 s. */
export async function remoteStyleReachable(url: string): Promise<boolean> {
	if (!navigator.onLine) return false;
	try {
		// eslint-disable-next-line no-restricted-globals -- a third-party style server, not Kohero's API: no API.md errors, no session.
		const response = await fetch(url, { signal: AbortSignal.timeout(3000), cache: 'no-store' });
		return response.ok;
	} catch {
		return false;
	}
}

/**
 * PUBLIC_MAP_STYLE_URL when it answers, else the embedded style (offline,
 * unset, down). Asked again for each map, so a server that went down since
 * the last map is noticed.
 */
export async function mapStyle(): Promise<ChosenStyle> {
	const url = remoteStyleUrl();
	if (url && (await remoteStyleReachable(url))) return { style: url, embedded: false };
	return { style: await embeddedStyle(), embedded: true };
}
