/** Activity, notification settings, mails, push, one-click unsubscribe and password reset. */
export default {
	notify: {
		bell: 'Activité',
		bellUnread_one: 'Activité : {{count}} nouveauté',
		bellUnread_other: 'Activité : {{count}} nouveautés',
		item: {
			member_joined: '{{actor}} a rejoint « {{initiative}} »',
			message_posted: '{{actor}} a écrit dans « {{initiative}} »',
			idea_posted: '{{actor}} a proposé une idée dans « {{initiative}} »',
			meeting_scheduled: 'Nouvelle réunion « {{meeting}} » ({{initiative}}) le {{when}}',
			meeting_updated: 'Réunion « {{meeting}} » modifiée ({{initiative}}) : le {{when}}',
			meeting_cancelled: 'Réunion « {{meeting}} » annulée ({{initiative}})',
			initiative_nearby: 'Nouvelle initiative à {{distance}} : {{initiative}}',
			role_changed: 'Votre rôle dans « {{initiative}} » : {{role}}',
			moderation_decision: 'Décision de modération : {{excerpt}}',
			invitation: '{{actor}} vous invite à rejoindre « {{initiative}} »',
			someone: 'Quelqu’un',
			unknownInitiative: 'une initiative',
			unknownMeeting: 'une réunion'
		},
		roles: { owner: 'responsable', admin: 'administrateur·rice', member: 'membre', none: 'vous ne faites plus partie de l’initiative' },
		page: {
			title: 'Activité',
			lead: 'Ce qui s’est passé dans vos initiatives et autour de chez vous.',
			markAll: 'Tout marquer comme lu',
			marked: 'Tout est lu.',
			empty: 'Rien de nouveau pour l’instant.',
			loading: 'Chargement de l’activité…',
			error: 'Impossible de charger l’activité.',
			offline: 'Hors ligne : l’activité telle qu’à la dernière synchronisation.',
			more: 'Voir plus',
			unread: 'non lu',
			elsewhere: 'Autres'
		},
		settings: {
			title: 'Notifications',
			digest: 'Résumé par e-mail',
			digestOff: 'Jamais',
			digestDaily: 'Chaque jour (7 h)',
			digestWeekly: 'Chaque semaine (lundi, 7 h)',
			instant: 'E-mails immédiats pour les réunions, les changements de rôle et les invitations',
			push: 'Notifications sur cet appareil',
			pushUnsupported: 'Ce navigateur ne permet pas les notifications (installez l’application ou utilisez un navigateur récent).',
			pushDenied: 'Les notifications sont bloquées pour ce site dans votre navigateur.',
			radius: 'Alerte pour les nouvelles initiatives autour de chez moi',
			radiusOff: 'Aucune',
			radiusKm: '{{km}} km',
			radiusNoHome: 'Indiquez votre domicile dans votre profil pour recevoir ces alertes.',
			saved: 'Préférences enregistrées.',
			error: 'Impossible d’enregistrer vos préférences.',
			mute: 'Mettre en sourdine',
			unmute: 'Réactiver les notifications',
			muted: 'Notifications en sourdine pour cette initiative.',
			mutedList: 'Initiatives en sourdine : {{count}}'
		},
		mail: {
			greeting: 'Bonjour {{name}},',
			open: 'Ouvrir dans Kohero',
			footer: 'Vous recevez ce message parce que vous avez un compte Kohero.',
			settings: 'Choisir ce que vous recevez : {{url}}',
			unsubscribe: 'Ne plus recevoir d’e-mails de notification : {{url}}',
			unsubscribeLink: 'Se désabonner en un clic',
			settingsLink: 'Réglages des notifications',
			digestSubject_one: 'Kohero : {{count}} nouveauté',
			digestSubject_other: 'Kohero : {{count}} nouveautés',
			digestIntro: 'Voici ce qui s’est passé depuis votre dernier résumé :',
			digestMore: 'Tout voir : {{url}}',
			instantSubject: 'Kohero : {{text}}',
			resetSubject: 'Kohero : réinitialiser votre mot de passe',
			resetIntro: 'Quelqu’un (vous, sans doute) a demandé à réinitialiser le mot de passe de votre compte Kohero.',
			resetAction: 'Choisir un nouveau mot de passe',
			resetExpiry: 'Ce lien est valable une heure et ne sert qu’une fois. Si vous n’avez rien demandé, ignorez ce message : votre mot de passe reste le même.'
		},
		unsubscribe: {
			title: 'Se désabonner',
			text: 'Ne plus recevoir de résumés ni d’e-mails de notification de Kohero à cette adresse ? Vous pourrez les réactiver dans vos réglages.',
			button: 'Me désabonner',
			done: 'C’est fait : vous ne recevrez plus de résumés ni d’e-mails de notification. Vous pouvez les réactiver dans vos réglages.',
			unknown: 'Ce lien de désabonnement n’est pas (ou plus) valable.'
		},
		reset: {
			forgot: 'Mot de passe oublié ?',
			requestTitle: 'Mot de passe oublié',
			requestText: 'Indiquez l’adresse e-mail de votre compte : nous vous enverrons un lien pour choisir un nouveau mot de passe.',
			requestSubmit: 'Envoyer le lien',
			requestSent: 'Si un compte existe avec cette adresse, un e-mail vient de lui être envoyé. Le lien est valable une heure.',
			title: 'Nouveau mot de passe',
			submit: 'Enregistrer le nouveau mot de passe',
			done: 'Mot de passe changé : vous êtes connecté·e, et vos autres appareils sont déconnectés.',
			invalid: 'Ce lien n’est plus valable. Demandez-en un nouveau.'
		},
		push: {
			title: 'Kohero'
		},
		errors: {
			body: 'Un objet JSON est attendu.',
			frequency: 'Fréquence inconnue (off, daily ou weekly).',
			radius: 'Rayon invalide (0, 2, 5, 10 ou 25 km).',
			boolean: 'Valeur oui/non attendue.',
			initiatives: 'Liste d’initiatives invalide.',
			limit: 'Nombre de résultats invalide (entre 1 et 100).',
			cursor: 'Curseur de pagination invalide.',
			upTo: 'Identifiant d’activité invalide.',
			email: 'Adresse e-mail invalide.',
			token: 'Lien invalide ou expiré.',
			password: 'Le mot de passe doit contenir au moins 10 caractères.',
			endpoint: 'Adresse d’abonnement invalide (https uniquement).',
			keys: 'Clés d’abonnement invalides.',
			initiativeUnknown: 'Cette initiative n’existe pas.',
			tooMany: 'Trop de demandes. Réessayez plus tard.'
		}
	}
};
