/** The map page and the neighbours ("Voisin·es") page. */
export default {
	map: {
		title: 'Carte des initiatives',
		label: 'Carte interactive des initiatives',
		loading: 'Chargement de la carte…',
		failed: "La carte n'a pas pu s'afficher. La liste ci-dessous reste disponible.",
		download: 'Télécharger les données ouvertes (GeoJSON)',
		list: 'Initiatives de cette zone ({{count}})',
		listHint: 'La même information que la carte, sous forme de liste.',
		listEmpty: 'Aucune initiative dans cette zone. Dézoomez ou déplacez la carte.',
		listMore: '… et {{count}} autres : zoomez pour les voir.',
		listError: 'Impossible de charger les initiatives de cette zone.',
		open: 'Ouvrir la fiche',
		closeCard: 'Fermer',
		zoomIn: 'Zoomer',
		pickHint: 'Touchez la carte pour choisir le lieu.',
		pickHintClick: 'Cliquez sur la carte pour choisir le lieu.',
		attribution: 'Fond de carte : Natural Earth'
	},
	people: {
		title: 'Voisin·es engagé·es',
		lead: 'Des personnes près de chez vous qui ont choisi d’être visibles, avec leurs compétences.',
		skill: 'Compétence',
		skillHint: 'Choisissez une suggestion ou tapez une compétence.',
		anySkill: 'Toutes',
		radius: 'Distance',
		distance: 'à environ {{distance}}',
		empty: 'Personne de visible dans ce rayon pour le moment.',
		error: 'Impossible de charger vos voisin·es.',
		noHome: 'Indiquez votre lieu de vie dans votre profil pour voir vos voisin·es.',
		notDiscoverable: "Vous n'êtes pas visible des autres. Pour le devenir, cochez « Je veux que mes voisin·es engagé·es puissent me trouver » dans votre profil.",
		discoverable: 'Vous êtes visible de vos voisin·es (distance arrondie seulement).',
		profile: 'Ouvrir mon profil',
		kind: { person: 'Habitant·e', association: 'Association', commune: 'Commune' }
	}
};
