import { checkDatabase } from '$lib/server/health';

export const GET = () => {
	checkDatabase();
	return new Response(JSON.stringify({ ok: true }), {
		headers: { 'content-type': 'application/json', 'cache-control': 'no-store' }
	});
};
