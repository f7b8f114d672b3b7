/**
 * Invitation links: `/join/:token`, valid 1–60 days (a meeting's until 7 days
 * after it). Reading one needs no session; accepting one joins as member.
 */
import { and, eq, gt } from 'drizzle-orm';
import { db } from '$store/db';
import { initiatives, invites, type UserRow } from '$store/schema';
import { newId } from '$lib/domain/ids';
import type { Invite } from '$lib/domain/meetings/types';
import { joinInitiative } from '../initiatives/membership';
import { notFound } from '../http/api-error';
import { inviteExpired, meetingMessage } from './errors';
import { requireManager } from './access';

const DAY_MS = 24 * 60 * 60 * 1000;
/** A meeting's link stays valid this long after the meeting ends. */
export const MEETING_INVITE_GRACE_MS = 7 * DAY_MS;
const TOKEN = /^[A-Za-z0-9_-]{16,64}$/;

type InviteRow = typeof invites.$inferSelect;

/** The public URL of an invitation. */
export const inviteUrl = (row: Pick<InviteRow, 'baseUrl' | 'token'>): string => `${row.baseUrl}/join/${row.token}`;

const toInvite = (row: InviteRow): Invite => ({ token: row.token, url: inviteUrl(row), expiresAt: new Date(row.expiresAt).toISOString() });

/** Stores a new link; callers have checked who may make it. */
export function insertInvite(input: { initiativeId: string; meetingId?: string; createdBy: string; baseUrl: string; expiresAt: number }): Invite {
	const row: InviteRow = {
		token: newId(32),
		initiativeId: input.initiativeId,
		meetingId: input.meetingId ?? null,
		createdBy: input.createdBy,
		baseUrl: input.baseUrl,
		expiresAt: input.expiresAt,
		createdAt: Date.now()
	};
	db().insert(invites).values(row).run();
	return toInvite(row);
}

/** `POST /api/initiatives/:id/invites` (owner/admin). */
export function createInvite(user: UserRow, initiativeId: string, days: number, baseUrl: string): Invite {
	requireManager(initiativeId, user);
	return insertInvite({ initiativeId, createdBy: user.id, baseUrl, expiresAt: Date.now() + days * DAY_MS });
}

/** The meeting's own link, or undefined. */
export function meetingInvite(meetingId: string): InviteRow | undefined {
	return db().select().from(invites).where(eq(invites.meetingId, meetingId)).get();
}

/** A link of the initiative still valid for at least a day (the meeting's first), for mails. */
export function usableInviteUrl(initiativeId: string, meetingId: string): string | undefined {
	const soon = Date.now() + DAY_MS;
	const own = meetingInvite(meetingId);
	if (own && own.expiresAt > soon) return inviteUrl(own);
	const any = db()
		.select()
		.from(invites)
		.where(and(eq(invites.initiativeId, initiativeId), gt(invites.expiresAt, soon)))
		.get();
	return any ? inviteUrl(any) : undefined;
}

function liveInvite(token: string): InviteRow {
	const row = TOKEN.test(token) ? db().select().from(invites).where(eq(invites.token, token)).get() : undefined;
	if (!row) throw notFound(meetingMessage('invite_not_found'));
	if (row.expiresAt <= Date.now()) throw inviteExpired();
	return row;
}

/** `GET /api/invites/:token`: what the link leads to (404 unknown, 410 expired). */
export function readInvite(token: string): { initiative: { id: string; title: string; summary: string; placeName: string }; expiresAt: string } {
	const row = liveInvite(token);
	const initiative = db().select().from(initiatives).where(eq(initiatives.id, row.initiativeId)).get();
	if (!initiative) throw notFound(meetingMessage('invite_not_found'));
	const { id, title, summary, placeName } = initiative;
	return { initiative: { id, title, summary, placeName }, expiresAt: new Date(row.expiresAt).toISOString() };
}

/** `POST /api/invites/:token/accept`: joins the initiative (idempotent); returns the role held. */
export function acceptInvite(user: UserRow, token: string): { role: string; initiativeId: string } {
	const row = liveInvite(token);
	return { role: joinInitiative(user, row.initiativeId), initiativeId: row.initiativeId };
}
