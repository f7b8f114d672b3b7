import type fr from '../fr/account';

export default {
	home: {
		title: 'Kohero — act together, close to home',
		lead: 'Shared compost, zero-waste grocery, repair café, community garden: discover citizen initiatives around you, join the ones you care about and find engaged neighbours by skill.',
		aim: 'Fewer good ideas left without action.',
		point1: 'A feed of projects near you, started by residents, associations and municipalities.',
		point2: 'A workspace per initiative: notes, tasks, discussion and ideas, even without a network.',
		point3: 'Neighbours who share their energy, knowledge and skills.',
		welcome: 'Hello {{name}}!',
		welcomeText: 'Your feed of nearby initiatives appears here.'
	},
	auth: {
		signupTitle: 'Create an account',
		loginTitle: 'Log in',
		email: 'Email address',
		password: 'Password',
		passwordHint: 'At least 10 characters.',
		displayName: 'Display name',
		kind: 'You are',
		kindPerson: 'A resident',
		kindAssociation: 'An association',
		kindCommune: 'A municipality',
		submitSignup: 'Create my account',
		submitLogin: 'Log me in',
		haveAccount: 'Already have an account?',
		noAccount: 'No account yet?',
		needsNetwork: 'Signing up and the first log-in need an internet connection.',
		fixErrors: 'Please fix the highlighted fields.'
	},
	password: {
		title: 'Change password',
		current: 'Current password',
		next: 'New password',
		submit: 'Change password',
		done: 'Password changed. Your other devices are signed out.'
	},
	profile: {
		title: 'My profile',
		displayName: 'Display name',
		bio: 'A few words about you',
		bioHint: '1000 characters at most.',
		skills: 'Skills',
		skillsHint: 'Add a skill then press Enter.',
		addSkill: 'Add',
		removeSkill: 'Remove {{skill}}',
		suggestions: 'Suggestions',
		home: 'Where I live',
		homeHint: 'This exact point stays private: only you see it. It is used to show initiatives near you.',
		homeNone: 'No place chosen.',
		homeSet: 'Chosen place: {{place}}',
		homeClear: 'Clear my place',
		searchPlace: 'Search a town',
		searchPlaceHint: 'Name or postcode',
		noPlace: 'No town found.',
		discoverable: 'Let engaged neighbours find me',
		discoverableHint: 'Only a rounded distance is shown, never your address.',
		saved: 'Profile saved.',
		kind: 'Account type',
		email: 'Email'
	}
} satisfies typeof fr;
