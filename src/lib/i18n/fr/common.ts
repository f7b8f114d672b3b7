/** Shared interface words: app shell, navigation, generic states and validation errors. */
export default {
	app: {
		name: 'Kohero',
		tagline: "Le réseau local de l'action citoyenne",
		skip: 'Aller au contenu'
	},
	nav: {
		main: 'Navigation principale',
		feed: 'Fil',
		map: 'Carte',
		mine: 'Mes initiatives',
		profile: 'Profil',
		home: 'Accueil',
		login: 'Se connecter',
		signup: 'Créer un compte',
		logout: 'Se déconnecter'
	},
	common: {
		save: 'Enregistrer',
		saved: 'Enregistré',
		saving: 'Enregistrement…',
		cancel: 'Annuler',
		loading: 'Chargement…',
		retry: 'Réessayer',
		back: "Retour à l'accueil",
		language: 'Langue',
		french: 'Français',
		english: 'English',
		network: 'Impossible de joindre le serveur. Vérifiez votre connexion.',
		unexpected: 'Une erreur inattendue est survenue.',
		notFound: 'Page introuvable',
		close: 'Fermer'
	},
	errors: {
		invalid: 'Valeur invalide.',
		characters: 'Ce texte contient des caractères interdits (caractères de contrôle, d’inversion du sens d’écriture ou uniquement invisibles).',
		required: 'Ce champ est obligatoire.',
		email: 'Adresse e-mail invalide.',
		password_short: 'Le mot de passe doit contenir au moins 10 caractères.',
		too_long: 'Ce texte est trop long.',
		too_short: 'Ce texte est trop court.',
		kind: 'Choisissez habitant·e, association ou commune.',
		lat: 'Latitude invalide (entre -90 et 90).',
		lng: 'Longitude invalide (entre -180 et 180).',
		boolean: 'Valeur oui/non attendue.',
		skills: 'Compétences invalides (30 au plus, 40 caractères chacune).',
		category: 'Catégorie inconnue.',
		id: 'Identifiant invalide (8 à 64 caractères A-Z, a-z, 0-9, _ ou -).',
		number: 'Nombre invalide.',
		radius: 'Rayon invalide (plus de 0 et au plus 200 km).',
		limit: 'Nombre de résultats invalide (entre 1 et 100).',
		cursor: 'Curseur de pagination invalide pour cette recherche.',
		bbox: 'Emprise invalide (minLng,minLat,maxLng,maxLat).',
		role: 'Rôle invalide (admin ou member).',
		query: 'Recherche trop longue (200 caractères au plus).'
	}
};
