import type { PageLoad } from './$types';

export interface InvitePreview {
	initiative: { id: string; title: string; summary: string; placeName: string };
	expiresAt: string;
}

/** The invitation's initiative, or why it cannot be used (the page explains; no error page). */
export const load: PageLoad = async ({ fetch, params }) => {
	const response = await fetch(`/api/invites/${encodeURIComponent(params.token)}`).catch(() => null);
	if (response?.ok) return { token: params.token, invite: (await response.json()) as InvitePreview, problem: null };
	const problem = !response ? 'network' : response.status === 410 ? 'expired' : 'notFound';
	return { token: params.token, invite: null, problem } as const;
};
