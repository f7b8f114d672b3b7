import type fr from '../fr/pwa';

export default {
	pwa: {
		install: 'Install the app',
		updateAvailable: 'A new version is available',
		update: 'Update',
		later: 'Later',
		updateEditing: 'Something is being edited: it will be lost if you update now.',
		updateAnyway: 'Update anyway'
	},
	sync: {
		label: 'Sync status',
		online: 'Online',
		offline: 'Offline',
		synced: 'Synced',
		syncedAt: 'Synced at {{time}}',
		pending_one: '{{count}} change waiting',
		pending_other: '{{count}} changes waiting',
		pendingBadge: 'waiting for connection',
		mineOffline: 'Offline: your initiatives as saved on this device.',
		mapOffline: 'Offline: the initiatives this device knows.',
		lastSyncedAt: 'synced at {{time}}',
		offlineHint: 'Your changes are kept on this device and will be sent when the network is back.',
		errors_one: '{{count}} change refused',
		errors_other: '{{count}} changes refused',
		refusedTitle: 'Changes refused by the server',
		dismiss: 'Dismiss',
		retry: 'Retry',
		retrying: 'Retrying automatically…',
		sessionExpired: 'Your session has expired: log in again to send your changes.',
		kind: {
			create: 'Creating “{{title}}”',
			patch: 'Editing an initiative',
			join: 'Joining an initiative',
			leave: 'Leaving an initiative',
			profile: 'Profile change',
			meeting_create: 'Scheduling a meeting',
			meeting_rsvp: 'Answering a meeting'
		}
	},
	settings: {
		title: 'Settings',
		link: 'Settings and data',
		storage: 'Storage on this device',
		used: '{{used}} used of {{quota}} available',
		unknown: 'Unknown in this browser',
		persisted: 'Persistent storage granted: the browser will not delete your data.',
		notPersisted: 'Storage is not persistent: the browser may clear offline data when space runs low.',
		askPersist: 'Request persistent storage',
		exportTitle: 'My data',
		exportText: 'Your profile, your initiatives and their workspaces (JSON), and a map of your initiatives (GeoJSON).',
		export: 'Export my data',
		exporting: 'Preparing the export…',
		exported: 'Export ready: {{files}}.',
		exportOffline: 'The export uses the data on this device: anything never opened here may be missing.',
		deviceTitle: 'Data on this device',
		deviceText: 'Clears the cache, saved workspaces and pending changes on this device. Your account is not affected.',
		clear: 'Clear data on this device',
		cleared: 'Data on this device has been cleared.',
		pendingWarning_one: 'Warning: {{count}} change has not been sent yet and will be lost.',
		pendingWarning_other: 'Warning: {{count}} changes have not been sent yet and will be lost.'
	},
	logout: {
		title: 'Log out',
		clearDevice: 'Also clear data on this device (recommended on a shared device)',
		confirm: 'Log me out',
		offline: 'Logging out needs a network connection.'
	}
} satisfies typeof fr;
