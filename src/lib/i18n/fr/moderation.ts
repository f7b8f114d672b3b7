/** Moderation and community safety: reports, blocks, the review queue, the audit log, suspensions. */
export default {
	moderation: {
		errors: {
			target_type: 'Type de contenu inconnu (initiative, rencontre, message, idée ou personne).',
			reason: 'Motif inconnu (spam, contenu offensant, contenu illégal, hors sujet ou autre).',
			action: 'Décision inconnue (classer, masquer, rétablir ou suspendre l’auteur·rice).',
			statement: 'Expliquez la décision en quelques mots (3 caractères au moins).',
			text: 'Ce texte contient des caractères non autorisés.',
			status: 'État inconnu (open ou closed).'
		},
		hiddenNotice: 'Cette initiative est masquée en attendant une décision de modération : seules les personnes qui la gèrent et la modération la voient.',
		auto: {
			statement:
				'Ce contenu a été signalé par plusieurs personnes : il est masqué en attendant l’examen d’un modérateur ou d’une modératrice, qui vous informera de sa décision.'
		},
		reason: {
			spam: 'Spam',
			offensive: 'Contenu offensant',
			illegal: 'Contenu illégal',
			off_topic: 'Hors sujet',
			other: 'Autre'
		},
		target: {
			initiative: 'Initiative',
			meeting: 'Rencontre',
			message: 'Message',
			idea: 'Idée',
			user: 'Personne'
		},
		report: {
			open: 'Signaler',
			openLabel: 'Signaler — {{what}}',
			title: 'Signaler ce contenu',
			intro: 'Votre signalement est examiné par la modération. La personne concernée ne saura pas qui l’a signalé.',
			reasonLegend: 'Motif',
			details: 'Précisions (facultatif)',
			submit: 'Envoyer le signalement',
			cancel: 'Annuler',
			sent: 'Merci, votre signalement a été envoyé.',
			already: 'Vous aviez déjà signalé ce contenu : votre signalement est en cours d’examen.',
			failed: 'Le signalement n’a pas pu être envoyé. Réessayez.'
		},
		remove: {
			action: 'Retirer',
			label: 'Retirer — {{what}}',
			confirm: 'Retirer ce contenu de l’espace de travail ? Son auteur·rice sera informé·e.',
			statement: 'Motif communiqué à l’auteur·rice (facultatif)',
			submit: 'Retirer',
			done: 'Contenu retiré.',
			defaultStatement: 'Retiré par les responsables de l’initiative, qui l’ont jugé contraire à ses règles.',
			failed: 'Le contenu n’a pas pu être retiré.',
			member: 'Retirer de l’initiative',
			memberLabel: 'Retirer de l’initiative — {{name}}',
			memberConfirm: 'Retirer {{name}} de l’initiative ? Ses droits d’écriture cessent immédiatement.'
		},
		block: {
			action: 'Bloquer',
			label: 'Bloquer — {{name}}',
			unblock: 'Débloquer',
			done: 'Personne bloquée : vous ne vous verrez plus parmi les voisin·es.',
			hidden: 'message masqué',
			show: 'afficher',
			showLabel: 'Afficher le message masqué de {{name}}',
			ideaHidden: 'idée masquée'
		},
		queue: {
			title: 'Modération',
			ownerTitle: 'Signalements sur vos initiatives',
			intro: 'Signalements regroupés par contenu. Chaque décision est motivée et communiquée à l’auteur·rice, sans l’identité des personnes qui ont signalé.',
			ownerIntro: 'Les signalements concernant le contenu de vos initiatives. Vous ne voyez pas qui a signalé.',
			open: 'À traiter',
			closed: 'Traités',
			tabs: 'État des signalements',
			empty: 'Aucun signalement ici.',
			loading: 'Chargement des signalements…',
			failed: 'Les signalements n’ont pas pu être chargés.',
			countOne: '{{count}} signalement',
			countOther: '{{count}} signalements',
			link: 'Signalements',
			in: 'dans « {{title}} »',
			by: 'par {{name}}',
			hidden: 'Masqué',
			reportedText: 'Contenu signalé',
			noText: '(aucun texte)',
			reporters: 'Qui a signalé',
			statement: 'Motivation de la décision (envoyée à l’auteur·rice)',
			decide: 'Décider',
			decided: 'Décision enregistrée.',
			decision: 'Décision : {{action}} — « {{statement}} »',
			audit: 'Journal des décisions'
		},
		action: {
			dismiss: 'Classer sans suite',
			hide: 'Masquer',
			restore: 'Rétablir',
			suspend_author: 'Suspendre l’auteur·rice',
			auto_hide: 'Masquage automatique',
			remove: 'Retrait'
		},
		audit: {
			title: 'Journal des décisions',
			intro: 'Toutes les décisions de modération, avec leur auteur·rice et leur date.',
			empty: 'Aucune décision pour le moment.',
			when: 'Date',
			who: 'Par',
			what: 'Décision',
			target: 'Contenu',
			statement: 'Motivation',
			automatic: 'Automatique',
			back: 'Retour à la modération'
		},
		suspended: {
			title: 'Compte suspendu',
			body: 'Votre compte a été suspendu par la modération de Kohero, à la suite de signalements examinés par une personne. Vous ne pouvez plus vous connecter.',
			statement: 'La décision et ses motifs vous ont été envoyés par e-mail et dans votre activité. Pour la contester, répondez à ce message : une autre personne de la modération réexaminera votre cas.',
			home: 'Retour à l’accueil'
		}
	}
};
