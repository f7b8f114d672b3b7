import type fr from '../fr/history';

/** The workspace history (owners and admins) and the full-workspace notice. */
export default {
	history: {
		title: 'History',
		titleOf: 'History of “{{title}}”',
		intro: 'A copy of the workspace is kept every day, for 30 days. Restoring makes a new change that every member receives, even offline ones when they come back.',
		empty: 'No copy yet: the first one is taken before the next change.',
		loading: 'Loading the history…',
		loadError: 'The history could not be loaded.',
		takenAt: 'Copy of {{date}}',
		size: 'Size: {{size}}',
		restoreNotes: 'Restore the notes',
		restoreAll: 'Restore everything',
		confirmNotes: 'Replace the current notes with those of {{date}}?',
		confirmAll: 'Replace the notes, tasks, discussion and ideas with those of {{date}}?',
		confirm: 'Confirm',
		cancel: 'Cancel',
		restoring: 'Restoring…',
		restored: 'Restored: every member receives it.',
		restoreError: 'The restore failed. Please try again.',
		back: 'Back to the initiative',
		open: 'History'
	},
	spaceFull: {
		title: 'Workspace full',
		body: 'This workspace has reached its maximum size: no one can add content to it any more.',
		wayOut: 'To make room, delete old messages, ideas or tasks, or restore a lighter version from the history.',
		openHistory: 'Open the history',
		member: 'Tell a person in charge of the initiative: they can make room.'
	}
} satisfies typeof fr;
