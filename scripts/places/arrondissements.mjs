// The municipal arrondissements of Paris, Lyon and Marseille as places of their own.
// Lyon's and Marseille's points come from GeoNames (PPLX "Lyon 04", PPLA5 "Marseille 04");
// GeoNames cities500 has no row for Paris' arrondissements, so their points (near each
// town hall) are written here. Quarter names let people search the way they speak:
// "Croix-Rousse" finds Lyon 4e.

/** INSEE code → [lat, lng] for Paris (cities500 has none). */
export const PARIS_POINTS = {
	75101: [48.8625, 2.3364], 75102: [48.8683, 2.3428], 75103: [48.863, 2.3601], 75104: [48.8543, 2.3576],
	75105: [48.8445, 2.3497], 75106: [48.8491, 2.3328], 75107: [48.8562, 2.3121], 75108: [48.8727, 2.3125],
	75109: [48.8771, 2.3375], 75110: [48.8761, 2.3606], 75111: [48.859, 2.38], 75112: [48.8396, 2.3876],
	75113: [48.8283, 2.3623], 75114: [48.8292, 2.3266], 75115: [48.8401, 2.2935], 75116: [48.8637, 2.2769],
	75117: [48.8873, 2.3067], 75118: [48.8925, 2.3484], 75119: [48.8871, 2.3848], 75120: [48.8634, 2.4011]
};

/** INSEE code → quarter names people use for it. */
export const QUARTERS = {
	69381: ['Terreaux', 'Pentes de la Croix-Rousse'],
	69382: ['Presqu’île', 'Bellecour', 'Confluence', 'Perrache', 'Ainay'],
	69383: ['Part-Dieu', 'Montchat', 'Guillotière nord'],
	69384: ['Croix-Rousse', 'Plateau de la Croix-Rousse'],
	69385: ['Vieux Lyon', 'Fourvière', 'Saint-Just', 'Point du Jour'],
	69386: ['Brotteaux', 'Tête d’Or'],
	69387: ['Guillotière', 'Gerland', 'Jean Macé'],
	69388: ['Monplaisir', 'États-Unis', 'Mermoz'],
	69389: ['Vaise', 'La Duchère', 'Saint-Rambert'],
	13201: ['Belsunce', 'Noailles', 'Vieux-Port', 'Canebière', 'Thiers'],
	13202: ['Le Panier', 'La Joliette', 'Arenc'],
	13203: ['Belle de Mai', 'Saint-Lazare'],
	13204: ['Les Chartreux', 'Les Cinq-Avenues', 'Blancarde'],
	13205: ['La Conception', 'Baille', 'Le Camas'],
	13206: ['Castellane', 'Notre-Dame-du-Mont', 'Cours Julien', 'La Plaine', 'Préfecture'],
	13207: ['Endoume', 'Saint-Victor', 'Les Catalans', 'Vallon des Auffes', 'Roucas-Blanc'],
	13208: ['Périer', 'Bonneveine', 'Pointe Rouge', 'Les Goudes', 'Prado'],
	13209: ['Mazargues', 'Sormiou', 'La Cayolle', 'Sainte-Marguerite'],
	13212: ['Saint-Barnabé', 'Les Trois-Lucs'],
	13213: ['Château-Gombert', 'Saint-Jérôme'],
	13216: ['L’Estaque', 'Saint-Henri'],
	75101: ['Les Halles', 'Louvre', 'Palais-Royal'],
	75102: ['Sentier', 'Bourse'],
	75103: ['Haut Marais', 'Arts et Métiers'],
	75104: ['Marais', 'Île Saint-Louis', 'Beaubourg'],
	75105: ['Quartier latin', 'Mouffetard', 'Jardin des Plantes'],
	75106: ['Saint-Germain-des-Prés', 'Odéon', 'Luxembourg'],
	75107: ['Invalides', 'Gros-Caillou', 'Tour Eiffel'],
	75108: ['Champs-Élysées', 'Madeleine', 'Europe'],
	75109: ['Pigalle', 'Opéra', 'Saint-Georges'],
	75110: ['Canal Saint-Martin', 'Gare du Nord', 'Gare de l’Est'],
	75111: ['Bastille', 'Oberkampf', 'Roquette', 'Folie-Méricourt'],
	75112: ['Bercy', 'Nation', 'Picpus', 'Daumesnil'],
	75113: ['Butte-aux-Cailles', 'Quartier asiatique', 'Paris Rive Gauche'],
	75114: ['Montparnasse', 'Alésia', 'Plaisance'],
	75115: ['Vaugirard', 'Grenelle', 'Javel', 'Beaugrenelle'],
	75116: ['Passy', 'Auteuil', 'Trocadéro'],
	75117: ['Batignolles', 'Épinettes', 'Ternes'],
	75118: ['Montmartre', 'Goutte d’Or', 'La Chapelle'],
	75119: ['Belleville', 'La Villette', 'Buttes-Chaumont'],
	75120: ['Ménilmontant', 'Charonne', 'Père-Lachaise']
};

/** "Lyon 4e Arrondissement" → "Lyon 4e". */
export const shortName = (official) => official.replace(/\s+Arrondissement$/i, '');

/** GeoNames' names for arrondissement points: "Lyon 04", "Marseille 4" → INSEE code. */
export function geonamesArrondissementCode(name, communeInsee) {
	const match = /^(Lyon|Marseille) 0?(\d{1,2})$/.exec(name);
	if (!match) return null;
	const n = Number(match[2]);
	if (communeInsee === '69123' && n >= 1 && n <= 9) return String(69380 + n);
	if (communeInsee === '13055' && n >= 1 && n <= 16) return String(13200 + n);
	return null;
}
