/** Profile wording by kind of account, and the skill suggestions' names. */
export default {
	profileKind: {
		emailLine: 'E-mail : {{email}}',
		bio: { person: 'Quelques mots sur vous', association: 'Présentation de l’association', commune: 'Présentation de la commune' },
		bioHint: {
			person: '1000 caractères au plus.',
			association: 'Votre objet, vos activités, comment vous rejoindre. 1000 caractères au plus.',
			commune: 'Ce que la commune propose aux habitant·es engagé·es. 1000 caractères au plus.'
		},
		home: { person: 'Mon lieu de vie', association: 'Siège de l’association', commune: 'Mairie' },
		homeHint: {
			person: 'Ce point exact reste privé : vous seul·e le voyez. Il sert à vous montrer les initiatives proches.',
			association: 'Ce point exact reste privé : il sert à montrer les initiatives proches de votre siège.',
			commune: 'Ce point exact reste privé : il sert à montrer les initiatives proches de la mairie.'
		},
		skills: { person: 'Compétences', association: 'Savoir-faire de l’association', commune: 'Services de la commune' },
		discoverable: {
			person: 'Je veux que mes voisin·es engagé·es puissent me trouver',
			association: 'Les habitant·es engagé·es peuvent trouver l’association',
			commune: 'Les habitant·es engagé·es peuvent trouver la commune'
		}
	},
	skillNames: {
		jardinage: 'jardinage',
		bricolage: 'bricolage',
		compostage: 'compostage',
		graphisme: 'graphisme',
		comptabilité: 'comptabilité',
		'animation de réunion': 'animation de réunion',
		cuisine: 'cuisine',
		'réparation vélo': 'réparation vélo',
		couture: 'couture',
		informatique: 'informatique',
		communication: 'communication',
		menuiserie: 'menuiserie',
		électricité: 'électricité',
		photographie: 'photographie',
		juridique: 'juridique',
		traduction: 'traduction'
	}
};
