/** Hiding and restoring each kind of target: the one place that knows how. */
import type { ReportTarget } from '$lib/domain/moderation';
import { setMeetingHidden } from './meetings-adapter';
import { setInitiativeHidden } from './visibility';
import { removeEntry, restoreEntry } from './stored-doc';
import { hideProfile, liftSuspension } from './suspension';

export interface TargetRef {
	type: ReportTarget;
	id: string;
	initiativeId: string | null;
}

/** Takes the target out of sight: hidden initiative or meeting, message or idea deleted from the document. */
export async function hideTarget(target: TargetRef): Promise<void> {
	switch (target.type) {
		case 'initiative':
			return setInitiativeHidden(target.id, true);
		case 'meeting':
			return setMeetingHidden(target.id, true);
		case 'message':
		case 'idea':
			if (target.initiativeId) await removeEntry(target.initiativeId, target.type, target.id);
			return;
		case 'user':
			return hideProfile(target.id);
	}
}

/** Brings the target back (a message or idea from the copy kept in the report); lifts a person's suspension. */
export async function restoreTarget(target: TargetRef, copy: { authorId: string | null; text: string; createdAt: number }): Promise<void> {
	switch (target.type) {
		case 'initiative':
			return setInitiativeHidden(target.id, false);
		case 'meeting':
			return setMeetingHidden(target.id, false);
		case 'message':
		case 'idea':
			if (target.initiativeId && copy.authorId && copy.text) {
				await restoreEntry(target.initiativeId, target.type, { id: target.id, authorId: copy.authorId, text: copy.text, createdAt: copy.createdAt });
			}
			return;
		case 'user':
			return liftSuspension(target.id);
	}
}
