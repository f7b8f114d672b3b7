/** Offline app: installation, updates, sync status, outbox, settings, export and device data. */
export default {
	pwa: {
		install: "Installer l'application",
		updateAvailable: 'Une nouvelle version est disponible',
		update: 'Mettre à jour',
		later: 'Plus tard',
		updateEditing: 'Une modification est en cours de saisie : elle sera perdue si vous mettez à jour maintenant.',
		updateAnyway: 'Mettre à jour quand même'
	},
	sync: {
		label: 'État de la synchronisation',
		online: 'En ligne',
		offline: 'Hors ligne',
		synced: 'Synchronisé',
		syncedAt: 'Synchronisé à {{time}}',
		pending_one: '{{count}} modification en attente',
		pending_other: '{{count}} modifications en attente',
		pendingBadge: 'en attente de connexion',
		mineOffline: 'Hors ligne : vos initiatives telles qu’enregistrées sur cet appareil.',
		mapOffline: 'Hors ligne : les initiatives connues de cet appareil.',
		lastSyncedAt: 'synchronisé à {{time}}',
		offlineHint: 'Vos modifications sont gardées sur cet appareil et seront envoyées au retour du réseau.',
		errors_one: '{{count}} modification refusée',
		errors_other: '{{count}} modifications refusées',
		refusedTitle: 'Modifications refusées par le serveur',
		dismiss: 'Ignorer',
		retry: 'Réessayer',
		retrying: 'Nouvel essai automatique en cours…',
		sessionExpired: 'Votre session a expiré : reconnectez-vous pour envoyer vos modifications.',
		kind: {
			create: 'Création de « {{title}} »',
			patch: 'Modification d’une initiative',
			join: 'Adhésion à une initiative',
			leave: 'Départ d’une initiative',
			profile: 'Modification du profil',
			meeting_create: 'Programmation d’une réunion',
			meeting_rsvp: 'Réponse à une réunion'
		}
	},
	settings: {
		title: 'Réglages',
		link: 'Réglages et données',
		storage: 'Stockage sur cet appareil',
		used: '{{used}} utilisés sur {{quota}} disponibles',
		unknown: 'Inconnu sur ce navigateur',
		persisted: 'Stockage persistant accordé : le navigateur ne supprimera pas vos données.',
		notPersisted: 'Stockage non persistant : le navigateur peut effacer les données hors ligne s’il manque de place.',
		askPersist: 'Demander le stockage persistant',
		exportTitle: 'Mes données',
		exportText: 'Votre profil, vos initiatives et leurs espaces de travail (JSON), et la carte de vos initiatives (GeoJSON).',
		export: 'Exporter mes données',
		exporting: 'Préparation de l’export…',
		exported: 'Export prêt : {{files}}.',
		exportOffline: 'L’export utilise les données de cet appareil : il peut manquer ce qui n’a jamais été ouvert ici.',
		deviceTitle: 'Données de cet appareil',
		deviceText: 'Efface le cache, les espaces de travail enregistrés et les modifications en attente sur cet appareil. Votre compte n’est pas touché.',
		clear: 'Effacer les données de cet appareil',
		cleared: 'Les données de cet appareil ont été effacées.',
		pendingWarning_one: 'Attention : {{count}} modification n’a pas encore été envoyée et sera perdue.',
		pendingWarning_other: 'Attention : {{count}} modifications n’ont pas encore été envoyées et seront perdues.'
	},
	logout: {
		title: 'Se déconnecter',
		clearDevice: 'Effacer aussi les données de cet appareil (recommandé sur un appareil partagé)',
		confirm: 'Me déconnecter',
		offline: 'La déconnexion nécessite une connexion au réseau.'
	}
};
