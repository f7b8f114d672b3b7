/** Where to go after signing in (`?next=/join/…`): a path on this site only, never another origin. */
export function nextPath(value: string | null | undefined): string | null {
	if (!value || !value.startsWith('/') || value.startsWith('//') || value.startsWith('/\\')) return null;
	if (/[\u0000-\u001f\u007f]/.test(value) || value.length > 512) return null;
	return value;
}
