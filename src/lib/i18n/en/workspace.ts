import type fr from '../fr/workspace';

export default {
	workspace: {
		tabs: { label: 'Workspace', notes: 'Notes', tasks: 'Tasks', discussion: 'Discussion', ideas: 'Ideas' },
		status: {
			label: 'Sync status',
			loading: 'Opening…',
			connecting: 'Connecting…',
			waiting: 'Waiting for the initiative to be created on the server — your changes are kept',
			sending: 'Sending your changes…',
			synced: 'Synced',
			offline: 'Offline — your changes are saved on this device',
			error: 'Cannot sync',
			unauthenticated: 'Your session has expired: sign in again to sync.',
			not_found: 'This initiative no longer exists on the server.',
			too_large: 'This document is too large to sync.'
		},
		presence: { label: 'Who is here', you: '{{name}} (you)', alone: 'You are the only one here for now.' },
		readOnly: 'You are viewing this workspace read-only.',
		join: 'Join to take part',
		joinError: 'Could not join the initiative right now.',
		member: 'Member',
		errors: { required: 'Write something first.', too_long: 'This text is too long.', not_found: 'This item was deleted.' },
		notes: {
			loading: 'Loading the editor…',
			failed: 'The editor could not load.',
			editorLabel: 'Brainstorm notes',
			toolbar: 'Formatting',
			h2: 'Heading',
			h3: 'Subheading',
			bullets: 'Bulleted list',
			numbers: 'Numbered list',
			checklist: 'Checklist',
			link: 'Link',
			linkPrompt: 'Link address (leave empty to remove the link)',
			empty: 'No notes yet.'
		},
		tasks: {
			add: 'Add',
			newLabel: 'New task',
			placeholder: 'E.g. Book the village hall',
			empty: 'No tasks yet.',
			done: 'Done: {{title}}',
			rename: 'Task title',
			assignee: 'Assignee',
			unassigned: 'Nobody',
			up: 'Move “{{title}}” up',
			down: 'Move “{{title}}” down',
			delete: 'Delete “{{title}}”',
			count: '{{done}} of {{total}} done'
		},
		discussion: {
			empty: 'No messages yet. Start the conversation!',
			unread: 'New messages',
			unreadCount: '{{count}} new messages',
			unreadCount_one: '{{count}} new message',
			unreadCount_other: '{{count}} new messages',
			label: 'Your message',
			placeholder: 'Write a message…',
			send: 'Send',
			thread: 'Messages'
		},
		ideas: {
			label: 'Your idea',
			placeholder: 'Suggest an idea…',
			propose: 'Suggest',
			empty: 'No ideas yet.',
			vote: 'Vote',
			withdraw: 'Withdraw my vote',
			votes: '{{count}} votes',
			votes_one: '{{count}} vote',
			votes_other: '{{count}} votes',
			by: 'by {{name}}'
		}
	}
} satisfies typeof fr;
