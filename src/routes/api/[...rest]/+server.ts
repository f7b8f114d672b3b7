import { errorResponse } from '$lib/server/http/api-error';

/** Unknown API paths answer API.md's JSON 404 rather than an HTML page. */
const notFound = () => errorResponse(404, 'not_found', 'Cette adresse de l’API n’existe pas.');
export const GET = notFound;
export const POST = notFound;
export const PATCH = notFound;
export const PUT = notFound;
export const DELETE = notFound;
