/** What the demo workspaces say: French notes, tasks, a discussion and ideas ({lieu} = the town, {titre} = the initiative). */

export const NOTES: { heading: string; paragraphs: string[] }[] = [
	{
		heading: 'Où en est-on ?',
		paragraphs: [
			'Nous étions une douzaine à la première réunion, à la salle des fêtes de {lieu}. Tout le monde est reparti avec une tâche : c’est bon signe.',
			'L’idée de départ tient toujours : un projet simple, ouvert à tous les habitant·es, qui avance par petites étapes visibles. La mairie a donné son accord de principe pour le lieu.',
			'Prochaine étape : fixer un calendrier réaliste pour le printemps et trouver deux ou trois personnes de plus pour les permanences du samedi.'
		]
	},
	{
		heading: 'Ce que nous avons décidé',
		paragraphs: [
			'« {titre} » se réunit une fois par mois, le premier mardi à 19 h. Les comptes rendus sont écrits ici, à plusieurs mains, pendant la réunion.',
			'Le budget de départ vient d’une cagnotte entre voisin·es et d’un petit soutien de la commune. Chaque dépense est notée dans la liste des tâches, avec la personne qui s’en occupe.',
			'Nous voulons que chacun·e puisse participer même une heure par mois : pas besoin d’être expert·e, il suffit de venir.'
		]
	}
];

export const TASKS = [
	'Réserver la salle pour la prochaine réunion',
	'Écrire un mot pour le panneau de la mairie',
	'Faire la liste du matériel à emprunter',
	'Demander un devis pour les fournitures',
	'Prévenir l’école et le centre social',
	'Préparer une affiche pour la boulangerie',
	'Créer un planning des permanences',
	'Photographier le lieu avant les travaux'
];

/** A short exchange, in order; each line is written by the next member in turn. */
export const MESSAGES = [
	'Bonjour à toutes et à tous ! J’ai mis les notes de la réunion dans l’onglet Notes.',
	'Merci ! Je peux m’occuper de l’affiche cette semaine.',
	'Super. Quelqu’un a une voiture pour aller chercher le matériel samedi ?',
	'Moi, à partir de 10 h. On se retrouve devant la mairie ?',
	'Parfait, à samedi 10 h devant la mairie de {lieu}.',
	'J’ai coché la réservation de la salle : c’est fait pour le 1er mardi.'
];

export const IDEAS = [
	'Organiser une journée portes ouvertes avec un goûter partagé',
	'Proposer un atelier pour les enfants le mercredi après-midi',
	'Faire un partenariat avec le marché du dimanche',
	'Installer une boîte à idées à la médiathèque',
	'Inviter une association voisine à présenter son projet'
];
