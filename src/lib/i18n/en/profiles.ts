import type fr from '../fr/profiles';

/** Profile wording by kind of account, and the skill suggestions' names. */
export default {
	profileKind: {
		emailLine: 'Email: {{email}}',
		bio: { person: 'A few words about you', association: 'About the association', commune: 'About the town' },
		bioHint: {
			person: 'At most 1000 characters.',
			association: 'Your purpose, your activities, how to join you. At most 1000 characters.',
			commune: 'What the town offers to engaged residents. At most 1000 characters.'
		},
		home: { person: 'Where I live', association: 'Headquarters', commune: 'Town hall' },
		homeHint: {
			person: 'This exact point stays private: only you see it. It is used to show you initiatives nearby.',
			association: 'This exact point stays private: it is used to show initiatives near your headquarters.',
			commune: 'This exact point stays private: it is used to show initiatives near the town hall.'
		},
		skills: { person: 'Skills', association: 'What the association can do', commune: 'Services of the town' },
		discoverable: {
			person: 'I want engaged neighbours to be able to find me',
			association: 'Engaged residents can find the association',
			commune: 'Engaged residents can find the town'
		}
	},
	skillNames: {
		jardinage: 'gardening',
		bricolage: 'DIY',
		compostage: 'composting',
		graphisme: 'graphic design',
		comptabilité: 'accounting',
		'animation de réunion': 'facilitating meetings',
		cuisine: 'cooking',
		'réparation vélo': 'bike repair',
		couture: 'sewing',
		informatique: 'IT',
		communication: 'communication',
		menuiserie: 'woodwork',
		électricité: 'electrics',
		photographie: 'photography',
		juridique: 'legal advice',
		traduction: 'translation'
	}
} satisfies typeof fr;
