/** Who may see or manage a meeting: its initiative's roles decide. */
import { eq } from 'drizzle-orm';
import { db } from '$store/db';
import { meetings, type MeetingRow, type Role, type UserRow } from '$store/schema';
import { roleOf } from '../initiatives/membership';
import { requireInitiativeRow } from '../initiatives/present';
import { unauthorized } from '../http/api-error';
import { managersOnly, meetingNotFound } from './errors';

/** Owners and admins schedule, edit, cancel and see invitation links. */
export const isManager = (role: Role | null): boolean => role === 'owner' || role === 'admin';

/** The meeting row `id`, or undefined. */
export function findMeetingRow(id: string): MeetingRow | undefined {
	return db().select().from(meetings).where(eq(meetings.id, id)).get();
}

/** Meeting `id` and the viewer's role in its initiative; a hidden meeting is a 404 except to its managers. */
export function visibleMeeting(id: string, viewerId: string | undefined): { row: MeetingRow; role: Role | null } {
	const row = findMeetingRow(id);
	if (!row) throw meetingNotFound();
	const role = roleOf(row.initiativeId, viewerId);
	if (row.hidden && !isManager(role)) throw meetingNotFound();
	return { row, role };
}

/** Meeting `id` for an owner/admin of its initiative (401, 404, 403 otherwise). */
export function managedMeeting(id: string, user: UserRow | null): { row: MeetingRow; role: Role } {
	if (!user) throw unauthorized();
	const { row, role } = visibleMeeting(id, user.id);
	if (!role || !isManager(role)) throw managersOnly();
	return { row, role };
}

/** The initiative exists (404) and `user` manages it (403). */
export function requireManager(initiativeId: string, user: UserRow): Role {
	requireInitiativeRow(initiativeId);
	const role = roleOf(initiativeId, user.id);
	if (!role || !isManager(role)) throw managersOnly();
	return role;
}
