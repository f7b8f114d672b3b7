/** The relay's URL on this origin, ws: or wss: like the page. */
export function syncUrl(location: Location): string {
	return `${location.protocol === 'https:' ? 'wss' : 'ws'}://${location.host}/sync`;
}
