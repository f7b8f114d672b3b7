/**
 * The meeting-mode document of one meeting as reactive state: attendance,
 * votes, newcomers (the minutes are edited by the notes editor), with the same
 * local copy, relay connection, presence and sync status as a workspace.
 */
import type * as Y from 'yjs';
import { newId } from '$lib/domain/ids';
import * as md from '$lib/domain/meetings/doc';
import type { EditResult } from '$lib/domain/workspace';
import { WorkspaceState, type WorkspaceUser } from './workspace.svelte';

/** A Yjs shared type as far as watching it goes. */
interface Watched {
	observeDeep(f: () => void): void;
	unobserveDeep(f: () => void): void;
}

export class MeetingDocState extends WorkspaceState {
	attendance = $state.raw<md.Attendee[]>([]);
	votes = $state.raw<md.Vote[]>([]);
	newcomers = $state.raw<md.Newcomer[]>([]);
	#stops: (() => void)[] = [];

	constructor(meetingId: string, user: WorkspaceUser) {
		// Only members open a meeting document (the relay refuses others with 4403).
		super(meetingId, user, true);
		const doc = this.doc;
		this.#watch(md.attendanceOf(doc), () => (this.attendance = md.readAttendance(doc)));
		this.#watch(md.votesOf(doc), () => (this.votes = md.readVotes(doc)));
		this.#watch(md.newcomersOf(doc), () => (this.newcomers = md.readNewcomers(doc)));
	}

	#watch(type: Watched, read: () => void): void {
		type.observeDeep(read);
		this.#stops.push(() => type.unobserveDeep(read));
		read();
	}

	get minutes(): Y.XmlFragment {
		return md.minutesOf(this.doc);
	}

	togglePresent = (userId: string, name: string, present: boolean): EditResult =>
		present ? md.markPresent(this.doc, { userId, name, now: Date.now() }) : md.removeAttendee(this.doc, userId);
	addGuest = (name: string): EditResult => md.addGuest(this.doc, { id: newId(), name, now: Date.now() });
	removeAttendee = (key: string): EditResult => md.removeAttendee(this.doc, key);
	addVote = (question: string, options: string[]): EditResult => md.addVote(this.doc, { id: newId(), question, options });
	setVoteCount = (voteId: string, option: string, count: number): EditResult => md.setVoteCount(this.doc, { voteId, option, count });
	closeVote = (voteId: string): EditResult => md.closeVote(this.doc, voteId);
	addNewcomer = (input: { name: string; email: string; consent: boolean }) =>
		md.addNewcomer(this.doc, { id: newId(), ...input, email: input.email || undefined, createdBy: this.user.id, now: Date.now() });

	override destroy(): void {
		for (const stop of this.#stops) stop();
		this.#stops = [];
		super.destroy();
	}
}
