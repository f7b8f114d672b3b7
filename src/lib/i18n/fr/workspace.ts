/** The collaborative workspace of an initiative: notes, tasks, discussion, ideas. */
export default {
	workspace: {
		tabs: { label: 'Espace de travail', notes: 'Notes', tasks: 'Tâches', discussion: 'Discussion', ideas: 'Idées' },
		status: {
			label: 'État de la synchronisation',
			loading: 'Ouverture…',
			connecting: 'Connexion…',
			waiting: 'En attente de la création de l’initiative sur le serveur — vos modifications sont gardées',
			sending: 'Envoi de vos modifications…',
			synced: 'Synchronisé',
			offline: 'Hors ligne — vos modifications sont enregistrées sur cet appareil',
			error: 'Synchronisation impossible',
			unauthenticated: 'Votre session a expiré : reconnectez-vous pour synchroniser.',
			not_found: "Cette initiative n'existe plus sur le serveur.",
			too_large: 'Ce document est trop volumineux pour être synchronisé.'
		},
		presence: { label: 'Qui est là', you: '{{name}} (vous)', alone: 'Vous êtes seul·e ici pour le moment.' },
		readOnly: 'Vous consultez cet espace en lecture seule.',
		join: 'Rejoindre pour participer',
		joinError: "Impossible de rejoindre l'initiative pour le moment.",
		member: 'Membre',
		errors: { required: 'Écrivez quelque chose d’abord.', too_long: 'Ce texte est trop long.', not_found: 'Cet élément a été supprimé.' },
		notes: {
			loading: "Chargement de l'éditeur…",
			failed: "L'éditeur n'a pas pu se charger.",
			editorLabel: 'Notes de brainstorm',
			toolbar: 'Mise en forme',
			h2: 'Titre',
			h3: 'Sous-titre',
			bullets: 'Liste à puces',
			numbers: 'Liste numérotée',
			checklist: 'Liste de cases à cocher',
			link: 'Lien',
			linkPrompt: 'Adresse du lien (laisser vide pour retirer le lien)',
			empty: 'Aucune note pour le moment.'
		},
		tasks: {
			add: 'Ajouter',
			newLabel: 'Nouvelle tâche',
			placeholder: 'Ex. Réserver la salle des fêtes',
			empty: 'Aucune tâche pour le moment.',
			done: 'Terminée : {{title}}',
			rename: 'Titre de la tâche',
			assignee: 'Responsable',
			unassigned: 'Personne',
			up: 'Monter « {{title}} »',
			down: 'Descendre « {{title}} »',
			delete: 'Supprimer « {{title}} »',
			count: '{{done}} sur {{total}} terminées'
		},
		discussion: {
			empty: 'Aucun message pour le moment. Lancez la discussion !',
			unread: 'Nouveaux messages',
			unreadCount: '{{count}} nouveaux messages',
			unreadCount_one: '{{count}} nouveau message',
			unreadCount_other: '{{count}} nouveaux messages',
			label: 'Votre message',
			placeholder: 'Écrire un message…',
			send: 'Envoyer',
			thread: 'Messages'
		},
		ideas: {
			label: 'Votre idée',
			placeholder: 'Proposer une idée…',
			propose: 'Proposer',
			empty: 'Aucune idée pour le moment.',
			vote: 'Voter',
			withdraw: 'Retirer mon vote',
			votes: '{{count}} votes',
			votes_one: '{{count}} vote',
			votes_other: '{{count}} votes',
			by: 'par {{name}}'
		}
	}
};
