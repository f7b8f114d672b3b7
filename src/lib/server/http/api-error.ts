/** An error the JSON API answers with API.md's shape instead of a stack trace. */
export class ApiError extends Error {
	constructor(
		readonly status: number,
		readonly code: string,
		message: string,
		readonly fields?: Record<string, string>,
		readonly headers?: Record<string, string>
	) {
		super(message);
	}
}

/** `{"error":{code,message,fields?}}` with the given status. */
export function errorResponse(
	status: number,
	code: string,
	message: string,
	fields?: Record<string, string>,
	headers?: Record<string, string>
): Response {
	const body = { error: fields ? { code, message, fields } : { code, message } };
	return new Response(JSON.stringify(body), {
		status,
		headers: { 'content-type': 'application/json; charset=utf-8', ...headers }
	});
}

export const badRequest = (fields: Record<string, string>, message = 'Données invalides.') =>
	new ApiError(400, 'invalid_input', message, fields);
export const unauthorized = () => new ApiError(401, 'not_signed_in', 'Vous devez être connecté·e.');
export const forbidden = (message = "Vous n'avez pas le droit de faire cela.") =>
	new ApiError(403, 'forbidden', message);
export const notFound = (message = 'Introuvable.') => new ApiError(404, 'not_found', message);
export const conflict = (code: string, message: string) => new ApiError(409, code, message);

/** 429 with `Retry-After: waitSeconds`; `message` is given the wait in whole minutes. */
export const tooManyRequests = (waitSeconds: number, message: (minutes: number) => string, code = 'too_many_requests') =>
	new ApiError(429, code, message(Math.ceil(waitSeconds / 60)), undefined, { 'retry-after': String(waitSeconds) });
