import type fr from '../fr/visitors';

/** What a visitor without an account sees: the feed around a town, sharing, joining. */
export default {
	site: {
		description: 'Kohero, the local social network for citizen action.'
	},
	visitor: {
		feedHeading: 'Initiatives near you',
		feedLead: 'Pick a town or your position to see what is happening around it. No account needed.',
		pickFirst: 'Pick a town or “My position” to see initiatives.',
		join: 'Join',
		joinHint: 'Create your account (or log in): you come back here as a member of the initiative.',
		haveAccount: 'I already have an account',
		membersHidden: 'The members list is visible once you are logged in.',
		joining: 'Joining the initiative…',
		joinFailed: 'Your account is ready, but joining the initiative failed. Try again from its page.'
	},
	share: {
		button: 'Share',
		copied: 'Link copied.',
		failed: 'Could not copy the link: {{url}}'
	},
	mapControls: {
		toggleAttribution: 'Show or hide sources',
		feedback: 'Report a map error',
		findMe: 'Find my location',
		noLocation: 'Location not available',
		map: 'Map',
		marker: 'Map marker',
		resetBearing: 'Drag to rotate the map, click to reset north',
		zoomIn: 'Zoom in',
		zoomOut: 'Zoom out',
		close: 'Close',
		fullscreen: 'Enter fullscreen',
		exitFullscreen: 'Exit fullscreen',
		ctrlScroll: 'Use Ctrl + scroll to zoom the map',
		cmdScroll: 'Use ⌘ + scroll to zoom the map',
		twoFingers: 'Use two fingers to move the map'
	},
	places: {
		refineOpen: 'Refine the point on the map',
		refineTap: 'Tap the map to refine the point (it stays private).',
		refineClick: 'Click the map to refine the point (it stays private).',
		refineMap: 'Map to refine where you live'
	},
	mapLabels: {
		towns: 'Town and village names',
		clusters: '{{count}} initiatives'
	}
} satisfies typeof fr;
