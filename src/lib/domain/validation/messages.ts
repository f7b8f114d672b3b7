import * as v from 'valibot';

/**
 * Validation messages are i18n keys under `errors.*`, so the same schema
 * speaks French in the API and the active language in the forms.
 */
export const M = {
	required: 'errors.required',
	email: 'errors.email',
	passwordShort: 'errors.password_short',
	tooLong: 'errors.too_long',
	tooShort: 'errors.too_short',
	kind: 'errors.kind',
	lat: 'errors.lat',
	lng: 'errors.lng',
	boolean: 'errors.boolean',
	skills: 'errors.skills',
	category: 'errors.category',
	id: 'errors.id',
	number: 'errors.number',
	radius: 'errors.radius',
	limit: 'errors.limit',
	cursor: 'errors.cursor',
	bbox: 'errors.bbox',
	role: 'errors.role',
	query: 'errors.query',
	invalid: 'errors.invalid',
	characters: 'errors.characters'
} as const;

// Issues a schema gives no message of its own (a missing key of an object, a
// wrong type deep inside) still get a translatable key, never valibot's English.
v.setGlobalMessage((issue) => (issue.received === 'undefined' ? M.required : M.invalid));
