/** Meetings: scheduling, answers, calendars, invitations and meeting mode. */
export default {
	meetings: {
		errors: {
			invalid_date: 'Date invalide : attendu par exemple 2026-06-01T19:00.',
			nonexistent_time: "Cette heure n'existe pas dans ce fuseau horaire (passage à l'heure d'été) : choisissez-en une autre.",
			time_zone: 'Fuseau horaire inconnu (par exemple Europe/Paris).',
			end_before_start: 'La fin doit être après le début.',
			place: 'Indiquez la latitude et la longitude ensemble.',
			not_found: "Cette réunion n'existe pas.",
			id_taken: 'Cet identifiant est déjà utilisé par une autre réunion.',
			cancelled: 'Cette réunion est annulée.',
			invite_not_found: "Cette invitation n'existe pas.",
			invite_expired: 'Cette invitation a expiré : demandez-en une nouvelle.',
			feed_not_found: "Ce calendrier n'existe pas ou a été renouvelé.",
			person_not_found: "Cette personne n'est pas visible dans Voisin·es.",
			too_many_invitations: "Trop d'invitations envoyées cette heure-ci. Réessayez dans {minutes} min.",
			already_member: 'Cette personne fait déjà partie de cette initiative.',
			owners_only: 'Seules les personnes responsables ou admins de cette initiative peuvent faire cela.'
		},
		mail: {
			newcomerSubject: 'Invitation : {{initiative}}',
			newcomerHello: 'Bonjour {{name}},',
			newcomerBody:
				'Vous avez participé à la réunion « {{meeting}} » de l’initiative « {{initiative}} » et accepté d’être recontacté·e. Rejoignez-la sur Kohero :',
			newcomerCta: 'Rejoindre l’initiative',
			newcomerFooter: 'Vous recevez ce message une seule fois. Sans suite de votre part, rien d’autre ne vous sera envoyé.'
		},
		calendar: { name: 'Réunions — {{title}}', mine: 'Mes réunions Kohero' },
		list: {
			title: 'Réunions',
			upcoming: 'À venir',
			past: 'Passées',
			none: 'Aucune réunion à venir.',
			nonePast: 'Aucune réunion passée.',
			schedule: 'Programmer une réunion',
			cancelled: 'Annulée',
			attendingOne: '{{count}} personne vient',
			attendingOther: '{{count}} personnes viennent',
			loadError: 'Impossible de charger les réunions.',
			pending: 'En attente d’envoi'
		},
		near: { title: 'Prochaines réunions près de chez vous', titleHere: 'Prochaines réunions dans le coin', none: 'Aucune réunion prévue près d’ici dans les 30 jours.', away: 'à {{km}} km' },
		nextMeeting: 'Prochaine réunion : {{date}}',
		form: {
			title: 'Programmer une réunion',
			name: 'Titre',
			date: 'Date',
			start: 'Heure de début',
			end: 'Heure de fin',
			endHint: 'Par défaut, 2 heures après le début.',
			place: 'Lieu',
			placeHint: 'Cherchez une commune ou écrivez librement (salle, adresse…).',
			placeFree: 'Lieu précis (facultatif)',
			description: 'Description',
			submit: 'Programmer',
			saving: 'Enregistrement…',
			offline: 'Réunion enregistrée sur cet appareil : elle sera envoyée au retour du réseau.',
			error: 'Impossible de programmer la réunion.'
		},
		page: {
			when: 'Quand',
			where: 'Où',
			by: 'Proposée par {{name}}',
			timeZone: 'Heure de {{zone}}',
			back: 'Retour à l’initiative',
			offlineCopy: 'Copie enregistrée sur cet appareil.',
			notSeen: 'Cette réunion n’a pas encore été ouverte sur cet appareil : reconnectez-vous pour la voir.',
			cancel: 'Annuler la réunion',
			cancelConfirm: 'Annuler cette réunion ? Les participant·es verront qu’elle est annulée.',
			hidden: 'Cette réunion est masquée par la modération.'
		},
		rsvp: {
			label: 'Votre réponse',
			yes: 'Je viens',
			maybe: 'Peut-être',
			no: 'Non',
			saved: 'Réponse enregistrée.',
			queued: 'Réponse enregistrée sur cet appareil : envoyée au retour du réseau.',
			signIn: 'Connectez-vous pour répondre.'
		},
		agenda: {
			add: 'Ajouter à mon agenda',
			subscribe: 'S’abonner',
			subscribeHint: 'Copiez cette adresse privée dans votre application d’agenda : elle montre les réunions de toutes vos initiatives.',
			copy: 'Copier',
			copied: 'Adresse copiée.',
			reset: 'Renouveler l’adresse',
			resetHint: 'L’ancienne adresse cessera de fonctionner.',
			error: 'Impossible de créer l’abonnement.'
		},
		invite: {
			title: 'Inviter',
			qr: 'QR code de l’invitation à rejoindre l’initiative',
			link: 'Lien d’invitation',
			expires: 'Valable jusqu’au {{date}}',
			create: 'Créer un lien d’invitation',
			toInitiative: 'Inviter à une initiative',
			choose: 'Initiative',
			send: 'Inviter',
			sent: 'Invitation envoyée.',
			error: 'Impossible d’inviter cette personne.'
		},
		join: {
			title: 'Vous êtes invité·e',
			intro: 'Rejoignez cette initiative sur Kohero.',
			signup: 'Créer un compte',
			login: 'Se connecter',
			accept: 'Rejoindre l’initiative',
			joined: 'Vous avez rejoint l’initiative.',
			open: 'Ouvrir l’initiative',
			expired: 'Cette invitation a expiré.',
			notFound: 'Cette invitation n’existe pas.',
			error: 'Impossible de rejoindre pour le moment.'
		},
		mode: {
			title: 'Mode réunion',
			intro: 'Tout fonctionne sans réseau : vos saisies sont fusionnées avec celles des autres appareils au retour de la connexion.',
			tabs: { attendance: 'Présences', votes: 'Votes', newcomers: 'Nouvelles personnes', minutes: 'Compte rendu', invite: 'QR code' },
			membersOnly: 'Le mode réunion est réservé aux membres de l’initiative.',
			attendance: {
				members: 'Membres',
				present: '{{name}} présent·e',
				guests: 'Invité·es',
				guestName: 'Nom de la personne invitée',
				addGuest: 'Ajouter',
				remove: 'Retirer {{name}}',
				countOne: '{{count}} présent·e',
				countOther: '{{count}} présent·es'
			},
			votes: {
				question: 'Question',
				options: 'Choix (un par ligne)',
				optionsDefault: 'Pour\nContre\nAbstention',
				add: 'Ouvrir le vote',
				count: 'Mains levées pour « {{option}} »',
				close: 'Clore le vote',
				closed: 'Vote clos',
				none: 'Aucun vote pour le moment.'
			},
			newcomers: {
				name: 'Nom',
				email: 'E-mail (facultatif)',
				consent: 'J’accepte d’être recontacté·e par cette initiative',
				add: 'Enregistrer',
				none: 'Personne pour le moment.',
				consented: 'Accepte d’être recontacté·e',
				noConsent: 'Sans contact',
				privacy: 'Ces coordonnées ne sont visibles que par les membres de l’initiative.',
				email_invalid: 'Adresse e-mail invalide.'
			},
			minutes: 'Compte rendu de la réunion',
			share: {
				export: 'Partager hors ligne',
				exportHint: 'Crée un petit fichier avec la réunion et l’espace de l’initiative, à transmettre à un autre appareil.',
				import: 'Importer',
				importLabel: 'Fichier de réunion Kohero',
				imported: 'Fichier importé : il sera synchronisé au retour du réseau.',
				invalid: 'Ce fichier n’est pas un partage de réunion Kohero.',
				failed: 'Impossible de partager ce fichier.'
			}
		}
	}
};
