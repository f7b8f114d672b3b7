/** French titles and summaries for demo initiatives, by category. */
import type { Category } from '../../src/lib/domain/validation/initiative';

type Template = [title: string, summary: string];

/** `{lieu}` is replaced by the town's name. */
export const TEMPLATES: Record<Category, Template[]> = {
	environment: [
		['Compost partagé de {lieu}', 'Un bac à compost collectif au pied des immeubles : apportez vos épluchures, repartez avec du terreau pour vos plantes.'],
		['Fresque du climat à {lieu}', 'Trois heures en petit groupe pour comprendre les causes et conséquences du dérèglement climatique, avec une animatrice formée.'],
		['Nettoyage des berges — {lieu}', 'Chaque premier samedi du mois, on ramasse les déchets le long de la rivière. Gants et sacs fournis.'],
		['Refuge pour les hérissons', 'Installer des abris et des passages dans les jardins du quartier pour la petite faune de {lieu}.'],
		['Plantons une haie à {lieu}', 'Chantier participatif de plantation d’une haie champêtre avec des essences locales.']
	],
	food: [
		['AMAP de {lieu}', 'Des paniers de légumes bio chaque semaine, en lien direct avec une ferme maraîchère à moins de 30 km.'],
		['Épicerie vrac solidaire', 'Une épicerie associative sans emballages à {lieu}, tenue par des bénévoles, avec des prix adaptés à chacun.'],
		['Jardin partagé de {lieu}', 'Des parcelles à cultiver ensemble, un récupérateur d’eau de pluie et des trocs de graines au printemps.'],
		['Frigo solidaire — {lieu}', 'Un réfrigérateur en libre-service devant la boulangerie : on dépose ce qu’on ne mangera pas, on prend ce dont on a besoin.'],
		['Cuisine anti-gaspi', 'Ateliers de cuisine avec les invendus du marché de {lieu}, suivis d’un repas partagé.']
	],
	energy: [
		['Centrale solaire citoyenne de {lieu}', 'Financer ensemble des panneaux photovoltaïques sur les toits de l’école et du gymnase.'],
		['Défi Familles à énergie positive', 'Réduire de 10 % la consommation d’énergie de son foyer en un hiver, en équipe avec ses voisins.'],
		['Balades thermiques à {lieu}', 'Une caméra thermique et un conseiller rénovation pour repérer les fuites de chaleur des maisons du quartier.']
	],
	mobility: [
		['Vélo-école de {lieu}', 'Apprendre ou réapprendre à faire du vélo en ville, pour adultes, avec des bénévoles patients.'],
		['Covoiturage {lieu} – gare', 'Une ligne de covoiturage du quotidien entre le bourg et la gare, organisée entre voisins.'],
		['Atelier vélo participatif', 'Réparez vous-même votre vélo avec les outils et les conseils de l’atelier de {lieu}.'],
		['Pédibus de l’école', 'Accompagner à pied les enfants jusqu’à l’école de {lieu}, chaque matin, à tour de rôle.']
	],
	solidarity: [
		['Repair café de {lieu}', 'Un samedi par mois, des bénévoles vous aident à réparer grille-pain, vêtements et ordinateurs au lieu de les jeter.'],
		['Accorderie de {lieu}', 'Échanger des services entre habitants : une heure donnée vaut une heure reçue, quel que soit le service.'],
		['Visites aux aînés isolés', 'Un réseau de voisins qui rendent visite aux personnes âgées seules de {lieu}, pour un café et une conversation.'],
		['Boîte à dons', 'Une boîte en bois sur la place de {lieu} pour donner livres, jouets et petits objets.']
	],
	culture: [
		['Boîte à livres de {lieu}', 'Une cabine téléphonique transformée en bibliothèque libre : prenez un livre, déposez-en un.'],
		['Chorale du quartier', 'On chante ensemble chaque jeudi soir à {lieu}, sans audition et sans savoir lire la musique.'],
		['Fête des voisins à {lieu}', 'Organiser la grande fête de rue de juin : tables, musique et plats à partager.']
	],
	education: [
		['Aide aux devoirs à {lieu}', 'Des bénévoles accompagnent les collégiens deux soirs par semaine à la médiathèque.'],
		['École du numérique', 'Initiation à l’ordinateur et aux démarches en ligne pour les habitants de {lieu} qui en ont besoin.'],
		['Conversations en français', 'Des rencontres conviviales pour pratiquer le français, ouvertes aux nouveaux arrivants de {lieu}.']
	],
	democracy: [
		['Conseil citoyen de {lieu}', 'Des habitants tirés au sort et volontaires pour donner leur avis sur les projets de la commune.'],
		['Budget participatif de {lieu}', 'Proposez et votez pour les projets que la commune financera l’an prochain.'],
		['Atelier « ma rue demain »', 'Imaginer ensemble une rue plus apaisée, plus verte et plus sûre pour les enfants à {lieu}.']
	],
	other: [
		['Grainothèque de {lieu}', 'Des graines de variétés anciennes à échanger librement, à la mairie.'],
		['Outilthèque partagée', 'Perceuse, échelle, débroussailleuse : empruntez les outils des voisins de {lieu} au lieu d’en acheter.']
	]
};

export const SEED_CATEGORIES = Object.keys(TEMPLATES) as Category[];

export const FIRST_NAMES = ['Camille', 'Léa', 'Manon', 'Chloé', 'Inès', 'Jade', 'Louise', 'Emma', 'Alice', 'Sarah', 'Lucas', 'Hugo', 'Louis', 'Nathan', 'Gabriel', 'Jules', 'Arthur', 'Raphaël', 'Adam', 'Yanis', 'Fatou', 'Mohamed', 'Nour', 'Thi Mai', 'Élodie', 'Bernard', 'Monique', 'Jean-Pierre', 'Françoise', 'Karim'];
export const LAST_INITIALS = 'ABCDEFGHIJKLMNOPRSTV';
export const ASSOCIATIONS = ['Les Jardins de Traverse', 'Vélo Solidaire', 'Alternatiba', 'Zéro Déchet', 'Les Amis de la Terre', 'Énergie Partagée', 'Le Repair des Voisins', 'Colibris', 'Secours Populaire', 'Maison des Habitants'];
export const SKILLS = ['jardinage', 'bricolage', 'compostage', 'graphisme', 'comptabilité', 'animation de réunion', 'cuisine', 'réparation vélo', 'couture', 'informatique', 'communication', 'menuiserie', 'électricité', 'photographie', 'juridique', 'traduction'];
