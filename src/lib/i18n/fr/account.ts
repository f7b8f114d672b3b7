/** Home page, sign-up, log-in and profile. */
export default {
	home: {
		title: "Kohero — agir ensemble, près de chez soi",
		lead: "Compost partagé, épicerie zéro déchet, repair café, jardin collectif : découvrez les initiatives citoyennes autour de vous, rejoignez celles qui vous parlent et trouvez des voisin·es engagé·es par compétence.",
		aim: "Moins de bonnes idées laissées sans suite.",
		point1: "Un fil des projets près de chez vous, proposés par des habitant·es, des associations et des communes.",
		point2: "Un espace de travail par initiative : notes, tâches, discussion et idées, même sans réseau.",
		point3: "Des voisin·es qui partagent leur énergie, leurs savoirs et leurs compétences.",
		welcome: 'Bonjour {{name}} !',
		welcomeText: 'Votre fil d’initiatives proches arrive ici.'
	},
	auth: {
		signupTitle: 'Créer un compte',
		loginTitle: 'Se connecter',
		email: 'Adresse e-mail',
		password: 'Mot de passe',
		passwordHint: 'Au moins 10 caractères.',
		displayName: 'Nom affiché',
		kind: 'Vous êtes',
		kindPerson: 'Habitant·e',
		kindAssociation: 'Association',
		kindCommune: 'Commune',
		submitSignup: 'Créer mon compte',
		submitLogin: 'Me connecter',
		haveAccount: 'Déjà un compte ?',
		noAccount: 'Pas encore de compte ?',
		needsNetwork: "La création de compte et la première connexion ont besoin d'une connexion internet.",
		fixErrors: 'Corrigez les champs signalés.'
	},
	password: {
		title: 'Changer de mot de passe',
		current: 'Mot de passe actuel',
		next: 'Nouveau mot de passe',
		submit: 'Changer le mot de passe',
		done: 'Mot de passe changé. Vos autres appareils sont déconnectés.'
	},
	profile: {
		title: 'Mon profil',
		displayName: 'Nom affiché',
		bio: 'Quelques mots sur vous',
		bioHint: '1000 caractères au plus.',
		skills: 'Compétences',
		skillsHint: 'Ajoutez une compétence puis appuyez sur Entrée.',
		addSkill: 'Ajouter',
		removeSkill: 'Retirer {{skill}}',
		suggestions: 'Suggestions',
		home: 'Mon lieu de vie',
		homeHint: "Ce point exact reste privé : vous seul·e le voyez. Il sert à vous montrer les initiatives proches.",
		homeNone: 'Aucun lieu choisi.',
		homeSet: 'Lieu choisi : {{place}}',
		homeClear: 'Effacer mon lieu',
		searchPlace: 'Rechercher une commune',
		searchPlaceHint: 'Nom ou code postal',
		noPlace: 'Aucune commune trouvée.',
		discoverable: 'Je veux que mes voisin·es engagé·es puissent me trouver',
		discoverableHint: 'Seule une distance arrondie est montrée, jamais votre adresse.',
		saved: 'Profil enregistré.',
		kind: 'Type de compte',
		email: 'E-mail'
	}
};
