import type fr from '../fr/common';

export default {
	app: {
		name: 'Kohero',
		tagline: 'The local network for citizen action',
		skip: 'Skip to content'
	},
	nav: {
		main: 'Main navigation',
		feed: 'Feed',
		map: 'Map',
		mine: 'My initiatives',
		profile: 'Profile',
		home: 'Home',
		login: 'Log in',
		signup: 'Sign up',
		logout: 'Log out'
	},
	common: {
		save: 'Save',
		saved: 'Saved',
		saving: 'Saving…',
		cancel: 'Cancel',
		loading: 'Loading…',
		retry: 'Try again',
		back: 'Back to home',
		language: 'Language',
		french: 'Français',
		english: 'English',
		network: 'Cannot reach the server. Check your connection.',
		unexpected: 'Something unexpected went wrong.',
		notFound: 'Page not found',
		close: 'Close'
	},
	errors: {
		invalid: 'Invalid value.',
		characters: 'This text contains forbidden characters (control or direction-override characters, or only invisible ones).',
		required: 'This field is required.',
		email: 'Invalid email address.',
		password_short: 'The password must be at least 10 characters long.',
		too_long: 'This text is too long.',
		too_short: 'This text is too short.',
		kind: 'Choose resident, association or municipality.',
		lat: 'Invalid latitude (between -90 and 90).',
		lng: 'Invalid longitude (between -180 and 180).',
		boolean: 'A yes/no value is expected.',
		skills: 'Invalid skills (30 at most, 40 characters each).',
		category: 'Unknown category.',
		id: 'Invalid id (8 to 64 characters A-Z, a-z, 0-9, _ or -).',
		number: 'Invalid number.',
		radius: 'Invalid radius (more than 0 and at most 200 km).',
		limit: 'Invalid number of results (between 1 and 100).',
		cursor: 'Invalid pagination cursor for this search.',
		bbox: 'Invalid bounding box (minLng,minLat,maxLng,maxLat).',
		role: 'Invalid role (admin or member).',
		query: 'Search too long (200 characters at most).'
	}
} satisfies typeof fr;
