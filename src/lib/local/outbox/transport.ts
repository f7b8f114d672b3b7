/** How each outbox mutation is sent to the API (API.md), through the app's API client. */
import { request as send } from '$lib/api/client';
import type { Mutation } from './mutation';
import type { Transport } from './outbox';
import { isMeetingMutation, meetingRequest } from '../meetings/outbox';

function request(mutation: Mutation): { method: string; path: string; body?: unknown } {
	if (isMeetingMutation(mutation)) return meetingRequest(mutation);
	switch (mutation.kind) {
		case 'create':
			return { method: 'POST', path: '/api/initiatives', body: mutation.body };
		case 'patch':
			return { method: 'PATCH', path: `/api/initiatives/${mutation.initiativeId}`, body: mutation.body };
		case 'join':
			return { method: 'POST', path: `/api/initiatives/${mutation.initiativeId}/join`, body: {} };
		case 'leave':
			return { method: 'POST', path: `/api/initiatives/${mutation.initiativeId}/leave`, body: {} };
		case 'profile':
			return { method: 'PATCH', path: '/api/me', body: mutation.body };
	}
}

/** Sends a mutation; a request that never reached the server answers status 0. */
export const fetchTransport: Transport = async (mutation) => {
	const { method, path, body } = request(mutation);
	return send(path, { method, body: body ?? {} });
};
