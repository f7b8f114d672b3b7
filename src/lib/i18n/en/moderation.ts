import type fr from '../fr/moderation';

/** Moderation and community safety (English). */
export default {
	moderation: {
		errors: {
			target_type: 'Unknown kind of content (initiative, meeting, message, idea or person).',
			reason: 'Unknown reason (spam, offensive, illegal, off topic or other).',
			action: 'Unknown decision (dismiss, hide, restore or suspend the author).',
			statement: 'Explain the decision in a few words (at least 3 characters).',
			text: 'This text contains characters that are not allowed.',
			status: 'Unknown status (open or closed).'
		},
		hiddenNotice: 'This initiative is hidden pending a moderation decision: only the people who run it and the moderators can see it.',
		auto: {
			statement:
				'Several people reported this content: it is hidden until a moderator reviews it and tells you their decision.'
		},
		reason: { spam: 'Spam', offensive: 'Offensive content', illegal: 'Illegal content', off_topic: 'Off topic', other: 'Other' },
		target: { initiative: 'Initiative', meeting: 'Meeting', message: 'Message', idea: 'Idea', user: 'Person' },
		report: {
			open: 'Report',
			openLabel: 'Report — {{what}}',
			title: 'Report this content',
			intro: 'Moderators review your report. The person concerned will not learn who reported them.',
			reasonLegend: 'Reason',
			details: 'Details (optional)',
			submit: 'Send the report',
			cancel: 'Cancel',
			sent: 'Thank you, your report was sent.',
			already: 'You had already reported this content: your report is being reviewed.',
			failed: 'The report could not be sent. Try again.'
		},
		remove: {
			action: 'Remove',
			label: 'Remove — {{what}}',
			confirm: 'Remove this content from the workspace? Its author will be told.',
			statement: 'Reason given to the author (optional)',
			submit: 'Remove',
			done: 'Content removed.',
			defaultStatement: 'Removed by the people who run the initiative, who found it against its rules.',
			failed: 'The content could not be removed.',
			member: 'Remove from the initiative',
			memberLabel: 'Remove from the initiative — {{name}}',
			memberConfirm: 'Remove {{name}} from the initiative? Their write access ends at once.'
		},
		block: {
			action: 'Block',
			label: 'Block — {{name}}',
			unblock: 'Unblock',
			done: 'Person blocked: neither of you will see the other among neighbours.',
			hidden: 'message hidden',
			show: 'show',
			showLabel: 'Show the hidden message from {{name}}',
			ideaHidden: 'idea hidden'
		},
		queue: {
			title: 'Moderation',
			ownerTitle: 'Reports about your initiatives',
			intro: 'Reports grouped by content. Each decision comes with reasons sent to the author, without the identity of the people who reported.',
			ownerIntro: "Reports about your initiatives' content. You do not see who reported.",
			open: 'To review',
			closed: 'Reviewed',
			tabs: 'Report status',
			empty: 'No reports here.',
			loading: 'Loading reports…',
			failed: 'The reports could not be loaded.',
			countOne: '{{count}} report',
			countOther: '{{count}} reports',
			link: 'Reports',
			in: 'in “{{title}}”',
			by: 'by {{name}}',
			hidden: 'Hidden',
			reportedText: 'Reported content',
			noText: '(no text)',
			reporters: 'Who reported',
			statement: 'Reasons for the decision (sent to the author)',
			decide: 'Decide',
			decided: 'Decision recorded.',
			decision: 'Decision: {{action}} — “{{statement}}”',
			audit: 'Decision log'
		},
		action: {
			dismiss: 'Dismiss',
			hide: 'Hide',
			restore: 'Restore',
			suspend_author: 'Suspend the author',
			auto_hide: 'Hidden automatically',
			remove: 'Removal'
		},
		audit: {
			title: 'Decision log',
			intro: 'Every moderation decision, with who took it and when.',
			empty: 'No decisions yet.',
			when: 'When',
			who: 'By',
			what: 'Decision',
			target: 'Content',
			statement: 'Reasons',
			automatic: 'Automatic',
			back: 'Back to moderation'
		},
		suspended: {
			title: 'Account suspended',
			body: "Kohero's moderators suspended your account after reviewing reports. You can no longer sign in.",
			statement: 'The decision and its reasons were sent to you by e-mail and in your activity. To contest it, reply to that message: another moderator will review your case.',
			home: 'Back to the home page'
		}
	}
} satisfies typeof fr;
