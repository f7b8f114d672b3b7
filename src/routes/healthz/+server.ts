import { store } from '$store/db';

export const GET = () => {
	store().sqlite.prepare('select 1').get();
	return new Response(JSON.stringify({ ok: true }), {
		headers: { 'content-type': 'application/json', 'cache-control': 'no-store' }
	});
};
