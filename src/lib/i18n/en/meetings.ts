import type fr from '../fr/meetings';

export default {
	meetings: {
		errors: {
			invalid_date: 'Invalid date: expected e.g. 2026-06-01T19:00.',
			nonexistent_time: 'This time does not exist in this time zone (daylight-saving change): pick another one.',
			time_zone: 'Unknown time zone (e.g. Europe/Paris).',
			end_before_start: 'The end must be after the start.',
			place: 'Give latitude and longitude together.',
			not_found: 'This meeting does not exist.',
			id_taken: 'This id is already used by another meeting.',
			cancelled: 'This meeting is cancelled.',
			invite_not_found: 'This invitation does not exist.',
			invite_expired: 'This invitation has expired: ask for a new one.',
			feed_not_found: 'This calendar does not exist or was renewed.',
			person_not_found: 'This person is not visible in Neighbours.',
			too_many_invitations: 'Too many invitations this hour. Try again in {minutes} min.',
			already_member: 'This person already belongs to this initiative.',
			owners_only: 'Only owners or admins of this initiative can do this.'
		},
		mail: {
			newcomerSubject: 'Invitation: {{initiative}}',
			newcomerHello: 'Hello {{name}},',
			newcomerBody: 'You attended the meeting “{{meeting}}” of the initiative “{{initiative}}” and agreed to be contacted. Join it on Kohero:',
			newcomerCta: 'Join the initiative',
			newcomerFooter: 'You receive this message only once. Nothing else will be sent unless you join.'
		},
		calendar: { name: 'Meetings — {{title}}', mine: 'My Kohero meetings' },
		list: {
			title: 'Meetings',
			upcoming: 'Upcoming',
			past: 'Past',
			none: 'No upcoming meeting.',
			nonePast: 'No past meeting.',
			schedule: 'Schedule a meeting',
			cancelled: 'Cancelled',
			attendingOne: '{{count}} person coming',
			attendingOther: '{{count}} people coming',
			loadError: 'Could not load the meetings.',
			pending: 'Waiting to be sent'
		},
		near: { title: 'Upcoming meetings near you', titleHere: 'Upcoming meetings around here', none: 'No meeting planned near here in the next 30 days.', away: '{{km}} km away' },
		nextMeeting: 'Next meeting: {{date}}',
		form: {
			title: 'Schedule a meeting',
			name: 'Title',
			date: 'Date',
			start: 'Start time',
			end: 'End time',
			endHint: 'By default, 2 hours after the start.',
			place: 'Place',
			placeHint: 'Search a town or type freely (room, address…).',
			placeFree: 'Exact place (optional)',
			description: 'Description',
			submit: 'Schedule',
			saving: 'Saving…',
			offline: 'Meeting saved on this device: it will be sent when the network is back.',
			error: 'Could not schedule the meeting.'
		},
		page: {
			when: 'When',
			where: 'Where',
			by: 'Proposed by {{name}}',
			timeZone: '{{zone}} time',
			back: 'Back to the initiative',
			offlineCopy: 'Copy saved on this device.',
			notSeen: 'This meeting has not been opened on this device yet: reconnect to see it.',
			cancel: 'Cancel the meeting',
			cancelConfirm: 'Cancel this meeting? Participants will see it is cancelled.',
			hidden: 'This meeting is hidden by moderation.'
		},
		rsvp: {
			label: 'Your answer',
			yes: 'I’m coming',
			maybe: 'Maybe',
			no: 'No',
			saved: 'Answer saved.',
			queued: 'Answer saved on this device: sent when the network is back.',
			signIn: 'Sign in to answer.'
		},
		agenda: {
			add: 'Add to my calendar',
			subscribe: 'Subscribe',
			subscribeHint: 'Copy this private address into your calendar app: it shows the meetings of all your initiatives.',
			copy: 'Copy',
			copied: 'Address copied.',
			reset: 'Renew the address',
			resetHint: 'The old address will stop working.',
			error: 'Could not create the subscription.'
		},
		invite: {
			title: 'Invite',
			qr: 'QR code of the invitation to join the initiative',
			link: 'Invitation link',
			expires: 'Valid until {{date}}',
			create: 'Create an invitation link',
			toInitiative: 'Invite to an initiative',
			choose: 'Initiative',
			send: 'Invite',
			sent: 'Invitation sent.',
			error: 'Could not invite this person.'
		},
		join: {
			title: 'You are invited',
			intro: 'Join this initiative on Kohero.',
			signup: 'Create an account',
			login: 'Sign in',
			accept: 'Join the initiative',
			joined: 'You joined the initiative.',
			open: 'Open the initiative',
			expired: 'This invitation has expired.',
			notFound: 'This invitation does not exist.',
			error: 'Could not join right now.'
		},
		mode: {
			title: 'Meeting mode',
			intro: 'Everything works without network: your entries merge with other devices’ when the connection is back.',
			tabs: { attendance: 'Attendance', votes: 'Votes', newcomers: 'Newcomers', minutes: 'Minutes', invite: 'QR code' },
			membersOnly: 'Meeting mode is for members of the initiative.',
			attendance: {
				members: 'Members',
				present: '{{name}} present',
				guests: 'Guests',
				guestName: 'Guest name',
				addGuest: 'Add',
				remove: 'Remove {{name}}',
				countOne: '{{count}} present',
				countOther: '{{count}} present'
			},
			votes: {
				question: 'Question',
				options: 'Options (one per line)',
				optionsDefault: 'For\nAgainst\nAbstain',
				add: 'Open the vote',
				count: 'Hands raised for “{{option}}”',
				close: 'Close the vote',
				closed: 'Vote closed',
				none: 'No vote yet.'
			},
			newcomers: {
				name: 'Name',
				email: 'E-mail (optional)',
				consent: 'I agree to be contacted again by this initiative',
				add: 'Save',
				none: 'Nobody yet.',
				consented: 'Agreed to be contacted',
				noConsent: 'No contact',
				privacy: 'These details are visible to the initiative’s members only.',
				email_invalid: 'Invalid e-mail address.'
			},
			minutes: 'Meeting minutes',
			share: {
				export: 'Share offline',
				exportHint: 'Makes a small file with the meeting and the initiative’s workspace, to pass to another device.',
				import: 'Import',
				importLabel: 'Kohero meeting file',
				imported: 'File imported: it will sync when the network is back.',
				invalid: 'This file is not a Kohero meeting share.',
				failed: 'Could not share this file.'
			}
		}
	}
} satisfies typeof fr;
