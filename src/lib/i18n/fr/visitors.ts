/** What a visitor without an account sees: the feed around a commune, sharing, joining. */
export default {
	visitor: {
		feedHeading: 'Les initiatives près de chez vous',
		feedLead: 'Choisissez une commune ou votre position pour voir ce qui se passe autour. Sans compte.',
		pickFirst: 'Choisissez une commune ou « Autour de moi » pour voir les initiatives.',
		join: 'Rejoindre',
		joinHint: 'Créez votre compte (ou connectez-vous) : vous revenez ici, membre de l’initiative.',
		haveAccount: 'J’ai déjà un compte',
		membersHidden: 'La liste des membres est visible une fois connecté·e.',
		joining: 'Inscription à l’initiative…',
		joinFailed: 'Votre compte est prêt, mais l’adhésion à l’initiative a échoué. Réessayez depuis sa page.'
	},
	share: {
		button: 'Partager',
		copied: 'Lien copié.',
		failed: 'Impossible de copier le lien : {{url}}'
	},
	mapLabels: {
		towns: 'Noms des villes et villages',
		clusters: '{{count}} initiatives'
	}
};
