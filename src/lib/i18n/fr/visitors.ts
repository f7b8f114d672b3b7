/** What a visitor without an account sees: the feed around a commune, sharing, joining. */
export default {
	site: {
		description: 'Kohero, le réseau social local de l’action citoyenne.'
	},
	visitor: {
		feedHeading: 'Les initiatives près de chez vous',
		feedLead: 'Choisissez une commune ou votre position pour voir ce qui se passe autour. Sans compte.',
		pickFirst: 'Choisissez une commune ou « Ma position » pour voir les initiatives.',
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
	mapControls: {
		toggleAttribution: 'Afficher ou masquer les sources',
		feedback: 'Signaler une erreur de carte',
		findMe: 'Me localiser',
		noLocation: 'Position indisponible',
		map: 'Carte',
		marker: 'Repère',
		resetBearing: 'Faire glisser pour tourner la carte, cliquer pour revenir au nord',
		zoomIn: 'Zoomer',
		zoomOut: 'Dézoomer',
		close: 'Fermer',
		fullscreen: 'Plein écran',
		exitFullscreen: 'Quitter le plein écran',
		ctrlScroll: 'Ctrl + molette pour zoomer la carte',
		cmdScroll: '⌘ + molette pour zoomer la carte',
		twoFingers: 'Utilisez deux doigts pour déplacer la carte'
	},
	places: {
		refineOpen: 'Affiner le point sur la carte',
		refineTap: 'Touchez la carte pour affiner le point (il reste privé).',
		refineClick: 'Cliquez sur la carte pour affiner le point (il reste privé).',
		refineMap: 'Carte pour affiner votre lieu de vie'
	},
	mapLabels: {
		towns: 'Noms des villes et villages',
		clusters: '{{count}} initiatives'
	}
};
