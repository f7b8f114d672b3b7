import { error, redirect } from '@sveltejs/kit';
import type { PageLoad } from './$types';
import type { Initiative, Role } from '$lib/types';

type MyInitiative = Initiative & { role: Role };

export const load: PageLoad = async ({ fetch }) => {
	const response = await fetch('/api/me/initiatives');
	if (response.status === 401) redirect(303, '/login');
	if (!response.ok) error(503, 'Impossible de charger vos initiatives.');
	const { items } = (await response.json()) as { items: MyInitiative[] };
	return {
		owned: items.filter((i) => i.role === 'owner'),
		joined: items.filter((i) => i.role !== 'owner')
	};
};
