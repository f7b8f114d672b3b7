/** Offline for real: the app's offline page, the sync control, the honest offline feed, undo and phone tabs. */
export default {
	offline: {
		pageTitle: 'Page non enregistrée sur cet appareil',
		pageText: 'Cette page n’a pas encore été ouverte ici avec le réseau : elle s’affichera dès son retour.',
		pageBack: 'Le réseau est revenu.',
		reload: 'Ouvrir la page',
		home: 'Mon fil',
		mine: 'Mes initiatives'
	},
	syncControl: {
		offline: 'Hors ligne',
		pending: '{{count}} en attente',
		syncing: 'Synchronisation…',
		synced: 'Synchronisé',
		syncedAt: 'Synchronisé à {{time}}',
		docs_one: '{{count}} espace de travail modifié ici attend l’accord du serveur',
		docs_other: '{{count}} espaces de travail modifiés ici attendent l’accord du serveur',
		pagesKept: 'Vos pages sont enregistrées pour une utilisation hors ligne.',
		close: 'Fermer'
	},
	offlineFeed: {
		saved: 'Hors ligne — résultats enregistrés à {{radius}} km',
		savedFilters: 'Hors ligne — résultats enregistrés à {{radius}} km, sans ce filtre',
		unknownEnd: 'D’autres initiatives apparaîtront au retour du réseau.'
	},
	undo: {
		undo: 'Annuler',
		taskDeleted: 'Tâche supprimée.',
		ideaDeleted: 'Idée supprimée.',
		messageDeleted: 'Message supprimé.',
		leaveTitle: 'Quitter cette initiative ?',
		leaveText: 'Vous ne recevrez plus son espace de travail ; vous pourrez la rejoindre à nouveau.',
		leaveConfirm: 'Quitter',
		cancel: 'Rester'
	},
	initiativeTabs: {
		label: 'Sections de l’initiative',
		workspace: 'Espace de travail',
		about: 'Présentation et membres'
	}
};
