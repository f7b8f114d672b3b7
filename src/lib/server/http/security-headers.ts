import { allowMapOrigin } from './map-csp';

/** Headers every response carries; the Content-Security-Policy comes from `kit.csp`. */
export function securityHeaders(headers: Headers): void {
	const set = (name: string, value: string) => {
		if (!headers.has(name)) headers.set(name, value);
	};
	set('x-content-type-options', 'nosniff');
	set('referrer-policy', 'strict-origin-when-cross-origin');
	set('permissions-policy', 'geolocation=(self), camera=(), microphone=(), payment=()');
	set('x-frame-options', 'DENY');
	allowMapOrigin(headers);
}
