import { error, redirect } from '@sveltejs/kit';
import type { AuditEntry } from '$lib/domain/moderation';
import type { PageLoad } from './$types';

export const load: PageLoad = async ({ parent, fetch }) => {
	const { user } = await parent();
	if (!user) redirect(303, '/login');
	const response = await fetch('/api/moderation/audit');
	if (response.status === 403) error(403, 'Réservé à la modération.');
	if (!response.ok) error(503, 'Journal indisponible.');
	return { items: ((await response.json()) as { items: AuditEntry[] }).items };
};
