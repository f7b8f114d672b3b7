import type fr from '../fr/offline';

export default {
	offline: {
		pageTitle: 'Page not saved on this device',
		pageText: 'This page has not been opened here with a network yet: it will show as soon as the network is back.',
		pageBack: 'The network is back.',
		reload: 'Open the page',
		home: 'My feed',
		mine: 'My initiatives'
	},
	syncControl: {
		offline: 'Offline',
		pending: '{{count}} pending',
		syncing: 'Syncing…',
		synced: 'Synced',
		syncedAt: 'Synced at {{time}}',
		docs_one: '{{count}} workspace changed here waits for the server',
		docs_other: '{{count}} workspaces changed here wait for the server',
		pagesKept: 'Your pages are saved for offline use.',
		close: 'Close'
	},
	offlineFeed: {
		saved: 'Offline — results saved at {{radius}} km',
		savedFilters: 'Offline — results saved at {{radius}} km, without this filter',
		unknownEnd: 'More initiatives will show when the network is back.'
	},
	undo: {
		undo: 'Undo',
		taskDeleted: 'Task deleted.',
		ideaDeleted: 'Idea deleted.',
		messageDeleted: 'Message deleted.',
		leaveTitle: 'Leave this initiative?',
		leaveText: 'You will no longer get its workspace; you can join it again.',
		leaveConfirm: 'Leave',
		cancel: 'Stay'
	},
	initiativeTabs: {
		label: 'Initiative sections',
		workspace: 'Workspace',
		about: 'About and members'
	}
} satisfies typeof fr;
