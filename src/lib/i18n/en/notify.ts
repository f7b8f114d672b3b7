/** Activity, notification settings, mails, push, one-click unsubscribe and password reset. */
import type fr from '../fr/notify';

export default {
	notify: {
		bell: 'Activity',
		bellUnread_one: 'Activity: {{count}} new item',
		bellUnread_other: 'Activity: {{count}} new items',
		item: {
			member_joined: '{{actor}} joined “{{initiative}}”',
			message_posted: '{{actor}} wrote in “{{initiative}}”',
			idea_posted: '{{actor}} suggested an idea in “{{initiative}}”',
			meeting_scheduled: 'New meeting “{{meeting}}” ({{initiative}}) on {{when}}',
			meeting_updated: 'Meeting “{{meeting}}” changed ({{initiative}}): on {{when}}',
			meeting_cancelled: 'Meeting “{{meeting}}” cancelled ({{initiative}})',
			initiative_nearby: 'New initiative {{distance}} away: {{initiative}}',
			role_changed: 'Your role in “{{initiative}}”: {{role}}',
			moderation_decision: 'Moderation decision: {{excerpt}}',
			invitation: '{{actor}} invites you to join “{{initiative}}”',
			someone: 'Someone',
			unknownInitiative: 'an initiative',
			unknownMeeting: 'a meeting'
		},
		roles: { owner: 'owner', admin: 'admin', member: 'member', none: 'you are no longer part of the initiative' },
		page: {
			title: 'Activity',
			lead: 'What happened in your initiatives and around your home.',
			markAll: 'Mark all as read',
			marked: 'All read.',
			empty: 'Nothing new for now.',
			loading: 'Loading activity…',
			error: 'Could not load the activity.',
			offline: 'Offline: the activity as of the last sync.',
			more: 'Show more',
			unread: 'unread',
			elsewhere: 'Other'
		},
		settings: {
			title: 'Notifications',
			digest: 'E-mail digest',
			digestOff: 'Never',
			digestDaily: 'Daily (7 am)',
			digestWeekly: 'Weekly (Monday, 7 am)',
			instant: 'Immediate e-mails for meetings, role changes and invitations',
			push: 'Notifications on this device',
			pushUnsupported: 'This browser does not support notifications (install the app or use a recent browser).',
			pushDenied: 'Notifications are blocked for this site in your browser.',
			radius: 'Alert me of new initiatives around my home',
			radiusOff: 'None',
			radiusKm: '{{km}} km',
			radiusNoHome: 'Set your home in your profile to get these alerts.',
			saved: 'Preferences saved.',
			error: 'Could not save your preferences.',
			mute: 'Mute',
			unmute: 'Unmute notifications',
			muted: 'Notifications muted for this initiative.',
			mutedList: 'Muted initiatives: {{count}}'
		},
		mail: {
			greeting: 'Hello {{name}},',
			open: 'Open in Kohero',
			footer: 'You receive this message because you have a Kohero account.',
			settings: 'Choose what you receive: {{url}}',
			unsubscribe: 'Stop notification e-mails: {{url}}',
			unsubscribeLink: 'Unsubscribe in one click',
			settingsLink: 'Notification settings',
			digestSubject_one: 'Kohero: {{count}} new item',
			digestSubject_other: 'Kohero: {{count}} new items',
			digestIntro: 'Here is what happened since your last digest:',
			digestMore: 'See everything: {{url}}',
			instantSubject: 'Kohero: {{text}}',
			resetSubject: 'Kohero: reset your password',
			resetIntro: 'Someone (probably you) asked to reset the password of your Kohero account.',
			resetAction: 'Choose a new password',
			resetExpiry: 'This link is valid for one hour and works once. If you did not ask for it, ignore this message: your password stays the same.'
		},
		unsubscribe: {
			title: 'Unsubscribe',
			text: 'Stop receiving digests and notification e-mails from Kohero at this address? You can turn them back on in your settings.',
			button: 'Unsubscribe me',
			done: 'Done: you will no longer receive digests or notification e-mails. You can turn them back on in your settings.',
			unknown: 'This unsubscribe link is not (or no longer) valid.'
		},
		reset: {
			forgot: 'Forgot your password?',
			requestTitle: 'Forgotten password',
			requestText: 'Enter the e-mail address of your account: we will send you a link to choose a new password.',
			requestSubmit: 'Send the link',
			requestSent: 'If an account exists with this address, an e-mail has just been sent to it. The link is valid for one hour.',
			title: 'New password',
			submit: 'Save the new password',
			done: 'Password changed: you are signed in, and your other devices are signed out.',
			invalid: 'This link is no longer valid. Ask for a new one.'
		},
		push: {
			title: 'Kohero'
		},
		errors: {
			body: 'A JSON object is expected.',
			frequency: 'Unknown frequency (off, daily or weekly).',
			radius: 'Invalid radius (0, 2, 5, 10 or 25 km).',
			boolean: 'A yes/no value is expected.',
			initiatives: 'Invalid list of initiatives.',
			limit: 'Invalid number of results (1 to 100).',
			cursor: 'Invalid pagination cursor.',
			upTo: 'Invalid activity id.',
			email: 'Invalid e-mail address.',
			token: 'Invalid or expired link.',
			password: 'The password must have at least 10 characters.',
			endpoint: 'Invalid subscription address (https only).',
			keys: 'Invalid subscription keys.',
			initiativeUnknown: 'This initiative does not exist.',
			tooMany: 'Too many requests. Try again later.'
		}
	}
} satisfies typeof fr;
