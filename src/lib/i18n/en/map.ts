import type fr from '../fr/map';

export default {
	map: {
		title: 'Map of initiatives',
		label: 'Interactive map of initiatives',
		loading: 'Loading the map…',
		failed: 'The map could not be displayed. The list below is still available.',
		download: 'Download the open data (GeoJSON)',
		list: 'Initiatives in this area ({{count}})',
		listHint: 'The same information as the map, as a list.',
		listEmpty: 'No initiative in this area. Zoom out or move the map.',
		listMore: '… and {{count}} more: zoom in to see them.',
		listError: 'Could not load the initiatives of this area.',
		open: 'Open',
		closeCard: 'Close',
		zoomIn: 'Zoom in',
		pickHint: 'Tap the map to choose the place.',
		pickHintClick: 'Click the map to choose the place.',
		attribution: 'Basemap: Natural Earth'
	},
	people: {
		title: 'Engaged neighbours',
		lead: 'People near you who chose to be visible, with their skills.',
		skill: 'Skill',
		skillHint: 'Pick a suggestion or type a skill.',
		anySkill: 'All',
		radius: 'Distance',
		distance: 'about {{distance}} away',
		empty: 'Nobody visible within this radius yet.',
		error: 'Could not load your neighbours.',
		noHome: 'Set your home in your profile to see your neighbours.',
		notDiscoverable: 'You are not visible to others. To become visible, tick “Let engaged neighbours find me” in your profile.',
		discoverable: 'Your neighbours can find you (rounded distance only).',
		profile: 'Open my profile',
		kind: { person: 'Resident', association: 'Association', commune: 'Town council' }
	}
} satisfies typeof fr;
