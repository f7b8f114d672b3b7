/** The workspace history (owners and admins) and the full-workspace notice. */
export default {
	history: {
		title: 'Historique',
		titleOf: 'Historique de « {{title}} »',
		intro: 'Une copie de l’espace de travail est gardée chaque jour, pendant 30 jours. Restaurer crée une nouvelle modification que tous les membres reçoivent, même hors ligne à leur retour.',
		empty: 'Aucune copie pour l’instant : la première sera prise avant la prochaine modification.',
		loading: 'Chargement de l’historique…',
		loadError: 'L’historique n’a pas pu être chargé.',
		takenAt: 'Copie du {{date}}',
		size: 'Taille : {{size}}',
		restoreNotes: 'Restaurer les notes',
		restoreAll: 'Tout restaurer',
		confirmNotes: 'Remplacer les notes actuelles par celles du {{date}} ?',
		confirmAll: 'Remplacer les notes, les tâches, la discussion et les idées par celles du {{date}} ?',
		confirm: 'Confirmer',
		cancel: 'Annuler',
		restoring: 'Restauration…',
		restored: 'Restauration faite : tous les membres la reçoivent.',
		restoreError: 'La restauration a échoué. Réessayez.',
		back: 'Retour à l’initiative',
		open: 'Historique'
	},
	spaceFull: {
		title: 'Espace plein',
		body: 'Cet espace de travail a atteint sa taille maximale : plus personne ne peut y ajouter de contenu.',
		wayOut: 'Pour faire de la place, supprimez d’anciens messages, idées ou tâches, ou restaurez une version plus légère depuis l’historique.',
		openHistory: 'Ouvrir l’historique',
		member: 'Prévenez une personne responsable de l’initiative : elle peut faire de la place.'
	}
};
