"""The linker as a resolver: what each figure is about, on sentences unlike the fixtures.

Every sentence here was written for these tests; each case stands for a family
(SPEC, "Metrics", "Which subject", "Which period").
"""

from __future__ import annotations

from datetime import date
from typing import Any

import pytest
from spacy.language import Language
from spacy.tokens import Doc
from spacy.vocab import Vocab

from ami_facts.components.doc_text import text_of
from ami_facts.components.linker.mentions import collect_mentions
from ami_facts.components.linker.scoring import Candidate, FieldModel
from ami_facts.components.linker.subject import parse_subject
from ami_facts.components.linker.syntax import (
    counted_phrase,
    relative_head,
    token_at,
    verb_subjects,
)
from ami_facts.nlp import Pipeline, make_doc
from pipeline_helpers import figure_containing, run_text

ANCHOR = date(2024, 3, 15)


def _figure(nlp: Pipeline, text: str, number: str, anchor: date | None = ANCHOR) -> dict[str, Any]:
    return figure_containing(nlp, text, number, anchor)


@pytest.mark.parametrize(
    ("text", "number", "metric"),
    [
        # a sum of money is a price, not sales, whatever the verb
        ("La Peugeot 3008 hybride est vendue 41 000 euros.", "41 000", "price"),
        # people counted by a verb of trade: no metric rather than a wrong one
        ("Une trentaine de bénévoles ont commandé des sandwichs.", "trentaine", None),
        ("La mission doit envoyer quatre astronautes autour de la Lune.", "quatre", None),
        # the verb of an event says what people counted by a job noun are
        ("L'explosion a blessé cinq ouvriers de l'usine.", "cinq", "injured"),
        ("Deux employés ont été intoxiqués par les fumées.", "Deux", "injured"),
        ("Trois baigneurs se sont noyés dimanche.", "Trois", "deaths"),
        ("Quatre personnes ont trouvé la mort dans l'incendie.", "Quatre", "deaths"),
        ("Deux randonneurs ont perdu la vie dans le massif.", "Deux", "deaths"),
        # ... or the state the verb gives its subject
        ("Trois touristes ont été retrouvés morts sur une île.", "Trois", "deaths"),
        ("Deux randonneurs ont été retrouvés blessés dans un ravin.", "Deux", "injured"),
        # the sentence's verb after a relative clause between commas (the parser often
        # makes it the relative clause's conjunct)
        (
            "Quatre employés de la banque, qui essayaient de résister, ont été blessés par balle.",
            "Quatre",
            "injured",
        ),
        ("Les 300 voitures, qui étaient stockées au port, ont été vendues.", "300", "sales"),
        # a percentage of a whole is a share
        ("Dans la région, 37 % des foyers se chauffent au bois.", "37 %", "share"),
        # an increase written as a part of more
        ("Les inscriptions ont grimpé d'un tiers de plus qu'en 2022.", "tiers", "change"),
        # ages: in apposition to a name, after a noun for a person
        ("La cycliste, Marie Dubois, 27 ans, a terminé l'étape.", "27 ans", "age"),
        ("Un randonneur de 61 ans a été secouru dans le massif.", "61 ans", "age"),
        # a time after ``en`` is how long, not how old, even after people
        ("La ville a gagné 4 000 habitants en un an.", "un an", "duration"),
        # people named by their age are an age group: an age, no one's
        ("La ministre a appelé les plus de 65 ans à se faire vacciner.", "65", "age"),
        # a term of prison is a duration, not an age
        ("Le prévenu a été condamné à 3 ans de prison.", "3 ans", "duration"),
        # a verb of change says the level a percentage reaches after ``à``
        ("Chez les seniors, le taux d'emploi grimpe à 58 %.", "58", "share"),
        ("Le taux d'emploi a grimpé de 2 %.", "2", "change"),
        # ... and before ``de`` the amount of the change, whatever the figure counts
        ("Les effectifs ont diminué de 120 salariés en un an.", "120", "change"),
        ("La ville a vu sa population augmenter de 8 000 habitants.", "8 000", "change"),
        # (without the verb of change, the counted noun says it)
        ("La commune compte 8 000 habitants.", "8 000", "population"),
        # an age whose qualifier stands between its clue and its number
        ("Les patients âgés de plus de 80 ans sont prioritaires.", "80", "age"),
        # a verb that counts people counts no things; money a person earns is revenue
        ("L'immeuble comptait 24 logements.", "24", None),
        ("La commune compte 2 300 habitants.", "2 300", "population"),
        ("La chanteuse a touché 3 millions d'euros de droits.", "3", "revenue"),
        # kilometres of a thing are its length; kilometres away a distance
        ("La commune entretient 42 kilomètres de chemins ruraux.", "42", "length"),
        # (with a rate, the extent's noun is inside the figure)
        ("La régie remplace 7 kilomètres de canalisations par an.", "7", "length"),
        ("Le village se trouve à 12 kilomètres de la frontière.", "12", "distance"),
        # ... and what an adjective of extent before it says
        ("Le nouveau pont, long de 320 mètres, ouvrira en juin.", "320", "length"),
        ("La tranchée, longue de 9 kilomètres, sera creusée à Lyon.", "9", "length"),
        ("Une falaise haute de 60 mètres domine la plage.", "60", "height"),
        # a sum of money per a quantity of a thing is a price
        ("Dans cette rue, il faut compter 6 200 euros le mètre carré.", "6 200", "price"),
        ("Le pétrole a terminé la semaine à 78 dollars le baril.", "78", "price"),
        ("Le gazole coûte en moyenne 1,79 euro le litre.", "1,79", "price"),
        # ... and what a verb of extent gives
        ("La nouvelle ligne mesurera 7 kilomètres.", "7", "length"),
        # a consumption per distance is no capacity (no metric names it)
        ("Sur l'autoroute, la berline consomme 6,2 l aux 100 km.", "6,2", None),
        # nouns of a rise or a fall
        ("Le constructeur a vendu 2 300 voitures, en chute de 42 %.", "42", "change"),
        ("Les ventes de vélos affichent un repli de 3 % sur l'année.", "3", "change"),
        # inflation is a rise in prices
        ("Le pays connaît une inflation de 143 % sur un an.", "143", "change"),
        # places counted are what a thing holds; a place in a ranking is an ordinal
        ("La nouvelle salle offrira 2 400 places assises.", "2 400", "capacity"),
        ("La commune va créer 60 places en crèche.", "60", "capacity"),
        ("La clinique dispose de 140 lits.", "140", "capacity"),
        ("La skieuse a pris la 4e place du slalom.", "4e", "rank"),
        # a figure joined to another shares its metric only if it counts the same thing
        ("Bilan de la tempête : deux morts et 8 000 foyers sans courant.", "8 000", None),
        ("L'accident a fait deux morts et trois blessés.", "trois", "injured"),
        # the years of ``en un an`` are how long, even after ``de moins``
        ("La Moselle compte 1.900 demandeurs de moins en un an.", "un an", "duration"),
        ("Un conducteur de 38 ans a été blessé.", "38 ans", "age"),
        # the noun of change above the complement the parser hangs the figure on
        (
            "Les deux groupes ont annoncé une hausse de leurs tarifs de 3 % en moyenne.",
            "3 %",
            "change",
        ),
        # a verb of death counts its own subject or object, not a noun in its complement
        (
            "Au moins 60 personnes ont été tuées vendredi dans la collision de deux trains"
            " de voyageurs.",
            "deux trains",
            None,
        ),
        ("Un incendie a tué 12 personnes dans un immeuble de six étages.", "six", None),
        ("Plus de 1.200 personnes ont été blessées.", "1.200", "injured"),
        # what a verb of change has for its subject fell; the amount is its complement
        ("Dans la province, 230 bâtiments se sont effondrés.", "230", None),
        ("Le nombre de chômeurs a baissé de 3 000.", "3 000", "change"),
        # the noun a verb with no subject of its own hangs on says it (the parser reads
        # ``Le prix moyen atteint`` as a noun and its participle)
        ("Son prix moyen atteint 2 100 euros.", "2 100", "price"),
        # a death said right after an age is the person's, no death count
        ("Un motard de 45 ans a trouvé la mort sur la départementale.", "45 ans", "age"),
        # a unit of a good sold as the subject makes its money a price
        ("Le baril de pétrole a terminé la séance à 68 dollars.", "68", "price"),
        ("Le mètre carré se négocie à 4 900 euros à Lyon.", "4 900", "price"),
        # a part of its own value a verb of change moved is a change
        ("Le titre a perdu 35 % de sa valeur en un an.", "35", "change"),
        # the level a change reaches after ``pour atteindre`` is no change
        ("Le trafic a progressé de 7 % pour atteindre 41 000 passagers par jour.", "41 000", None),
        # money of sales is what the seller earned
        ("La plateforme affiche 90 millions d'euros de ventes sur l'année.", "90", "revenue"),
        # a predicate noun's subject says what it measures; a buyer's bonus is a price
        ("Le dividende versé aux actionnaires sera de 2,40 euros par action.", "2,40", "revenue"),
        ("Le bonus à l'achat, jusqu'à 1 000 euros, prendra fin en juin.", "1 000", "price"),
        # a noun and its adjective (``produit net bancaire``); a participle past its adverb
        ("Le produit net bancaire de la caisse a reculé à 1,4 milliard d'euros.", "1,4", "revenue"),
        ("Les secours ont fait état de cinq randonneurs grièvement blessés.", "cinq", "injured"),
        # a power plant's or a grid's power in megawatts or gigawatts
        ("Le réacteur a atteint sa pleine puissance de 1 650 mégawatts.", "1 650", "power"),
        ("La consommation a atteint 58 gigawatts lundi soir.", "58", "power"),
        # people a verb counts by a role they have are no population
        (
            "Free a gagné des clients. Il compte désormais 2 millions d'abonnés à la fibre.",
            "2 millions",
            None,
        ),
        ("La commune compte 3 200 habitants.", "3 200", "population"),
        # a name the tagger calls a common noun measures nothing (``poste``: jobs)
        ("La Poste va fermer 900 bureaux d'ici à 2030.", "900", None),
        # a participle tagged as an adjective is still the verb whose subject says it
        (
            "Le chiffre d'affaires du groupe s'est élevé à 65,4 milliards d'euros.",
            "65,4",
            "revenue",
        ),
        # the value of what was traded, after ``pour``: the seller's revenue, the
        # buyer's cost; a thing sold for a sum keeps its price
        (
            "La distillerie a exporté pour 40 millions d'euros de cognac en 2025.",
            "40 millions",
            "revenue",
        ),
        ("Le département a acheté pour 3 millions d'euros de tablettes.", "3 millions", "cost"),
        ("Le pêcheur a vendu son chalutier pour 800 000 euros.", "800 000", "price"),
        # a rate signed with a plus, or a minus in brackets or a list, is a change; a
        # minus before a level is a share, as any rate with no other clue
        ("Toulouse (3 250 euros le m², +3,4 %) devance Montpellier.", "3,4", "change"),
        ("Dijon (–2,6 %) et Metz (-1,1 %) reculent encore.", "2,6", "change"),
        ("La banque centrale maintient son taux de dépôt à -0,4 %.", "0,4", "share"),
        # what one person uses or covers is no count of people
        ("Chaque habitant utilise 120 litres d'eau par jour.", "120", "capacity"),
        ("Un salarié parcourt en moyenne 25 km par jour.", "25 km", "distance"),
    ],
)
def test_linker_metric_comes_from_what_is_measured(
    nlp: Language, text: str, number: str, metric: str | None
) -> None:
    assert _figure(nlp, text, number)["metric"] == metric


@pytest.mark.parametrize(
    ("text", "number", "subject"),
    [
        # a place that frames the sentence is the subject of a share of its people
        ("Au Portugal, 28 % des salariés travaillent le samedi.", "28 %", "Portugal"),
        # ... also under a heading with no final mark, which runs into its sentence
        (
            "Immobilier : les prix reculent\n\nLes prix des logements anciens ont baissé de 1 %"
            " sur un an.\nNantes et Rennes sont les plus touchées\nÀ Nantes, les prix ont"
            " reculé de 5 % en un an.",
            "5 %",
            "Nantes",
        ),
        # ``compte`` tagged a noun after an adjective, with a subject of its own
        (
            "Le Racing Club de Lens a battu Nice samedi. Le club nordiste compte désormais 9"
            " points d'avance sur Lille.",
            "9 points",
            "Racing Club de Lens",
        ),
        # ``chiffre`` is a noun before it is a verb of counting: no source
        (
            "Résultats : Danone en forme\n\nLe chiffre d'affaires de Danone a progressé de 7 %"
            " en 2023.",
            "7 %",
            "Danone",
        ),
        # a brand's units are its own where the article names a model of it once only
        (
            "Airbus relève ses objectifs\n\nL'avionneur européen Airbus a livré 735 appareils"
            " en 2023. L'A320neo reste le modèle le plus demandé.",
            "735",
            "Airbus",
        ),
        # a town a noun refers back to is named without an article (not ``la Vidourle``)
        (
            "À Lunel, la Vidourle est sortie de son lit mardi. La commune de 26 000"
            " habitants a évacué 200 personnes.",
            "26 000",
            "Lunel",
        ),
        # ... and so does the place ``y`` stands for
        (
            "La Bolivie compte 12 millions d'habitants. Le chômage y atteint 8 %.",
            "8 %",
            "Bolivie",
        ),
        # the name the figure stands beside in apposition
        ("Le gardien, Paul Girard, 34 ans, a prolongé son contrat.", "34 ans", "Paul Girard"),
        # (a rank says of what before the apposition closes)
        (
            "La Suissesse Léa Moser, 4e de la descente de dimanche, a chuté lundi.",
            "4e",
            "Léa Moser",
        ),
        # ... or a word or two (``mondial``)
        (
            "Au deuxième tour, Paul Vidal a été battu par l'Espagnol Carlos Ortega, 12e mondial.",
            "12e",
            "Carlos Ortega",
        ),
        # a name in apposition to the possessive's noun is its owner, not the name the
        # possessive refers back to (the parser may hang it off the apposition)
        (
            "La mine de Tolva va fermer. Son actionnaire principal, le groupe suisse"
            " Glencore, a perdu 3 milliards de dollars dans le projet.",
            "3 milliards",
            "Glencore",
        ),
        # a person named for a role a possessive gives speaks for its owner of what no
        # person can have (a margin)
        (
            "Le groupe Danone a annoncé jeudi un bénéfice record. Son directeur général,"
            " Paul Lenoir, vise une marge d'exploitation de 9 % d'ici 2027.",
            "9 %",
            "Danone",
        ),
        # a possessive's antecedent outweighs the article's topic
        (
            "Voiture électrique : la Tesla Model Y reste la plus vendue en Europe\n\n"
            "La Tesla Model Y a été immatriculée à 125 000 exemplaires au premier semestre. "
            "Elle devance la Volkswagen ID.4.\n\n"
            "En France, la Renault Megane E-Tech s'est écoulée à 9 800 exemplaires depuis "
            "janvier. Son autonomie atteint 470 km.",
            "470",
            "Renault Mégane E-Tech",
        ),
        # ... also on the whole a part is taken from
        (
            "L'Argentine connaît une inflation record, et 40 % de sa population vit sous le"
            " seuil de pauvreté.",
            "40 %",
            "Argentine",
        ),
        # the owner named before a possessive
        (
            "Michelin a publié ses comptes jeudi. Ses ventes ont reculé de 4 % sur l'année.",
            "4 %",
            "Michelin",
        ),
        # ... not a name in a complement of the sentence before, whose definite subject
        # refers further back
        (
            "Le conseil de Valeo a nommé un nouveau patron. Le groupe, né de la fusion de"
            " Ferodo et de Chausson, traverse une crise.\n\nSes ventes ont reculé de 7 %.",
            "7 %",
            "Valeo",
        ),
        # a possessive in a paragraph that names nothing before it refers to what its
        # first sentence's definite noun refers back to; a person named for the
        # possessive's role speaks for that owner of what no person can have, through a
        # verb the figure's verb depends on
        (
            "Le transporteur Ferlinc a publié ses comptes.\n\nLa compagnie a transporté 9"
            " millions de passagers. Son directeur, Paul Rey, prévoit d'investir 300"
            " millions d'euros.",
            "300",
            "Ferlinc",
        ),
        # ... also when the figure is its verb's subject (what it counts acts)
        (
            "La commune de Saint-Lary a fermé ses pistes. Ses 900 habitants vivent du ski.",
            "900",
            "Saint-Lary",
        ),
        # a paragraph that opens on a pronoun or a possessive goes on about what the
        # paragraph before it named last
        ("Airbus a présenté ses comptes.\n\nIl a livré 735 avions en 2023.", "735", "Airbus"),
        (
            "Le fabricant Michelin a annoncé des suppressions d'emplois.\n\nAu premier"
            " semestre, son chiffre d'affaires a reculé de 4,5 %.",
            "4,5",
            "Michelin",
        ),
        # a term is the sentenced person's, an age between commas the name's beside it
        (
            "Le tribunal de Metz a condamné jeudi Paul Marchal, 41 ans, à trois ans de prison.",
            "trois ans",
            "Paul Marchal",
        ),
        (
            "Le tribunal de Metz a condamné jeudi Paul Marchal, 41 ans, à trois ans de prison.",
            "41 ans",
            "Paul Marchal",
        ),
        # ``compte`` after a noun is the verb, though the tagger takes it for a noun
        (
            "Michelin est installé à Clermont. Le groupe compte 132 000 salariés.",
            "132 000",
            "Michelin",
        ),
        ("Renault compte 100 000 salariés.", "100 000", "Renault"),
        # the subject of the figure's verb
        ("Airbus a livré 735 avions l'an dernier.", "735", "Airbus"),
        # the subject of a relative clause on the figure's noun
        ("Les 1 200 camions que Volvo a livrés en mai sont rappelés.", "1 200", "Volvo"),
        # ... a pronoun there stands for the last thing named before it
        (
            "La Norvège a réduit ses émissions. Elle a fermé les trois centrales dont elle"
            " disposait encore.",
            "trois",
            "Norvège",
        ),
        (
            "Michel Blanc et Paul Roux sont les deux candidats que présente la Belgique pour"
            " les deux postes dont elle dispose à Bruxelles.",
            "deux postes",
            "Belgique",
        ),
        # a place named in the clause of a share of its whole, unless the clause names
        # who holds the share
        ("La part des voitures électriques atteint 17 % en Allemagne.", "17", "Allemagne"),
        ("Tesla détient 20 % du marché en Norvège.", "20", "Tesla"),
        # a term asked against someone is that person's
        (
            "Le parquet de Lyon a requis jeudi 18 mois de prison contre l'ancien maire Paul"
            " Durand.",
            "18 mois",
            "Paul Durand",
        ),
        # a penalty is whom it strikes, not who imposes it
        (
            "La CNIL a infligé une amende de 40 millions d'euros à la société Criteo.",
            "40",
            "Criteo",
        ),
        # (... also when the prosecution is an institution the text does not name)
        (
            "Le parquet a requis jeudi quatre ans de prison contre Julien Roche.",
            "quatre",
            "Julien Roche",
        ),
        # a name between commas beside a subject that is a common noun
        (
            "Un ancien de la Stasi, Karl Weber, a été condamné hier à 6 ans de prison.",
            "6",
            "Karl Weber",
        ),
        # a relative clause on a definite noun that refers back to a name
        (
            "Danone a publié ses comptes. Le groupe, qui emploie 96 000 salariés, recrute.",
            "96 000",
            "Danone",
        ),
        # ... whatever lemma the lemmatizer gives a feminine noun (``citadine``: ``citadin``)
        (
            "Renault a présenté jeudi la nouvelle Twingo électrique. La citadine offrira 310"
            " kilomètres d'autonomie.",
            "310",
            "Renault Twingo",
        ),
        # a sentence that restates the figure before it is about what that figure is
        (
            "Decathlon a vendu 3 millions de vélos. C'est 8 % de plus qu'en 2022.",
            "8 %",
            "Decathlon",
        ),
        # money a person earns
        ("Le footballeur Paul Girard a touché 12 millions d'euros en 2023.", "12", "Paul Girard"),
        # the agent of a past participle on the figure's noun
        ("Les 40 000 vélos produits par Decathlon en 2022 sont partis.", "40 000", "Decathlon"),
        ("Le procès porte sur 14 attentats revendiqués par l'ETA.", "14", "ETA"),
        # a phrase opened by a preposition is no subject, whatever the parser says
        ("Au premier tour, Marine Le Pen a obtenu 23 % des suffrages.", "23 %", "Marine Le Pen"),
        # a quantity no metric names, whose ``de`` complement says whose it is
        (
            "Selon l'Insee, le PIB de la France a progressé de 0,3 % au troisième trimestre.",
            "0,3",
            "France",
        ),
        ("La dette de l'Italie atteint 140 % du PIB.", "140", "Italie"),
        # a possessive refers back to the organisation named before
        (
            "Le CHU de Brest a déclenché son plan blanc. Ses 30 lits de réanimation sont occupés.",
            "30",
            "CHU de Brest",
        ),
        # a brand ranked among others counts its own units, not its model's
        (
            "La Renault Clio domine le marché. La Renault Clio a été vendue à 8 900 exemplaires."
            " Renault reste en tête avec 32 400 immatriculations, devant Peugeot et Toyota.",
            "32 400",
            "Renault",
        ),
        # the body style of a car refers back to the model
        ("La Kia EV3 arrive en concession. Le SUV coûte 35 990 euros.", "35 990", "Kia EV3"),
        # a figure that counts a product by its name is about that product
        (
            "La Renault Clio est la plus vendue. Tesla a immatriculé 1 450 Model Y en février.",
            "1 450",
            "Tesla Model Y",
        ),
        # a measure of a definite noun that refers back is what that noun refers to
        (
            "Le groupe Stellantis a publié ses comptes. Le chiffre d'affaires du constructeur"
            " a reculé à 74 milliards d'euros.",
            "74",
            "Stellantis",
        ),
        # ... and a part of it that ``pour`` gives to a name right after is that name's
        (
            "Le groupe Volkswagen a publié ses chiffres. Les livraisons du groupe ont atteint"
            " 4,4 millions de véhicules, dont 1,2 million pour la marque Skoda.",
            "1,2",
            "Skoda",
        ),
        # a measure a country's adjective qualifies is that country's
        (
            "Le Portugal mise sur ses vignes. La production portugaise de vin a atteint 6,5"
            " millions d'hectolitres en 2025.",
            "6,5",
            "Portugal",
        ),
        # a person noun whose complement gives an age refers back to the person
        (
            "Le cycliste Hugo Perrin a remporté l'étape. Le coureur de 26 ans portera le"
            " maillot jaune demain.",
            "26 ans",
            "Hugo Perrin",
        ),
        (
            "Le rappeur Karim Belkadi a rempli l'Olympia. L'artiste de 31 ans prépare un"
            " nouvel album.",
            "31 ans",
            "Karim Belkadi",
        ),
        # a phrase opening the sentence before a comma describes the clause's subject
        (
            "Le Belge Tom Peeters a gagné la course dimanche. Âgé de 22 ans, il devient le"
            " plus jeune vainqueur de l'épreuve.",
            "22 ans",
            "Tom Peeters",
        ),
        # a name in apposition after role words names the subject; its possessive does not
        (
            "Les résultats ont été publiés mercredi par la Commission électorale. Son"
            " principal adversaire, l'ancien Premier ministre Paul Diallo, a obtenu 35,8 %.",
            "35,8",
            "Paul Diallo",
        ),
        # a possessive refers back past a place named after a preposition
        (
            "Le fabricant de pneus Michelin a annoncé mercredi la suppression de 2 300 postes en"
            " France d'ici à 2024, soit près de 10 % de ses effectifs dans le pays.",
            "10 %",
            "Michelin",
        ),
        # ``celles de X`` stands for the noun measured before: X owns the figure after it
        (
            "Les ventes de Renault ont baissé de 8 %, celles de Stellantis de 15 %.",
            "15 %",
            "Stellantis",
        ),
        # a number that leaves out its noun is about what the figure naming it is about
        (
            "Le groupe Vinci a connu trois accidents graves sur ses chantiers en 2021 (en"
            " janvier à Lyon, en mai à Nantes, en août à Lille), aucun en 2022, deux de nouveau"
            " cette année, en moins de trois mois.",
            "deux",
            "Vinci",
        ),
        # a figure complementing a noun that refers back measures what it refers to
        (
            "Les secours sont arrivés à Malatya mardi. Dans cette ville de 800 000 habitants,"
            " 230 bâtiments se sont effondrés.",
            "800 000",
            "Malatya",
        ),
        # a definite noun before ``compte`` (which the parser often takes for a noun)
        (
            "Grenoble a ouvert samedi sa nouvelle piscine. La ville compte 158 000 habitants.",
            "158 000",
            "Grenoble",
        ),
        # an institution's noun named by its complement (``le musée du Prado``)
        ("Le musée du Prado a accueilli 3,3 millions de visiteurs.", "3,3", "Prado"),
        ("Le syndicat CGT revendique 600 000 adhérents.", "600 000", "CGT"),
        # a subject pronoun goes on about what the sentence before is about, not about
        # the last name it gave after a preposition
        (
            "Le constructeur Airbus a signé un contrat avec Qantas. Il livrera 20 avions en 2026.",
            "20",
            "Airbus",
        ),
        # ... while a demonstrative pronoun stands for the last one named
        (
            "Le Suédois Erik Lund affrontera le Danois Mads Holm. Celui-ci a remporté 12 de ses"
            " 15 derniers matchs.",
            "12",
            "Mads Holm",
        ),
        # the margin of a verb of overtaking is its subject's, not the overtaken's
        (
            "Le Belge Remco Evenepoel a gagné le chrono. Il devance le Danois Jonas Vingegaard"
            " de 22 secondes au classement général.",
            "22 secondes",
            "Remco Evenepoel",
        ),
        # a name described by a noun for a person, and terms given name by name
        ("Les enquêteurs recherchent Léo Martin, un garçon de quatre ans.", "quatre", "Léo Martin"),
        (
            "Le juge a condamné Paul Girard à 2 ans, Léa Roux de 10 mois et Marc Petit de 8 mois.",
            "8 mois",
            "Marc Petit",
        ),
        # a name right after the subject noun is its own, not the apposition's after it
        (
            "Son concurrent Lidl, filiale du groupe Schwarz, a ouvert 30 magasins en France.",
            "30",
            "Lidl",
        ),
        # an ``il`` the parser takes for the impersonal one before a verb that has none
        (
            "Free a gagné des clients. Il compte désormais 2 millions d'abonnés à la fibre.",
            "2 millions",
            "Free",
        ),
        # ... but a personal ``il`` before a verb with an impersonal use stays a pronoun
        (
            "Paul Girard a couru dimanche à Lyon. Il est arrivé 3e de la course.",
            "3e",
            "Paul Girard",
        ),
        # a verb coordinated with ``compte`` tagged a noun shares its subject
        (
            "Le distributeur Lidl s'étend. L'enseigne compte 1 200 magasins en Espagne et"
            " emploie 20 000 salariés dans le pays.",
            "20 000",
            "Lidl",
        ),
        # a pronoun opening a paragraph after one whose subject noun ends on a name
        (
            "La plateforme de location de vacances Abritel a franchi 10 millions de"
            " clients.\n\nElle compte 900 salariés, surtout à Lyon.",
            "900",
            "Abritel",
        ),
        # an object the parser calls an agent after ``compte`` tagged a noun is none
        (
            "Les touristes ont passé 3 millions de nuits à Bordeaux l'an dernier.\n\nLa"
            " ville compte désormais 9 000 logements proposés sur la plateforme.",
            "9 000",
            "Bordeaux",
        ),
        # a part of an organisation acts for it
        (
            "Les urgences du CHU de Nantes ont accueilli 380 patients samedi.",
            "380",
            "CHU de Nantes",
        ),
        # a firm's business is an organisation's, not the person named last
        (
            "Orvane mise sur les services\n\nLe groupe Orvane a publié ses comptes. Son"
            " président, Marc Aubry, détient 2 % du capital. Les services représentent 60 %"
            " de son activité.",
            "60 %",
            "Orvane",
        ),
        # the parser may make the figure the root and the verb before it its auxiliary
        (
            "Orange a publié ses résultats. Dans la fibre, l'opérateur a raccordé 92 000 foyers"
            " supplémentaires.",
            "92 000",
            "Orange",
        ),
    ],
)
def test_linker_subject_from_the_evidence(
    nlp: Language, text: str, number: str, subject: str
) -> None:
    assert _figure(nlp, text, number)["subject"] == subject


def test_linker_pronoun_far_from_any_name_stands_for_the_person_of_the_title(
    nlp: Language,
) -> None:
    text = (
        "Mali : Amadou Keita est mort à l'âge de 81 ans\n\nC'est le mardi 12 mars que"
        " l'information sur la disparition de l'ancien député Amadou Keita est parvenue à"
        " l'Agence malienne de presse, qui l'a aussitôt diffusée dans tout le pays.\n"
        "Président et fondateur du mouvement Espoir, élu à trois reprises à l'Assemblée"
        " nationale, respectivement en 1992, en 1997 et en 2002, pour la circonscription"
        " de Kati.\nMalade depuis janvier, il était soigné à l'hôpital du Point G où il a"
        " succombé à l'âge de 81 ans."
    )
    ages = [f for f in run_text(nlp, text, ANCHOR).figures if f.text == "81 ans"]
    assert [f.subject for f in ages] == ["Amadou Keita", "Amadou Keita"]


COMPARISON = (
    "Deux citadines électriques face à face\n\n"
    "La Renault 5 E-Tech et la Peugeot e-208 se disputent le marché.\n\n"
    "Peugeot e-208 : l'endurance\n\n"
    "Sa batterie annonce 400 km d'autonomie. Le tarif débute à 36 000 euros.\n\n"
    "Renault 5 E-Tech : le style\n\n"
    "Comptez 33 000 euros pour la version de base."
)


@pytest.mark.parametrize(
    ("number", "subject"),
    [("400 km", "Peugeot e-208"), ("36 000", "Peugeot e-208"), ("33 000", "Renault 5 E-Tech")],
)
def test_linker_figure_of_a_sentence_naming_nothing_takes_its_sections_topic(
    nlp: Language, number: str, subject: str
) -> None:
    assert _figure(nlp, COMPARISON, number)["subject"] == subject


def test_linker_title_naming_two_organisations_gives_no_topic(nlp: Language) -> None:
    text = (
        "Stellantis et Renault augmentent leurs prix\n\n"
        "Stellantis et Renault ont annoncé lundi une hausse de leurs tarifs. Selon les deux"
        " groupes, la hausse tient au prix des matières premières. Chez Renault, la Clio"
        " coûtera 17 700 euros.\n\nLe marché français a reculé de 12 % en 2022. Stellantis"
        " n'a pas commenté."
    )
    assert _figure(nlp, text, "12 %")["subject"] is None


def test_linker_topic_stands_alone_only_for_what_it_can_measure(nlp: Language) -> None:
    text = (
        "La Banque de Corée relève son taux directeur\n\n"
        "La Banque de Corée a relevé mardi son taux directeur. La Banque de Corée veut"
        " freiner les prix.\n\nL'inflation atteint 4,2 % sur un an. La Banque de Corée"
        " emploie 2 400 personnes."
    )
    assert _figure(nlp, text, "4,2 %")["subject"] is None
    assert _figure(nlp, text, "2 400")["subject"] == "Banque de Corée"


def test_linker_what_an_unnamed_thing_gathers_is_not_the_topics(nlp: Language) -> None:
    text = (
        "La clinique Saint-Roch ferme sa maternité\n\n"
        "La clinique Saint-Roch fermera sa maternité en juin. La clinique Saint-Roch"
        " emploie 300 personnes. Une pétition a recueilli 9 000 signatures."
    )
    assert _figure(nlp, text, "9 000")["subject"] is None
    assert _figure(nlp, text, "300")["subject"] == "clinique Saint-Roch"


def test_linker_what_an_unnamed_institution_does_is_not_the_topics(nlp: Language) -> None:
    # (an institution the article names nothing after is another actor than the topic;
    # one that the topic's name is called by is the topic)
    text = (
        "Grève au lycée Victor-Hugo de Besançon\n\n"
        "Les enseignants du lycée Victor-Hugo de Besançon sont en grève depuis lundi.\n\n"
        "La préfecture a promis mardi une dotation de 40 000 euros. Le lycée accueille"
        " 1 200 élèves."
    )
    assert _figure(nlp, text, "40 000")["subject"] is None
    assert _figure(nlp, text, "1 200")["subject"] == "lycée Victor-Hugo de Besançon"


def test_linker_economy_as_a_whole_is_a_places_not_the_forecasters(nlp: Language) -> None:
    text = (
        "L'Office des prévisions revoit ses chiffres\n\n"
        "L'Office des prévisions a publié jeudi ses projections. Selon l'Office des"
        " prévisions, le chômage devrait grimper à 9,1 % l'an prochain. Le déficit public,"
        " qui a atteint 4,9 % du PIB, inquiète. En Irlande, le chômage reste à 4,3 %."
    )
    assert _figure(nlp, text, "9,1")["subject"] is None
    assert _figure(nlp, text, "4,9")["subject"] is None
    assert _figure(nlp, text, "4,3")["subject"] == "Irlande"


@pytest.mark.parametrize(
    ("text", "number", "not_subject"),
    [
        # who says it is not what it is about
        (
            "Selon Météo-France, 15 départements sont placés en vigilance orange.",
            "15",
            "Météo-France",
        ),
        ("« Nous avons reçu 200 dossiers », a précisé Anne Morel.", "200", "Anne Morel"),
        # (a verb whose consonant doubles: ``rappelle``)
        (
            "Les syndicats restent méfiants : la CGT rappelle que l'usine employait 4 000"
            " ouvriers en 1990.",
            "4 000",
            "CGT",
        ),
        # a name in a relative clause on another noun, when the parse names that noun
        ("La région Normandie, qui finance les TER, a commandé 12 rames.", "12", "TER"),
        # a measure's place is not whose it is (``de`` says whose, ``en`` says where)
        ("Ses ventes en Europe ont reculé de 10 % depuis 2019.", "10", "Europe"),
        # the place of an event is not the whole a share is of
        (
            "Municipales à Besançon : la liste sortante réélue\nLa liste du maire sortant,"
            " Paul Roux, a obtenu 52,1 % des voix dimanche au second tour de l'élection"
            " municipale de Besançon.",
            "52,1",
            "Besançon",
        ),
        # a pronoun opening a paragraph stands for the subject of the paragraph before,
        # not for the last name of its sentence
        (
            "Le Suisse Marc Aebi a battu l'Espagnol Luis Pardo en finale.\n\nÀ 23 ans, il"
            " devient le plus jeune vainqueur du tournoi.",
            "23",
            "Luis Pardo",
        ),
        # nor is the town a list won its votes in (a share of votes is the winner's)
        (
            "La liste de gauche conduite par une conseillère régionale l'a emporté dimanche"
            " à Roubaix avec 55,2 % des voix.",
            "55,2",
            "Roubaix",
        ),
        # the body that counts is a source too
        ("L'Insee a dénombré 4 200 créations d'entreprises en mai.", "4 200", "INSEE"),
        # an age group is no one's age
        (
            "La ministre de la Santé, Claire Morel, a appelé les plus de 65 ans à se faire"
            " vacciner.",
            "65",
            "Claire Morel",
        ),
        # who asks for a term is not whose term it is
        ("Le procureur Marc Vidal a requis trois ans de prison ferme.", "trois", "Marc Vidal"),
        # a relative clause on a noun that names nothing is about that noun, not about
        # what the main clause names
        ("La SNCF a commandé des rames, qui offriront 500 places chacune.", "500", "SNCF"),
    ],
)
def test_linker_source_of_a_statement_is_not_the_subject(
    nlp: Language, text: str, number: str, not_subject: str
) -> None:
    assert _figure(nlp, text, number)["subject"] != not_subject


def test_linker_abstains_without_a_named_thing(nlp: Language) -> None:
    figure = _figure(nlp, "Il a fallu 40 minutes pour évacuer la salle.", "40")
    assert (figure["subject"], figure.get("subject_confidence")) == (None, None)


def test_linker_name_in_a_relative_clause_after_a_mistagged_verbs_object_is_not_its_owner(
    nlp: Language,
) -> None:
    text = "Le parc compte 56 réacteurs, dont le nouvel EPR de Penly, raccordé en mai."
    assert _figure(nlp, text, "56")["subject"] != "EPR de Penly"


def test_linker_who_reports_in_an_incise_is_no_antecedent(nlp: Language) -> None:
    # (a name after ``..., a appris l'AFP`` reports the sentence; ``Le groupe`` after it
    # refers back to the firm the sentence is about)
    text = (
        "Le géant français du yaourt Danone va fermer une usine en Bretagne, a appris"
        " l'AFP mardi auprès des syndicats.\n\nLe groupe emploie 9 000 salariés en France."
    )
    assert _figure(nlp, text, "9 000")["subject"] == "Danone"


def test_linker_firm_named_by_its_town_is_not_the_town(nlp: Language) -> None:
    text = (
        "Le fabricant de puces Nvidia a publié ses comptes. Au premier trimestre, le groupe"
        " de Santa Clara a dégagé un bénéfice de 19 milliards de dollars."
    )
    assert _figure(nlp, text, "19")["subject"] != "Santa Clara"


def test_linker_place_locating_the_name_before_its_comma_frames_no_clause(
    nlp: Language,
) -> None:
    text = "La fusée Vega C a décollé de Kourou, en Guyane, avec trois satellites à son bord."
    assert _figure(nlp, text, "trois")["subject"] != "Guyane"


def test_linker_figure_an_adjective_hangs_on_an_unnamed_object_is_not_the_verbs_subjects(
    nlp: Language,
) -> None:
    text = "Le Belge Arnaud Claes a remporté dimanche la quatrième étape, longue de 190 kilomètres."
    assert _figure(nlp, text, "190")["subject"] is None


@pytest.mark.parametrize(
    ("text", "number"),
    [
        (
            "Les fournisseurs alternatifs, comme TotalEnergies ou Engie, devraient suivre."
            " Leur part de marché a atteint 30 %.",
            "30 %",
        ),
        ("Airbus et Boeing ont publié leurs comptes. Ils ont livré 1 100 avions.", "1 100"),
        # ... nor is one of names listed together what they do together
        ("Renault et Peugeot ont vendu 300 000 voitures en 2023.", "300 000"),
        ("Brest, Caen et Rouen connaissent une croissance de 0,7 % par an.", "0,7"),
        # ... nor is what a group owns the article's topic, wherever the parser hangs it
        (
            "Recensement : les chiffres de l'Insee\n\nL'Insee a publié hier le recensement."
            " Selon l'Insee, les villes grandissent vite.\n\nLes campagnes gagnent aussi des"
            " habitants.\n\nSeules les campagnes stagnent : leur croissance, de 0,2 % par an"
            " en moyenne, s'est ralentie.\n",
            "0,2 %",
        ),
        # ... nor a plural definite noun (a kind, not the thing named before)
        (
            "La Renault Clio reste en tête. Les voitures électriques représentent 17 % des ventes.",
            "17 %",
        ),
    ],
)
def test_linker_plural_pronoun_or_possessive_names_no_single_subject(
    nlp: Language, text: str, number: str
) -> None:
    assert _figure(nlp, text, number)["subject"] is None


@pytest.mark.parametrize(
    ("text", "number", "subject"),
    [
        # the age and the term of someone the text does not name are no name's
        (
            "Le tribunal correctionnel de Nancy a condamné lundi un homme de 41 ans à six"
            " ans de prison.",
            "41 ans",
            None,
        ),
        (
            "Le tribunal correctionnel de Nancy a condamné lundi un homme de 41 ans à six"
            " ans de prison.",
            "six ans",
            None,
        ),
        (
            "Le tribunal correctionnel de Nancy a jugé deux frères lundi. Son complice, âgé de"
            " 27 ans, a écopé de trois ans de prison.",
            "trois ans",
            None,
        ),
        # people the police, a court or rescuers deal with are not theirs
        (
            "La cour d'assises de Lyon, qui juge quatre supporters pour des violences, a"
            " entendu hier les témoins.",
            "quatre supporters",
            None,
        ),
        ("Le SAMU de Lille a hospitalisé huit personnes.", "huit personnes", None),
        # (a firm's staff are its own)
        ("Renault va licencier 3 000 salariés.", "3 000 salariés", "Renault"),
        # ... but those of a person named beside them are theirs
        (
            "Le tribunal correctionnel de Nancy a condamné Marc Vidal, 52 ans, à quatre ans"
            " de prison.",
            "quatre ans",
            "Marc Vidal",
        ),
    ],
)
def test_linker_age_term_or_count_of_people_no_name_owns_has_no_subject(
    nlp: Language, text: str, number: str, subject: str | None
) -> None:
    figures = run_text(nlp, text, ANCHOR).figures
    assert [f.subject for f in figures if f.text == number] == [subject]


def test_linker_injury_said_right_after_people_counted_beats_the_list_they_join(
    nlp: Language,
) -> None:
    text = (
        "Deux personnes sont mortes et une dizaine ont été blessées lors des orages qui ont"
        " frappé la Corse."
    )
    figures = run_text(nlp, text, ANCHOR).figures
    assert [f.metric for f in figures if f.text == "une dizaine"] == ["injured"]


def test_linker_deaths_are_not_the_topic_organisations(nlp: Language) -> None:
    """The dead of an event are no organisation's, even the one the article is about."""
    text = (
        "Canicule : Météo-France place 12 départements en alerte\n\nMétéo-France a placé"
        " lundi 12 départements en vigilance rouge. Météo-France prévoit 41 degrés à Nîmes."
        " La chaleur a déjà causé la mort de deux personnes, selon le ministère."
    )
    assert _figure(nlp, text, "deux personnes")["subject"] is None


@pytest.mark.parametrize(
    ("text", "number", "subject"),
    [
        # the loser's number of a score is not what the winner scored: it is the
        # beaten side's, the object of a verb of beating or the complement after
        # ``face à``, ``contre``, ``sur`` ...
        ("Le FC Nantes a battu l'Olympique lyonnais sur le score de 3 à 1.", "1", "OL"),
        ("Le Racing 92 s'est imposé 27 à 24 face au Stade français.", "24", "Stade français"),
        ("Brest a dominé Lorient 4 à 0 samedi.", "0", "Lorient"),
        ("Lens s'est imposé face à Brest 2 à 0.", "0", "Brest"),
        # ... in the passive the agent won and the subject lost ...
        ("Monaco a été battu 2 à 1 par Lille.", "2", "Lille"),
        ("Monaco a été battu 2 à 1 par Lille.", "1", "Monaco"),
        # ... and a side the syntax does not name is no one's
        ("Le PSG s'est imposé 2 à 0 dimanche soir.", "0", None),
        # a name right before the winner's number does not make it a model number
        ("Le PSG a battu Lens 3 à 1 dimanche.", "3", "PSG"),
        ("Le PSG a battu Lens 3 à 1 dimanche.", "1", "Lens"),
        ("Menés 10 à 3 à la pause, les Nantais ont réagi.", "10", None),
        # (nor does the article's topic score it)
        (
            "Le Stade Rochelais renverse Toulon\n\nLe Stade Rochelais a gagné samedi."
            " Menés 10 à 3 à la pause, les Rochelais ont réagi.",
            "10",
            None,
        ),
    ],
)
def test_linker_numbers_of_a_score_belong_to_the_sides_the_syntax_names(
    nlp: Language, text: str, number: str, subject: str | None
) -> None:
    figures = run_text(nlp, text, ANCHOR).figures
    assert [f.subject for f in figures if f.text == number] == [subject]


@pytest.mark.parametrize(
    ("text", "number", "subject"),
    [
        # a length of time on the calendar is no one's ...
        ("Le président Paul Martin a promis de reconstruire les écoles en un an.", "un an", None),
        ("Marie Durand dirige l'entreprise depuis sept ans.", "sept ans", None),
        # ... but a prison term is the sentenced person's, and an age the person's
        (
            "Le tribunal a condamné Jean Lefort à deux ans de prison ferme.",
            "deux ans",
            "Jean Lefort",
        ),
        ("Jean Lefort, 45 ans, a été blessé.", "45 ans", "Jean Lefort"),
    ],
)
def test_linker_length_of_time_belongs_to_no_one_but_a_sentenced_person(
    nlp: Language, text: str, number: str, subject: str | None
) -> None:
    assert _figure(nlp, text, number)["subject"] == subject


@pytest.mark.parametrize(
    ("text", "number", "period"),
    [
        # a date in the figure's clause, after it
        ("Les pompiers ont secouru 14 personnes samedi.", "14", ("2024-03-09", "2024-03-09")),
        # a date in the sentence before the figure, beyond a comma
        (
            "En 2022, malgré la crise, la coopérative a collecté 8 000 tonnes de lait.",
            "8 000",
            ("2022-01-01", "2022-12-31"),
        ),
        # the previous sentence of the paragraph
        (
            "La foire s'est tenue en mai 2023. Elle a attiré 52 000 visiteurs.",
            "52 000",
            ("2023-05-01", "2023-05-31"),
        ),
        # a baseline is not the period
        ("Les ventes ont progressé de 6 % par rapport à 2021.", "6 %", (None, None)),
        # a baseline named by a noun phrase is not the period either; it dates the value
        # compared
        (
            "La participation a reculé de six points par rapport au scrutin de 2020.",
            "six",
            (None, None),
        ),
        ("Le port a traité 12 millions de tonnes, contre 10 millions en 2019.", "12", (None, None)),
        (
            "Le port a traité 12 millions de tonnes, contre 10 millions en 2019.",
            "10",
            ("2019-01-01", "2019-12-31"),
        ),
        # the date of a statement is not the period of what it reports
        ("Le groupe a annoncé jeudi 4 000 suppressions de postes.", "4 000", (None, None)),
        (
            "Iveco a publié mardi ses comptes. Le groupe a vendu 12 000 camions.",
            "12 000",
            (None, None),
        ),
        # ... with the speaker after the verb too
        (
            "Alstom a livré 40 rames en 2023, a indiqué le constructeur lundi. Le groupe"
            " visait 45 livraisons.",
            "45",
            ("2023-01-01", "2023-12-31"),
        ),
        # ... whatever the participle's agreement
        (
            "Selon une étude publiée jeudi, 7 % des actifs travaillent de nuit.",
            "7 %",
            (None, None),
        ),
        # ``d'ici`` with no date after it sets no period
        ("Le maire promet 5 000 logements d'ici la fin du mandat.", "5 000", (None, None)),
        # a date inside a clause on another noun dates that noun's event only
        ("La halle, inaugurée en 1902, accueille 80 commerçants.", "80", (None, None)),
        (
            "Le pont, achevé en 1975, a été repeint. Il supporte 30 000 véhicules par jour.",
            "30 000",
            (None, None),
        ),
        # ... or in a noun in apposition to a name
        (
            "Léa Dupuis, championne d'Europe en 2021, termine troisième.",
            "troisième",
            (None, None),
        ),
        # ... or in a participle opening the sentence, which describes its subject
        ("Fondée en 1998, l'association compte 240 bénévoles.", "240", (None, None)),
        ("Née en 1971, la députée a obtenu 58 % des voix.", "58", (None, None)),
        ("Depuis 2021, le club a recruté 40 joueurs.", "40", ("2021-01-01", "2024-03-15")),
        # a date between commas after a name still dates the clause
        ("Renault, en 2020, a vendu 300 000 voitures.", "300 000", ("2020-01-01", "2020-12-31")),
        # ``d'ici 2030``: from now to then
        (
            "La ville veut planter 20 000 arbres d'ici à 2030.",
            "20 000",
            ("2024-03-15", "2030-12-31"),
        ),
        # a date alone between commas right after the figure's clause dates that clause
        (
            "Un cycliste de 62 ans a été renversé par une camionnette, mardi soir, à Dole.",
            "62 ans",
            ("2024-03-12", "2024-03-12"),
        ),
        (
            "Deux motards ont été contrôlés à 190 km/h, hier vers 23 h, sur la rocade.",
            "190",
            ("2024-03-14", "2024-03-14"),
        ),
        (
            "Le transporteur a livré 1 200 colis, samedi, malgré la neige.",
            "1 200",
            ("2024-03-09", "2024-03-09"),
        ),
        # ... opened by its preposition
        (
            "Le gouvernement vise un taux d'environ 5 %, d'ici 2027.",
            "5 %",
            ("2024-03-15", "2027-12-31"),
        ),
        (
            "La commune a planté 4 000 arbres, en 2023, malgré la sécheresse.",
            "4 000",
            ("2023-01-01", "2023-12-31"),
        ),
        # ... not a date inside a clause of its own after the comma
        (
            "La coopérative a collecté 8 000 tonnes, dont la moitié en 2019.",
            "8 000",
            (None, None),
        ),
        (
            "Le club compte 300 adhérents, puis, en 2019, il a ouvert une école.",
            "300",
            (None, None),
        ),
        # ... nor in a line above, which no incise crosses (``Publié le ...``)
        (
            "Grève à l'usine\n\nPublié le 14 mars 2024\n\nCe jeudi, 300 salariés ont débrayé.",
            "300",
            ("2024-03-14", "2024-03-14"),
        ),
        # a date to come in the sentence before does not date this one's figures
        (
            "Le nouveau maire prendra ses fonctions le 2 avril. La ville compte 8 % de chômeurs.",
            "8 %",
            (None, None),
        ),
        # ... nor does a date past for a figure in the present (what holds at the time of
        # writing); in the past, the figure is of that day's story
        (
            "Le nouveau maire a pris ses fonctions le 2 mars. La ville compte 8 % de chômeurs.",
            "8 %",
            (None, None),
        ),
        (
            "L'usine a fermé ses portes le 2 mars. Elle rouvrira avec 200 salariés.",
            "200",
            (None, None),
        ),
        (
            "Le nouveau maire a pris ses fonctions le 2 mars. Il a aussitôt nommé 8 adjoints.",
            "8 adjoints",
            ("2024-03-02", "2024-03-02"),
        ),
        # a length of time is a span of its own: no period
        ("Mardi, le tribunal a condamné X à deux ans de prison.", "deux ans", (None, None)),
        ("En 2023, la grève a duré 17 jours.", "17 jours", (None, None)),
        # figures listed before a colon take the date of the phrase that sums them up
        (
            "Six abribus détruits, trois voitures incendiées : le bilan des violences"
            " commises dans la nuit de mardi est lourd.",
            "trois",
            ("2024-03-12", "2024-03-12"),
        ),
        ("Deux morts : c'est le bilan de l'accident survenu mardi.", "Deux", ("2024-03-12",) * 2),
        # ... not of a clause of its own after the colon, nor of another figure's
        (
            "L'orchestre réunit 60 musiciens : il a été fondé en 1990 à Nantes.",
            "60",
            (None, None),
        ),
        (
            "La société emploie 300 personnes : elle en comptait 200 en 2020.",
            "300",
            (None, None),
        ),
        # ``respectivement``: the span of the events counted, or each figure its date
        (
            "Le club a remporté deux titres, respectivement en 2019 et en 2022.",
            "deux",
            ("2019-01-01", "2022-12-31"),
        ),
        (
            "Elle a été élue trois fois, respectivement en 2008, en 2014 et en 2020.",
            "trois",
            ("2008-01-01", "2020-12-31"),
        ),
        (
            "Le magasin a vendu 300 et 450 vélos, respectivement en 2021 et en 2022.",
            "450",
            ("2022-01-01", "2022-12-31"),
        ),
        # a sentence in the pluperfect before tells an earlier story: its date is not
        # the next sentence's, unless that one goes on in the pluperfect
        (
            "La vallée avait déjà été inondée en 2019. Le ministre a promis une aide de"
            " 2 millions d'euros.",
            "2 millions",
            (None, None),
        ),
        (
            "L'usine avait fermé en 2019. Elle avait alors licencié 300 salariés.",
            "300",
            ("2019-01-01", "2019-12-31"),
        ),
        # a sentence in the present after one told in the past states what holds at the
        # time of writing: the date before is not its period (a past one still is)
        (
            "Les urgences de l'hôpital ont ouvert 40 lits la semaine dernière. Le taux"
            " d'occupation atteint 97 %.",
            "97",
            (None, None),
        ),
        (
            "Le cyclone a frappé l'île mardi. Trois personnes ont été tuées.",
            "Trois",
            ("2024-03-12", "2024-03-12"),
        ),
        # the date of a compared figure dates that figure only
        (
            "Le salon a reçu 85 000 visiteurs, contre 79 000 l'an passé. Quelque 400 exposants"
            " étaient présents.",
            "400",
            (None, None),
        ),
        (
            "Le salon a reçu 85 000 visiteurs, contre 79 000 l'an passé.",
            "79 000",
            ("2023-01-01", "2023-12-31"),
        ),
        # a figure's bound is no record: ``depuis`` then gives the period
        (
            "La grippe a causé la mort d'au moins 900 personnes depuis début février, a"
            " annoncé mercredi l'agence.",
            "900",
            ("2024-02-01", "2024-03-15"),
        ),
        ("Plus de 8 000 personnes ont défilé depuis lundi.", "8 000", ("2024-03-11", "2024-03-15")),
        # the date a record is measured against is a baseline
        (
            "La banque centrale relève ses taux, pour la première fois depuis 2008. Le"
            " taux directeur passe à 0,5 %.",
            "0,5",
            (None, None),
        ),
        (
            "Le prix du fioul est au plus haut depuis 2012. Il a atteint 1,40 euro le litre.",
            "1,40",
            (None, None),
        ),
        (
            "Le musée a accueilli 2 300 visiteurs, un record depuis l'ouverture du bâtiment"
            " en 2015. Le directeur a recruté 12 guides.",
            "12 guides",
            (None, None),
        ),
        (
            "Les urgences ont reçu 2 150 patients la semaine dernière, un niveau jamais"
            " atteint depuis 2019. Les enfants représentaient 40 % des cas.",
            "40 %",
            ("2024-03-04", "2024-03-10"),
        ),
        # since an event that is dated
        (
            "L'usine a produit 80 000 moteurs depuis son ouverture en 2019.",
            "80 000",
            ("2019-01-01", "2024-03-15"),
        ),
        # the date a comparative measures against is a baseline
        ("Le panier moyen atteint 52 euros, 3 % de plus que l'an dernier.", "3 %", (None, None)),
        (
            "Les fraises sont moins chères qu'il y a un an. Elles coûtent 4 euros le kilo.",
            "4 euros",
            (None, None),
        ),
        # a relative clause closing the sentence before dates its own noun only
        (
            "La chorale a chanté samedi à Lyon, qui l'avait accueillie en 2019."
            " Les 40 choristes ont été applaudis.",
            "40",
            ("2024-03-09", "2024-03-09"),
        ),
        (
            "La chorale a chanté samedi à Lyon. Les 40 choristes ont été applaudis.",
            "40",
            ("2024-03-09", "2024-03-09"),
        ),
        # ``celui de l'an dernier`` stands for a compared value: its date is a baseline
        (
            "La foire a attiré 60 000 visiteurs, un chiffre comparable à celui de l'an"
            " dernier. Quelque 450 exposants étaient présents.",
            "450",
            (None, None),
        ),
        # a date after a compared figure is that figure's only, after a noun too
        (
            "Le groupe a gagné 90 millions d'euros en 2023, contre une perte de 40 millions"
            " l'année précédente.\nSon chiffre d'affaires a progressé de 6 %.",
            "6 %",
            ("2023-01-01", "2023-12-31"),
        ),
        # a date right after the figure is its own, however near the one before it
        (
            "Le trafic est passé de 40 millions de passagers en 2010 à 52 millions en 2019.",
            "52",
            ("2019-01-01", "2019-12-31"),
        ),
        # a date gone by in the sentence before does not date a figure told in the future
        (
            "La ville dispose de 20 bus électriques, livrés en 2019. Le réseau en recevra 15.",
            "15",
            (None, None),
        ),
        # a sentence that restates the figure before it is told in that sentence's time
        (
            "Le musée a reçu 410 000 visiteurs l'an dernier. C'est 12 % de plus qu'en 2021.",
            "12",
            ("2023-01-01", "2023-12-31"),
        ),
        # a baseline's date still dates the clause it opens (``quand``, ``où``); not the
        # figure compared to it
        (
            "Les stocks sont aussi bas que ceux de 2019, quand 300 tonnes manquaient.",
            "300",
            ("2019-01-01", "2019-12-31"),
        ),
        (
            "Les inscriptions ont baissé de 6 % par rapport à 2021, où 800 élèves étaient"
            " inscrits.",
            "6",
            (None, None),
        ),
        # a compared date after a preposition is a baseline, no period
        ("Les inscriptions sont 8 % plus nombreuses qu'au printemps.", "8", (None, None)),
        # a comma closing the subject's apposition opens no incise: the main clause's date
        # after it dates the sentence
        (
            "Jean Lefort, l'ancien maire de Vesoul, devait être jugé hier à Besançon, a"
            " indiqué le parquet. Il est accusé d'avoir détourné 300 000 euros.",
            "300 000",
            ("2024-03-14", "2024-03-14"),
        ),
        # an incise that says when the noun's event happened dates what it did; one on
        # a noun's founding dates nothing else
        (
            "Le carambolage, survenu mardi sur l'autoroute, a fait six blessés.",
            "six",
            ("2024-03-12", "2024-03-12"),
        ),
        (
            "La coopérative, fondée en 1921, compte 400 adhérents.",
            "400",
            (None, None),
        ),
        # as many dates listed after the events counted as events: one each
        (
            "L'agence a déjà lancé deux sondes de ce type, en 2009 et en 2018.",
            "deux",
            ("2009-01-01", "2018-12-31"),
        ),
        (
            "Le club a gagné trois titres, en 2012, 2015 et 2019.",
            "trois",
            ("2012-01-01", "2019-12-31"),
        ),
        (
            "La pharmacie avait été cambriolée à deux reprises en 2016 et en 2020.",
            "deux",
            ("2016-01-01", "2020-12-31"),
        ),
        # a time of day on a known day sets that day
        (
            "Hier vers 22 h, deux voitures ont brûlé rue des Lilas.",
            "deux",
            ("2024-03-14", "2024-03-14"),
        ),
    ],
)
def test_linker_period_from_the_nearest_governing_date(
    nlp: Language, text: str, number: str, period: tuple[str | None, str | None]
) -> None:
    figure = _figure(nlp, text, number)
    assert (figure["period_start"], figure["period_end"]) == period


def test_linker_period_stays_null_when_its_date_is_unresolved(nlp: Language) -> None:
    """Without an anchor, ``depuis début février`` governs the figure: no farther date."""
    text = (
        "Au dernier trimestre 2020, la marque a changé de cap. "
        "Depuis début février, elle enregistre 300 commandes."
    )
    figure = _figure(nlp, text, "300", anchor=None)
    assert (figure["period_start"], figure["period_end"]) == (None, None)


def test_linker_each_field_has_its_own_confidence(nlp: Language) -> None:
    figure = _figure(nlp, "En 2023, Renault a vendu 2 000 Clio en Espagne.", "2 000")
    for field in ("subject_confidence", "metric_confidence", "period_confidence"):
        assert 0.0 < figure[field] <= 1.0, field


def test_scoring_keeps_the_most_probable_candidate_above_the_threshold() -> None:
    model = FieldModel(bias=-1.0, weights={"near": 2.0, "far": -1.0}, threshold=0.5)
    near, far = Candidate("A", {"near": 1.0}), Candidate("B", {"far": 1.0})
    chosen = model.choose([far, near])
    assert chosen is not None and chosen[0] is near
    assert model.choose([far]) is None


@pytest.mark.parametrize(
    ("words", "heads", "deps", "pos"),
    [
        # ``12 000 personnes``: the parser hangs a number in groups on its noun as det
        (["12", "000", "personnes"], [2, 2, 2], ["det", "det", "ROOT"], ["NUM", "NUM", "NOUN"]),
        (["trois", "personnes"], [1, 1], ["nummod", "ROOT"], ["NUM", "NOUN"]),
    ],
)
def test_linker_figure_counts_the_noun_its_number_hangs_on(
    words: list[str], heads: list[int], deps: list[str], pos: list[str]
) -> None:
    doc = Doc(Vocab(), words=words, heads=heads, deps=deps, pos=pos)
    assert counted_phrase(doc[0]).text == "personnes"


def test_linker_number_standing_alone_is_its_own_phrase() -> None:
    doc = Doc(
        Vocab(),
        words=["Il", "en", "a", "12"],
        heads=[2, 2, 2, 2],
        deps=["nsubj", "expl", "ROOT", "obj"],
        pos=["PRON", "PRON", "VERB", "NUM"],
    )
    assert counted_phrase(doc[3]).i == 3


def test_linker_where_is_never_a_verbs_subject() -> None:
    # (the parser may take ``où`` for the subject of its clause: ``la région, où la filiale
    # X emploie 400 personnes``; the region does not employ them)
    doc = Doc(
        Vocab(),
        words=["région", ",", "où", "la", "filiale", "Valora", "emploie", "400", "personnes"],
        heads=[0, 0, 6, 4, 6, 4, 0, 8, 6],
        deps=["ROOT", "punct", "nsubj", "det", "nsubj", "appos", "acl:relcl", "nummod", "obj"],
        pos=["NOUN", "PUNCT", "PRON", "DET", "NOUN", "PROPN", "VERB", "NUM", "NOUN"],
    )
    assert [t.text for t in verb_subjects(doc[6])] == ["filiale"]
    doc = Doc(
        Vocab(),
        words=["région", ",", "où", "la", "filiale", "Valora", "emploie", "400", "personnes"],
        heads=[0, 0, 6, 4, 2, 6, 0, 8, 6],
        deps=["ROOT", "punct", "nsubj", "det", "fixed", "dep", "acl:relcl", "nummod", "obj"],
        pos=["NOUN", "PUNCT", "PRON", "DET", "NOUN", "PROPN", "VERB", "NUM", "NOUN"],
    )
    assert (verb_subjects(doc[6]), relative_head(doc[6])) == ([], None)


@pytest.mark.parametrize(
    ("text", "number", "subject"),
    [
        (
            "Le fabricant Seb a présenté ses résultats. Il se réjouit d'une marge de 11 %.",
            "11 %",
            "Seb",
        ),
        (
            "Le constructeur Stellantis traverse une crise. Il se sépare de 2 000 salariés "
            "en Italie.",
            "2 000",
            "Stellantis",
        ),
        (
            "Le distributeur Carrefour a présenté son plan. Il se prépare à fermer 30 magasins.",
            "30",
            "Carrefour",
        ),
        (
            "Le géant Amazon investit en France. Il s'engage à créer 3 000 emplois d'ici 2028.",
            "3 000",
            "Amazon",
        ),
    ],
)
def test_linker_il_of_a_pronominal_verb_stands_for_the_subject_before(
    nlp: Pipeline, text: str, number: str, subject: str
) -> None:
    # (the parser takes the ``il`` of ``il se félicite`` for the impersonal one)
    assert _figure(nlp, text, number)["subject"] == subject


def test_linker_impersonal_il_of_a_pronominal_verb_with_an_object_is_no_subject() -> None:
    # ``Il se crée 300 entreprises par mois``: the object is what the clause is about
    words = ["Il", "se", "crée", "300", "entreprises"]
    doc = Doc(
        Vocab(),
        words=words,
        heads=[2, 2, 2, 4, 2],
        deps=["expl:subj", "expl:comp", "ROOT", "nummod", "obj"],
        pos=["PRON", "PRON", "VERB", "NUM", "NOUN"],
    )
    assert verb_subjects(doc[2]) == []
    doc = Doc(
        Vocab(),
        words=["Il", "se", "félicite", "de", "3", "%"],
        heads=[2, 2, 2, 5, 5, 2],
        deps=["expl:subj", "expl:comp", "ROOT", "case", "nummod", "obl:arg"],
        pos=["PRON", "PRON", "VERB", "ADP", "NUM", "NOUN"],
        lemmas=["il", "se", "féliciter", "de", "3", "%"],
    )
    assert [t.text for t in verb_subjects(doc[2])] == ["Il"]


@pytest.mark.parametrize(
    ("text", "number", "subject"),
    [
        ("En Italie, la production d'huile d'olive a chuté à 200 000 tonnes.", "200 000", "Italie"),
        (
            "En France, la production de blé est estimée à 33 millions de tonnes par le ministère.",
            "33 millions",
            "France",
        ),
    ],
)
def test_linker_a_places_production_is_the_places(
    nlp: Pipeline, text: str, number: str, subject: str
) -> None:
    # (SPEC, "Which subject", 3: a figure about a country as a whole has it as subject)
    found = _figure(nlp, text, number)
    assert (found["subject"], found["metric"]) == (subject, "production")


def test_linker_trim_level_named_after_its_head_noun_is_never_a_subject(nlp: Language) -> None:
    # (SPEC, "Which subject", 2: ``en finition Sportline`` names a trim, not a product)
    text = (
        "Essai Opel Frontera : le SUV familial à petit prix\n\n"
        "Le Frontera est affiché à partir de 24 900 euros en finition Sportline. Il faut"
        " compter 29 900 euros en finition Ultimate. Le constructeur allemand espère en"
        " vendre 8 000 exemplaires par an."
    )
    assert _figure(nlp, text, "8 000")["subject"] == "Opel Frontera"
    assert _figure(nlp, text, "29 900")["subject"] == "Opel Frontera"


def test_linker_the_country_is_the_place_named_with_an_article_not_its_capital(
    nlp: Language,
) -> None:
    # (``le pays`` refers back to ``la Pologne``, not to ``Varsovie``, its capital; its
    # possessive ``son armée`` is the subject's, not the last name's, ``l'Otan``)
    text = (
        "La Pologne a signé jeudi un contrat d'armement. Varsovie consacre 4 % de son"
        " budget à la défense, un record au sein de l'Otan. Le pays compte porter son armée"
        " à 300 000 soldats."
    )
    assert _figure(nlp, text, "300 000")["subject"] == "Pologne"
    text = (
        "Le Portugal a signé un accord commercial. Lisbonne en attend beaucoup. Le pays"
        " compte 10,4 millions d'habitants."
    )
    assert _figure(nlp, text, "10,4")["subject"] in (None, "Portugal")


def test_linker_definite_noun_refers_to_the_sentence_subject_not_a_complement(
    nlp: Language,
) -> None:
    # (``Le constructeur Renault a présenté son plan devant l'Union européenne``: the
    # sentence is about Renault, whom ``Le groupe`` then stands for)
    text = (
        "Le constructeur Renault a présenté son plan devant l'Union européenne. Le groupe"
        " compte porter sa marge à 8 % en 2027."
    )
    assert _figure(nlp, text, "8 %")["subject"] == "Renault"


@pytest.mark.parametrize(
    ("text", "number", "subject"),
    [
        (
            "L'opérateur Bouygues a publié ses résultats. Le groupe dirigé par Martin Bouygues"
            " a dégagé un bénéfice de 1,3 milliard d'euros.",
            "1,3",
            "Bouygues",
        ),
        (
            "Le Stade rennais a recruté Hugo Marin. Le club de la capitale bretonne a versé"
            " 20 millions d'euros au FC Porto.",
            "20 millions",
            "Stade rennais",
        ),
        (
            "Airbus a présenté son plan. Le groupe basé à Toulouse emploie 130 000 personnes.",
            "130 000",
            "Airbus",
        ),
        # a bare complement names another thing: ``le groupe de travail`` is not Airbus
        ("Airbus a présenté son plan. Le groupe de travail réunit 40 ingénieurs.", "40", None),
    ],
)
def test_linker_definite_noun_described_by_a_participle_or_a_definite_complement(
    nlp: Language, text: str, number: str, subject: str | None
) -> None:
    assert _figure(nlp, text, number)["subject"] == subject


@pytest.mark.parametrize(
    ("text", "number", "subject"),
    [
        # the sentence before is about a thing it does not name: the pronoun is that
        # thing, not the source named last (SPEC, Which subject, 5)
        (
            "Le taux de chômage en Espagne a reculé au deuxième trimestre, selon les chiffres"
            " publiés par l'institut INE. Il s'établit à 11,3 % de la population active.",
            "11,3",
            None,
        ),
        (
            "La production industrielle a progressé en mai, selon l'Insee. Elle affiche une"
            " hausse de 1,2 % sur un an.",
            "1,2",
            None,
        ),
        (
            "Le contrat signé avec Airbus porte sur des hélicoptères. Il prévoit la livraison"
            " de 12 appareils en 2028.",
            "12",
            None,
        ),
        # a sentence opening on a time is still about its subject
        (
            "La veille, selon Reuters, Dassault a signé un contrat. Il prévoit 12 livraisons.",
            "12",
            "Dassault",
        ),
    ],
)
def test_linker_pronoun_after_a_sentence_about_an_unnamed_thing_has_no_antecedent(
    nlp: Language, text: str, number: str, subject: str | None
) -> None:
    assert _figure(nlp, text, number)["subject"] == subject


def test_linker_pronoun_after_an_unnamed_subject_is_not_the_title_person(
    nlp: Language,
) -> None:
    # (the title names one person, but ``elle`` stands for ``la participation``)
    text = (
        "Législatives : Paul Renard élu dès le premier tour\n\nLe député sortant Paul Renard"
        " l'a emporté dimanche.\n\nLa participation a atteint 52 % dans la circonscription."
        " Chez les jeunes, elle n'a pas dépassé 38 %."
    )
    assert _figure(nlp, text, "38 %")["subject"] is None


def test_linker_source_of_a_sentence_before_is_no_antecedent(nlp: Language) -> None:
    # (SPEC, Which subject, 5: ``ses`` goes on about the carmaker, not the association
    # that gave the figures, named last in brackets)
    text = (
        "Les ventes de Volvo chutent en Europe. En mars, le constructeur suédois n'a"
        " immatriculé que 5 100 voitures, selon l'Association des constructeurs européens"
        " d'automobiles (ACEA).\n\nSur le premier trimestre, ses immatriculations reculent"
        " de 21 %."
    )
    assert _figure(nlp, text, "21 %")["subject"] == "Volvo"


@pytest.mark.parametrize(
    ("text", "number"),
    [
        ("En Italie, les revenus de l'opérateur ont stagné à 3,2 milliards d'euros.", "3,2"),
        ("Les profits de la banque ont atteint 2 milliards d'euros l'an dernier.", "2 milliards"),
    ],
)
def test_linker_money_earned_is_revenue(nlp: Language, text: str, number: str) -> None:
    # (SPEC, Metrics: revenue is money earned, whatever noun says it)
    assert _figure(nlp, text, number)["metric"] == "revenue"


@pytest.mark.parametrize(
    ("text", "number", "subject"),
    [
        (
            "Le taux de chômage en Belgique a augmenté de 0,3 point au deuxième trimestre.",
            "0,3",
            "Belgique",
        ),
        (
            "L'inflation en Autriche a ralenti à 2,4 % en juin, selon Statistik Austria.",
            "2,4",
            "Autriche",
        ),
    ],
)
def test_linker_rise_or_fall_of_an_economy_is_the_place_s(
    nlp: Language, text: str, number: str, subject: str
) -> None:
    # (SPEC, Which subject, 3: unemployment or inflation in a country, its change too)
    assert _figure(nlp, text, number)["subject"] == subject


@pytest.mark.parametrize(
    ("text", "number", "period"),
    [
        # (published 2024-03-15: the span runs to that day)
        (
            "Quelque 8 400 logements ont été vendus sur les douze derniers mois.",
            "8 400",
            ("2023-03-16", "2024-03-15"),
        ),
        (
            "Au cours des trois derniers mois, 250 emplois ont été supprimés.",
            "250",
            ("2023-12-16", "2024-03-15"),
        ),
        (
            "Les 10 derniers jours, 30 incendies ont été signalés.",
            "30",
            ("2024-03-06", "2024-03-15"),
        ),
        # a length of time that does not end at the publication date sets no period
        ("Pendant deux ans, 40 usines ont fermé.", "40", (None, None)),
    ],
)
def test_linker_period_of_a_span_ending_at_publication(
    nlp: Language, text: str, number: str, period: tuple[str | None, str | None]
) -> None:
    figure = _figure(nlp, text, number)
    assert (figure["period_start"], figure["period_end"]) == period


def test_linker_an_average_compared_is_a_baseline_not_the_period(nlp: Language) -> None:
    # (SPEC, Which period: a baseline is not the period; the sentence restating the
    # figure before it is told in that sentence's time)
    text = (
        "La récolte de maïs atteindra 12 millions de tonnes cette année. C'est 9 % de moins"
        " que la moyenne des cinq dernières années."
    )
    figure = _figure(nlp, text, "9 %")
    assert (figure["period_start"], figure["period_end"]) == ("2024-01-01", "2024-12-31")
    figure = _figure(nlp, "Les pluies ont été supérieures de 20 % à la moyenne de 2010.", "20 %")
    assert figure["period_start"] is None


@pytest.mark.parametrize(
    ("text", "number", "subject"),
    [
        # (``Son concurrent Boeing``: whose rival says nothing of whose the figure is;
        # the name after the noun is the subject)
        (
            "Airbus a livré 820 avions. L'A350 a été livré à 64 exemplaires. Son concurrent"
            " américain Boeing n'a livré que 510 avions.",
            "510",
            "Boeing",
        ),
        (
            "Renault a vendu 3 000 voitures. Son rival Stellantis a écoulé 4 000 véhicules.",
            "4 000",
            "Stellantis",
        ),
        # (... and the name set between commas the parser makes a second subject)
        (
            "Le Dacia Duster débute à 19 000 euros. Son principal rival, le Skoda Karoq,"
            " débute à 31 000 euros.",
            "31 000",
            "Skoda Karoq",
        ),
        (
            "Le Toyota C-HR coûte 33 000 euros. Son grand concurrent, le Kia Niro, démarre"
            " à 31 500 euros.",
            "31 500",
            "Kia Niro",
        ),
        # (... whatever tag and relation the parser gave an unknown name)
        (
            "Le groupe Kelvia vend des logiciels. Son concurrent américain Zentrix pèse 30"
            " milliards de dollars.",
            "30",
            "Zentrix",
        ),
        # (... and the name that closes the noun's complement: ``Sa filiale de X Y``)
        (
            "Le groupe Bouygues a publié ses résultats. Sa filiale de travaux publics Colas"
            " emploie 58 000 salariés.",
            "58 000",
            "Colas",
        ),
    ],
)
def test_linker_possessive_of_a_noun_named_right_after_is_not_the_owner(
    nlp: Language, text: str, number: str, subject: str
) -> None:
    assert _figure(nlp, text, number)["subject"] == subject


def test_linker_y_after_a_sentence_opening_on_a_named_town_is_that_town(
    nlp: Language,
) -> None:
    # (``La ville de Mopti`` names the town it opens on; ``y`` stands for it, not for
    # the region named before)
    text = (
        "Des pluies diluviennes ont frappé le centre du Mali.\n\nLa ville de Mopti, qui"
        " compte 120 000 habitants, est la plus touchée. Plus de 900 maisons y ont été"
        " détruites."
    )
    assert _figure(nlp, text, "900")["subject"] == "Mopti"


@pytest.mark.parametrize(
    ("text", "number", "subject"),
    [
        # (the parser takes the name between commas for a conjunct of the noun)
        (
            "L'ancien maire de Nice, Paul Garnier, a été condamné mardi à cinq ans de prison.",
            "cinq",
            "Paul Garnier",
        ),
        # ... but a list is no apposition
        (
            "Le maire de Nice, Paul Garnier, Jean Roux et Luc Martin ont signé 3 contrats.",
            "3",
            None,
        ),
    ],
)
def test_linker_name_between_commas_after_a_role_noun_is_its_subject(
    nlp: Language, text: str, number: str, subject: str | None
) -> None:
    assert _figure(nlp, text, number)["subject"] == subject


def test_linker_role_noun_refers_back_to_the_person_named_before(nlp: Language) -> None:
    # (``Le maire sortant`` is the person just named, as ``le ministre`` is)
    text = "Luc Perrin a été réélu dimanche à Brest. Le maire sortant a obtenu 61 % des voix."
    assert _figure(nlp, text, "61 %")["subject"] == "Luc Perrin"


def test_linker_role_noun_names_its_organisation_not_its_place(nlp: Language) -> None:
    # (``le maire de Rennes`` is not Rennes; ``le patron de Michelin`` speaks for it)
    text = "Le maire de Rennes, Luc Perrin, a été condamné mardi à deux ans de prison."
    assert _figure(nlp, text, "deux")["subject"] == "Luc Perrin"
    text = "Le patron de Michelin a annoncé une marge de 12 % pour 2026."
    assert _figure(nlp, text, "12 %")["subject"] == "Michelin"


@pytest.mark.parametrize(
    ("text", "number", "subject"),
    [
        # (a definite noun says what it refers back to: a surer antecedent than a
        # pronoun's, even for a figure that no metric names)
        (
            "À Dijon, le thermomètre a dépassé 39 °C. La ville a ouvert 12 salles rafraîchies.",
            "12",
            "Dijon",
        ),
        (
            "Hugo Ekitike a signé à Francfort. L'attaquant a marqué 15 buts la saison dernière.",
            "15",
            "Hugo Ekitike",
        ),
    ],
)
def test_linker_definite_noun_antecedent_is_the_subject_of_a_count(
    nlp: Language, text: str, number: str, subject: str
) -> None:
    assert _figure(nlp, text, number)["subject"] == subject


def test_linker_change_verb_the_tagger_mistakes_still_makes_a_change(nlp: Language) -> None:
    # (after a name at a sentence start, the tagger may read ``progresse`` as an
    # adjective: its form still makes ``de 4 %`` the amount of a change)
    assert _figure(nlp, "Toyota progresse de 4 % avec 8 100 voitures.", "4 %")["metric"] == "change"


def test_linker_possessive_on_the_noun_an_infinitive_of_change_tells(nlp: Language) -> None:
    # (``voit ses ventes chuter de 11 %``: the figure's verb is an infinitive on the
    # possessed noun; ``ses`` is the sentence subject's)
    text = "Peugeot limite la casse. Ford, en revanche, voit ses ventes chuter de 14 % en mai."
    assert _figure(nlp, text, "14 %")["subject"] == "Ford"


# (the sentence before opens on a pronoun, so it is about what the sentence before it is
# about, not about its own object; a definite subject noun goes on about the same)
RIVAL_SENTENCES = (
    "Le constructeur Renault a dévoilé mardi ses résultats. "
    "Il devance son rival Stellantis en Europe. "
)


@pytest.mark.parametrize("subject", ["Il", "Le groupe"])
def test_linker_subject_after_a_sentence_opening_on_a_pronoun_is_what_it_stands_for(
    nlp: Language, subject: str
) -> None:
    text = RIVAL_SENTENCES + f"{subject} a vendu 2,2 millions de véhicules en 2023."
    assert _figure(nlp, text, "2,2")["subject"] == "Renault"


def test_linker_blank_line_ends_the_title_line_for_what_a_sentence_is_about(
    nlp: Language,
) -> None:
    # (a title with no full stop is a sentence of its own: its first name is not the
    # subject of the paragraph's first sentence)
    text = (
        "Stellantis derrière Renault en Europe\n\n"
        + RIVAL_SENTENCES
        + "\n\nLe groupe a vendu 2,2 millions de véhicules en 2023."
    )
    assert _figure(nlp, text, "2,2")["subject"] == "Renault"


def test_linker_agent_of_a_participle_on_the_subject_is_not_the_subject(nlp: Language) -> None:
    # (who built the bridge did something to it; the figure is the bridge's, unnamed)
    text = "Le nouveau pont, construit par le groupe Vinci, a coûté 480 millions d'euros."
    assert _figure(nlp, text, "480")["subject"] is None


def test_linker_pronoun_after_an_unnamed_subject_with_an_agent_has_no_antecedent(
    nlp: Language,
) -> None:
    text = (
        "Le nouveau pont, construit par le groupe Vinci, a été ouvert lundi. "
        "Il a mobilisé 900 ouvriers pendant trois ans."
    )
    assert _figure(nlp, text, "900")["subject"] is None


def test_linker_term_requested_against_a_person_named_with_an_initial(nlp: Language) -> None:
    # (the prosecutor asks for it; the full stop of ``M.`` ends no sentence)
    text = (
        "Le parquet de Lille a requis mardi six ans de prison contre Karim M., "
        "un commerçant de 44 ans."
    )
    assert _figure(nlp, text, "six ans")["subject"] == "Karim M."


def test_linker_verb_coordinated_after_an_object_shares_the_first_verbs_subject(
    nlp: Language,
) -> None:
    # (the parser may hang ``franchir`` on ``passagers``, the first verb's object)
    text = (
        "Le Boeing 787 a été présenté à Toulouse. L'avion peut transporter jusqu'à "
        "300 passagers et franchir 14 000 kilomètres sans escale."
    )
    assert _figure(nlp, text, "14 000")["subject"] == "Boeing 787"


@pytest.mark.parametrize(
    "text",
    [
        "À Rennes, le loyer moyen d'un deux-pièces atteint 690 euros.",
        "La mensualité de ce crédit s'élève à 310 euros.",
        "À Courchevel, le forfait de six jours coûte 390 euros.",
        "L'abonnement annuel au réseau passera à 880 euros.",
    ],
)
def test_linker_rent_monthly_payment_pass_or_subscription_is_a_price(
    nlp: Language, text: str
) -> None:
    assert _figure(nlp, text, "euros")["metric"] == "price"


def test_linker_noun_the_parser_coordinates_with_a_verb_of_injury_is_not_injured(
    nlp: Language,
) -> None:
    text = "Deux gendarmes ont été blessés et une dizaine de voitures ont été incendiées."
    assert _figure(nlp, text, "dizaine")["metric"] is None
    assert _figure(nlp, text, "Deux")["metric"] == "injured"


def test_linker_definite_noun_in_a_later_paragraph_refers_to_the_organisation_named_most(
    nlp: Language,
) -> None:
    # (a paragraph that names no organisation before ``le groupe``: the one the article
    # keeps naming, not the brand named once at the end of the paragraph before)
    text = (
        "Le groupe Renault a publié mardi ses résultats annuels. Renault affiche une "
        "marge record.\n\n"
        "La marque Dacia reste la plus rentable.\n\n"
        "Le groupe emploie 105 000 personnes dans le monde."
    )
    assert _figure(nlp, text, "105 000")["subject"] == "Renault"


def test_linker_institution_that_records_a_count_is_its_source_not_its_holder(
    nlp: Language,
) -> None:
    # (the place framing the clause holds the cases; the agency only counts them)
    text = "En Normandie, l'agence régionale de santé a recensé 2 700 cas de rougeole."
    assert _figure(nlp, text, "2 700")["subject"] == "Normandie"


@pytest.mark.parametrize(
    ("text", "subject"),
    [
        (
            "Le match s'est joué à Marseille. Les Néo-Zélandais l'ont emporté 31 à 17.",
            "Nouvelle-Zélande",
        ),
        ("Tokyo accueille la finale. Les Japonaises se sont imposées 3 à 0.", "Japon"),
    ],
)
def test_linker_people_named_as_a_whole_by_a_demonym_stands_for_its_country(
    nlp: Language, text: str, subject: str
) -> None:
    figure = next(f for f in run_text(nlp, text, ANCHOR).figures if f.text[0].isdigit())
    assert figure.subject == subject


@pytest.mark.parametrize(
    "text",
    [
        "Le Tour passe à Pau. Le Danois Jonas Vingegaard a gagné 3 étapes.",
        "Le Tour passe à Pau. Les Danois Jonas Vingegaard et Mads Pedersen ont gagné 3 étapes.",
    ],
)
def test_linker_demonym_before_a_name_stands_for_no_country(nlp: Language, text: str) -> None:
    # (the nationality of the people named after it)
    assert _figure(nlp, text, "3 étapes")["subject"] != "Danemark"


def test_linker_qui_after_a_name_stands_for_it_where_the_parser_hangs_it_elsewhere(
    nlp: Language,
) -> None:
    text = (
        "Son adjoint, Paul Martin, a annoncé sa candidature. "
        "Il devra affronter Sophie Lenoir, qui avait obtenu 38 % des voix en 2020."
    )
    assert _figure(nlp, text, "38 %")["subject"] == "Sophie Lenoir"


@pytest.mark.parametrize(
    "last_sentence",
    [
        "Réélu en 2020 avec 52,4 % des voix, il dirige la ville depuis douze ans.",
        "Il avait été réélu en 2020 avec 52,4 % des voix.",
    ],
)
def test_linker_pronoun_antecedent_named_in_the_title_too_is_one_sentence_back(
    nlp: Language, last_sentence: str
) -> None:
    # (naming the person in the title as well takes nothing from the antecedent)
    text = (
        "Municipales : Paul Martin candidat\n\n"
        "Le maire de Nantes, Paul Martin, a confirmé mardi sa candidature. " + last_sentence
    )
    assert _figure(nlp, text, "52,4")["subject"] == "Paul Martin"


def test_linker_years_after_a_noun_of_a_trade_are_an_age(nlp: Language) -> None:
    assert _figure(nlp, "Une serveuse de 24 ans a été blessée à Lyon.", "24")["metric"] == "age"


def test_linker_the_journalist_refers_back_to_the_journalist_named(nlp: Language) -> None:
    text = (
        "Le tribunal de Tunis a condamné la journaliste Salma Ben Ali. "
        "La journaliste avait passé 14 mois en détention."
    )
    assert _figure(nlp, text, "14 mois")["subject"] == "Salma Ben Ali"


@pytest.mark.parametrize(
    ("text", "number", "subject"),
    [
        ("À Paris, le titre de Michelin a chuté de 6 % mardi.", "6 %", "Michelin"),
        ("À Cologne, le niveau du Rhin a atteint 8,5 mètres.", "8,5", "Rhin"),
    ],
)
def test_linker_a_share_price_or_a_level_is_its_named_complements(
    nlp: Language, text: str, number: str, subject: str
) -> None:
    assert _figure(nlp, text, number)["subject"] == subject


def test_linker_definite_noun_refers_to_the_name_it_introduced(nlp: Language) -> None:
    # (not to the subject of the sentence before, where ``le groupe`` named another)
    text = (
        "À Bruxelles, la Commission européenne a infligé une amende au groupe "
        "pharmaceutique suisse Roche. Le groupe, qui emploie 103 000 personnes, fera appel."
    )
    assert _figure(nlp, text, "103 000")["subject"] == "Roche"


def test_linker_change_in_the_number_of_jobless_is_the_places(nlp: Language) -> None:
    text = "Le nombre de chômeurs a reculé de 23.000 en mars en Italie, selon l'Istat."
    assert _figure(nlp, text, "23.000")["subject"] == "Italie"


@pytest.mark.parametrize(
    ("text", "metric"),
    [
        (
            "Le marché a reculé de 3 % en mai, avec 41 200 voitures neuves immatriculées.",
            "registrations",
        ),
        ("Le marché suisse a progressé en juin, avec 8 300 motos livrées.", "deliveries"),
    ],
)
def test_linker_participle_after_the_counted_noun_says_its_metric_over_the_verb_of_change(
    nlp: Language, text: str, metric: str
) -> None:
    # (the tagger may take the participle for an adjective or a noun; the count is a
    # level, not the change the main verb tells)
    assert _figure(nlp, text, "00 ")["metric"] == metric


@pytest.mark.parametrize(
    ("text", "number", "subject"),
    [
        (
            "Lors de la partielle de l'Aube, le candidat du Rassemblement national, "
            "Jean Morel, est arrivé en tête avec 41,3 % des voix.",
            "41,3",
            "Jean Morel",
        ),
        (
            "La directrice générale de Kering, Anne Vidal, a perçu 4 millions d'euros en 2025.",
            "4 millions",
            "Anne Vidal",
        ),
    ],
)
def test_linker_name_between_commas_after_a_role_noun_wins_over_the_organisation_it_names(
    nlp: Language, text: str, number: str, subject: str
) -> None:
    # (whether the parser makes the name an apposition or a second subject)
    assert _figure(nlp, text, number)["subject"] == subject


@pytest.mark.parametrize(
    ("number", "subject"),
    [("21 300", "Toyota"), ("17 900", "Hyundai"), ("9 400", "Kia")],
)
def test_linker_respectively_pairs_listed_figures_with_listed_names_in_order(
    nlp: Language, number: str, subject: str
) -> None:
    text = (
        "Le marché a progressé en avril. Toyota, Hyundai et Kia, les trois premiers "
        "importateurs, ont écoulé respectivement 21 300, 17 900 et 9 400 voitures."
    )
    assert _figure(nlp, text, number)["subject"] == subject


def test_linker_respectively_pairs_nothing_when_the_lists_differ_in_length(
    nlp: Language,
) -> None:
    # (two names, three figures: no pairing, and the list of names owns none of them)
    text = "Lyon et Lille comptent respectivement 520 000, 236 000 et 90 000 habitants."
    assert _figure(nlp, text, "236 000")["subject"] is None


@pytest.mark.parametrize(
    ("text", "number"),
    [
        ("Quelque 2 000 habitants de quatre villages ont été évacués.", "quatre"),
        ("Les 600 salariés de deux usines sont en grève.", "deux"),
    ],
)
def test_linker_things_counted_in_the_complement_of_people_are_no_population_or_workforce(
    nlp: Language, text: str, number: str
) -> None:
    assert _figure(nlp, text, number)["metric"] is None


def test_linker_figure_inside_the_verbs_subject_takes_no_name_from_that_subject(
    nlp: Language,
) -> None:
    # (the figure describes part of the subject; the names inside it say where, not whose)
    text = (
        "Les salariés des cafés et des kiosques (une vingtaine d'enseignes dans les halls "
        "de la gare et du TGV) suivront un stage."
    )
    doc = nlp(make_doc(nlp, text, anchor=ANCHOR, excluded=()))
    mentions = collect_mentions(doc._.ami_entities, text_of(doc))
    [figure] = doc._.ami_figures
    number = token_at(doc, figure["number_start"], figure["number_end"])
    assert number is not None
    assert parse_subject(text_of(doc), number, mentions) is None


def test_linker_noun_the_tagger_calls_a_verb_after_a_number_leaves_the_verb_above_it(
    nlp: Language,
) -> None:
    # (``arrivées`` tagged a verb: a word with a number for its determiner is a noun)
    text = "L'Espagne a enregistré 42 000 arrivées en 2025."
    assert _figure(nlp, text, "42 000")["subject"] == "Espagne"


@pytest.mark.parametrize(
    ("text", "subject"),
    [
        ("Le Portugal a recensé 3 100 demandes d'asile en mars.", "Portugal"),
        ("L'Insee a recensé 12 400 faillites en mars.", None),
    ],
)
def test_linker_place_that_records_a_count_holds_it_an_institution_is_its_source(
    nlp: Language, text: str, subject: str | None
) -> None:
    assert _figure(nlp, text, "00 ")["subject"] == subject


@pytest.mark.parametrize(
    ("text", "number", "subject"),
    [
        # an organisation's article: the turnout of a vote is no party's
        (
            "Municipales : le Parti socialiste garde Rennes\n\n"
            "Le Parti socialiste a conservé la ville dimanche.\n\n"
            "L'abstention a atteint 58 % dans les bureaux du centre.",
            "58 %",
            None,
        ),
        # a product's article: its parts' rates are its own
        (
            "Essai : la Peugeot e-208 en détail\n\n"
            "La Peugeot e-208 arrive en concession ce mois-ci.\n\n"
            "La batterie se recharge jusqu'à 80 % en 25 minutes.",
            "80 %",
            "Peugeot e-208",
        ),
    ],
)
def test_linker_rate_of_an_unnamed_definite_thing_is_not_the_topic_s_unless_a_products(
    nlp: Language, text: str, number: str, subject: str | None
) -> None:
    assert _figure(nlp, text, number)["subject"] == subject


def test_linker_net_result_in_money_is_revenue(nlp: Language) -> None:
    text = "Le groupe Sodexo a publié ses comptes. Son résultat net s'élève à 820 millions d'euros."
    assert _figure(nlp, text, "820")["metric"] == "revenue"


@pytest.mark.parametrize(
    ("text", "number", "subject"),
    [
        # the object of the verb above the infinitive does what it says
        (
            "Claire Petit préside l'union. Elle appelle l'État à revaloriser la bourse de 8 %.",
            "8 %",
            None,
        ),
        # (a role noun as that object names no one the text named before)
        (
            "Sophie Blanc préside la fédération. Elle appelle le Premier ministre à "
            "augmenter le budget de 6 %.",
            "6 %",
            None,
        ),
        ("Le ministre a convaincu Renault d'acheter 300 camions.", "300", "Renault"),
        # ... but what the subject owns stays the subject's
        ("La Pologne a vu sa population baisser de 200 000 habitants.", "200 000", "Pologne"),
    ],
)
def test_linker_infinitive_after_an_object_is_that_objects_doing(
    nlp: Language, text: str, number: str, subject: str | None
) -> None:
    assert _figure(nlp, text, number)["subject"] == subject


@pytest.mark.parametrize(
    ("text", "number", "subject"),
    [
        (
            "Un incendie a éclaté mardi près de Vernet. Le village compte 840 habitants.",
            "840",
            "Vernet",
        ),
        ("À Avoriaz, la neige manque. La station compte 19 000 lits.", "19 000", "Avoriaz"),
    ],
)
def test_linker_village_or_station_refers_to_the_place_named_in_a_complement(
    nlp: Language, text: str, number: str, subject: str
) -> None:
    assert _figure(nlp, text, number)["subject"] == subject


def test_linker_possessive_opening_a_paragraph_after_one_about_a_pronoun_goes_further_back(
    nlp: Language,
) -> None:
    # (the paragraph before names no one; its pronoun stands for the subject before it)
    text = (
        "La nageuse Léa Garnier, 19 ans, a rejoint le club de Nice, a annoncé lundi le "
        "Cercle des nageurs.\n\n"
        "Elle a décroché deux médailles cet été. Elle a fini 4e à Fukuoka.\n\n"
        "Son salaire atteindrait 90 000 euros par an, selon Ouest-France."
    )
    assert _figure(nlp, text, "90 000")["subject"] == "Léa Garnier"


@pytest.mark.parametrize(
    "text",
    [
        "La Peugeot 208 a coûté 500 millions d'euros à développer.",
        "La conception de la Peugeot 208 a coûté 500 millions d'euros.",
        "La mise au point d'une Peugeot 208 plus sobre a coûté 500 millions d'euros.",
    ],
)
def test_linker_what_a_product_cost_to_make_is_a_cost_not_its_price(
    nlp: Language, text: str
) -> None:
    figure = _figure(nlp, text, "500")
    assert (figure["subject"], figure["metric"]) == ("Peugeot 208", "cost")


def test_linker_pronoun_after_a_pronoun_sentence_is_not_its_complements_name(
    nlp: Language,
) -> None:
    # (both pronouns stand for the unnamed driver, not the court named as an agent)
    text = (
        "Le chauffeur, âgé de 41 ans, a été interpellé.\n\n"
        "Il sera jugé en mars par le tribunal correctionnel de Blois. Il encourt "
        "4 500 euros d'amende."
    )
    assert _figure(nlp, text, "4 500")["subject"] is None


@pytest.mark.parametrize(
    ("text", "number", "metric"),
    [
        # a present form the lemmatizer leaves as it is still names its verb ...
        ("Le kilo de cerises s'affiche à 12 euros sur les marchés.", "12 euros", "price"),
        # ... and an infinitive stays one
        ("Le galeriste espère vendre une trentaine de tableaux.", "trentaine", "sales"),
        # what a verb brings to the figure's level is what it measures
        ("La compagnie a décidé de plafonner ses tarifs à 49 euros.", "49 euros", "price"),
        # a share price that takes a percentage changes by it; a part of a whole stays one
        ("L'action Orange a pris 3,5 % mardi.", "3,5 %", "change"),
        ("Carrefour a pris 8 % du marché en un an.", "8 %", "share"),
    ],
)
def test_linker_metric_of_a_verb_the_lemmatizer_misses_or_of_the_thing_it_sets(
    nlp: Language, text: str, number: str, metric: str
) -> None:
    assert _figure(nlp, text, number)["metric"] == metric


@pytest.mark.parametrize(
    ("text", "number"),
    [
        (
            "L'entraîneur Didier Roux est déçu. Son équipe occupe la 9e place du championnat.",
            "9e",
        ),
        # (nor the team the article is about, which it may not be)
        (
            "Le Stade brestois accroche Lille\n\nLe Stade brestois a fait match nul à Lille."
            " L'entraîneur lillois, Bruno Génésio, est déçu. Son équipe reste 7e.",
            "7e",
        ),
        (
            "La patronne de Soleo, Claire Vasseur, est confiante. Son entreprise a vendu"
            " 40 000 panneaux solaires.",
            "40 000",
        ),
    ],
)
def test_linker_a_persons_company_or_team_is_not_the_person(
    nlp: Language, text: str, number: str
) -> None:
    assert _figure(nlp, text, number)["subject"] is None


def test_linker_rank_in_apposition_to_a_name_is_that_names_not_the_verbs_subjects(
    nlp: Language,
) -> None:
    # (the subject ``Le club`` refers back to Nantes; the rank stands beside Angers)
    text = (
        "Le FC Nantes a battu Lorient. Le club compte désormais quatre points d'avance"
        " sur Angers, quatrième."
    )
    assert _figure(nlp, text, "quatrième")["subject"] == "Angers"


@pytest.mark.parametrize(
    ("text", "number", "subject"),
    [
        # a state orders as a company does ...
        ("La Grèce voisine a de son côté commandé 20 avions de chasse à la France.", "20", "Grèce"),
        # ... and a country's orders as a whole are the country's
        ("En Allemagne, les commandes ont atteint 4 000 unités.", "4 000", "Allemagne"),
    ],
)
def test_linker_orders_can_be_a_places(nlp: Language, text: str, number: str, subject: str) -> None:
    assert _figure(nlp, text, number)["subject"] == subject


HOMEOPATHY = (
    "Le laboratoire Boiron a vendu 20 millions de tubes. Son concurrent allemand Heel en a"
    " vendu 12 millions. Le groupe lyonnais vise 25 millions de tubes en 2027."
)


def test_linker_name_after_a_possessive_noun_even_mistagged_is_its_subject(
    nlp: Language,
) -> None:
    assert _figure(nlp, HOMEOPATHY, "12 millions")["subject"] == "Heel"


def test_linker_definite_noun_of_another_origin_does_not_refer_back_to_a_name(
    nlp: Language,
) -> None:
    # (``lyonnais`` is not ``allemand``: the group is not Heel)
    assert _figure(nlp, HOMEOPATHY, "25 millions")["subject"] is None


@pytest.mark.parametrize(
    ("text", "subject"),
    [
        # a pronoun opening a paragraph after one on an unnamed noun stands for it ...
        (
            "Le roman de Claire Fabre a dépassé les 300 000 exemplaires.\n\n"
            "Publié en mars, il a rapporté 2 millions d'euros à son éditeur.",
            None,
        ),
        # ... not after one on a named person
        (
            "La romancière Claire Fabre a publié trois livres.\n\n"
            "En 2023, elle a touché 2 millions d'euros de droits.",
            "Claire Fabre",
        ),
    ],
)
def test_linker_pronoun_opening_a_paragraph_after_an_unnamed_noun_is_no_name(
    nlp: Language, text: str, subject: str | None
) -> None:
    assert _figure(nlp, text, "2 millions")["subject"] == subject


@pytest.mark.parametrize(
    ("text", "number", "subject"),
    [
        # what only a company earns is the company's, even said by who speaks for it ...
        (
            "La société Biofil se porte bien. Sa directrice, Claire Martin, vise un chiffre"
            " d'affaires de 40 millions d'euros.",
            "40 millions",
            "Biofil",
        ),
        (
            "Le directeur général de Michelin, Marc Lenoir, a annoncé un bénéfice de 3 millions"
            " d'euros.",
            "3 millions",
            "Michelin",
        ),
        # ... but a salary is the person's
        (
            "Le directeur général de Michelin, Marc Lenoir, a touché un salaire de 400 000 euros.",
            "400 000",
            "Marc Lenoir",
        ),
    ],
)
def test_linker_company_earnings_said_by_its_head_are_the_companys(
    nlp: Language, text: str, number: str, subject: str
) -> None:
    assert _figure(nlp, text, number)["subject"] == subject


@pytest.mark.parametrize(
    ("text", "number", "period_start"),
    [
        # a day to come in the title is an event the facts below are not about ...
        (
            "Le procès de l'ancien maire renvoyé au 12 mai\n\nLe tribunal a renvoyé le"
            " procès. L'élu encourt un million d'euros d'amende.",
            "un million",
            None,
        ),
        # ... a month the title names sets their period
        (
            "L'inflation ralentit en février\n\nLes prix ont augmenté. Ceux de l'énergie"
            " ont reculé de 3,5 %.",
            "3,5 %",
            "2024-02-01",
        ),
        # ... and so does a year after the heading's noun (``Bilan 2023 : ...``)
        (
            "Bilan 2023 : le port de Brest en progrès\n\nLe port a traité 2,1 millions de"
            " tonnes.\n\nLes céréales représentent 38 % du trafic.",
            "38 %",
            "2023-01-01",
        ),
        # ... but a year gone by sets no period of a figure told in the future only
        (
            "Bilan 2023 : le port de Brest en progrès\n\nLe port a traité 2,1 millions de"
            " tonnes.\n\nLa région investira 30 millions d'euros dans un quai.",
            "30 millions",
            None,
        ),
    ],
)
def test_linker_title_date_sets_the_period_unless_a_day_to_come(
    nlp: Language, text: str, number: str, period_start: str | None
) -> None:
    assert _figure(nlp, text, number)["period_start"] == period_start


@pytest.mark.parametrize(
    ("number", "subject", "metric"),
    [
        # a rank set beside a name may go on with a gap ...
        ("sixième", "Lucas Moreau", "rank"),
        # ... and that gap is the ranked name's
        ("3 minutes", "Lucas Moreau", "time_gap"),
        # the second of two ages is an age too
        ("27 ans", None, "age"),
    ],
)
def test_linker_gap_after_a_rank_apposition_and_a_second_age(
    nlp: Language, number: str, subject: str | None, metric: str
) -> None:
    text = (
        "Tour des Flandres : Paul Girard l'emporte\n\nPaul Girard a gagné dimanche devant"
        " Marc Petit et Lucas Moreau, sixième à 3 minutes. Deux spectateurs âgés de 22 et"
        " 27 ans ont été blessés."
    )
    figure = _figure(nlp, text, number)
    assert (figure["subject"], figure["metric"]) == (subject, metric)


def test_linker_possessive_after_a_paragraph_opening_on_a_pronoun_past_places_is_its_referents(
    nlp: Language,
) -> None:
    # (the places the car was made in are no owner of its battery)
    text = (
        "Citroën a présenté lundi la nouvelle C3 électrique, qui sera vendue 23 000 euros."
        " La citadine offrira 320 kilomètres d'autonomie.\n\nProduite en Slovaquie, dans"
        " l'usine de Trnava, elle a été conçue en deux ans. Sa batterie de 44 kWh se"
        " recharge en 26 minutes."
    )
    assert _figure(nlp, text, "44 kWh")["subject"] == "Citroën C3"


def test_linker_verb_of_price_does_not_name_what_a_measure_noun_measures(nlp: Language) -> None:
    # (the deficit is measured, nothing is priced: money with no clue of its own stays
    # the default reading, a cost)
    text = "L'hôpital de Brest affiche un déficit de 12 millions d'euros."
    assert _figure(nlp, text, "12 millions")["metric"] == "cost"


@pytest.mark.parametrize(
    "text",
    [
        "La Fédération du bâtiment redoute la suppression de 25 000 emplois.",
        "La CFDT dénonce la fermeture de 40 agences bancaires.",
        "Le syndicat SNPL craint 300 licenciements de pilotes.",
    ],
)
def test_linker_who_takes_a_stand_on_a_figure_does_not_own_it(nlp: Language, text: str) -> None:
    figure = run_text(nlp, text, ANCHOR).figures[0]
    assert figure.subject is None


@pytest.mark.parametrize(
    ("text", "number", "metric", "counted"),
    [
        # a reading on a scale counts nothing the figure before it counted ...
        (
            "Le bourg de Lorca, qui compte 9 000 habitants, a subi un séisme de magnitude 5,6.",
            "5,6",
            None,
            None,
        ),
        (
            "Le port abrite 300 bateaux et a essuyé une tempête de force 10.",
            "10",
            None,
            None,
        ),
        # ... a bare number after a figure still counts what it counted
        ("La commune compte 300 maisons, contre 250 en 1990.", "250", None, "maison"),
    ],
)
def test_linker_reading_on_a_scale_takes_no_noun_or_metric_from_the_figure_before(
    nlp: Language, text: str, number: str, metric: str | None, counted: str | None
) -> None:
    figure = _figure(nlp, text, number)
    assert (figure["metric"], figure["counted"]) == (metric, counted)


def test_linker_agent_of_a_passive_participle_measures_nothing_its_noun_names(
    nlp: Language,
) -> None:
    # (the dead are not counted by the lawyers who speak for their families)
    text = "Les proches des victimes, défendus par 9 avocats, ont fait appel."
    assert _figure(nlp, text, "9 avocats")["metric"] is None


@pytest.mark.parametrize(
    ("text", "number", "subject"),
    [
        # what no person has, a person speaking for an organisation does not own ...
        (
            "Le président de Dassault Aviation, Éric Trappier, prévoit 40 livraisons en 2027.",
            "40 livraisons",
            "Dassault Aviation",
        ),
        # (the role naming no organisation: better none than the person)
        (
            "Le groupe Dassault Aviation prépare l'avenir. Le président, Éric Trappier,"
            " prévoit 40 livraisons en 2027.",
            "40 livraisons",
            None,
        ),
        # ... but what a person can have stays the person's
        ("Le judoka Teddy Riner pèse 140 kilos.", "140 kilos", "Teddy Riner"),
    ],
)
def test_linker_person_does_not_own_what_only_an_organisation_or_product_has(
    nlp: Language, text: str, number: str, subject: str | None
) -> None:
    assert _figure(nlp, text, number)["subject"] == subject


@pytest.mark.parametrize(
    ("text", "number", "subject"),
    [
        (
            "Sony a écoulé 4 millions de casques PlayStation VR2.",
            "4 millions",
            "Sony PlayStation VR2",
        ),
        ("Dacia a vendu 2 millions de Sandero en Europe.", "2 millions", "Dacia Sandero"),
    ],
)
def test_linker_product_named_after_the_counted_noun_is_what_it_counts(
    nlp: Language, text: str, number: str, subject: str
) -> None:
    assert _figure(nlp, text, number)["subject"] == subject


@pytest.mark.parametrize(
    ("text", "number", "subject"),
    [
        # a name opening the sentence, parted from its verb by a phrase between commas
        (
            "La finale a été disputée. Ramos, le gardien, a arrêté trois tirs au but.",
            "trois tirs",
            "Ramos",
        ),
        (
            "Le tournoi reprend. Medvedev, tête de série numéro deux, restait sur 11 victoires.",
            "11 victoires",
            "Medvedev",
        ),
    ],
)
def test_linker_name_opening_a_sentence_before_a_detached_phrase_is_its_verbs_subject(
    nlp: Language, text: str, number: str, subject: str
) -> None:
    assert _figure(nlp, text, number)["subject"] == subject


def test_linker_noun_does_not_refer_back_to_the_source_of_its_sentence(nlp: Language) -> None:
    text = "D'après Les Échos, le groupe a supprimé 1 200 postes en Europe."
    assert _figure(nlp, text, "1 200")["subject"] is None


def test_linker_name_after_et_right_before_a_figure_owns_it_in_a_clause_without_verb(
    nlp: Language,
) -> None:
    text = "Le parti libéral VVD recueille 22 % et le mouvement écologiste GroenLinks 14 %."
    assert _figure(nlp, text, "14 %")["subject"] == "GroenLinks"


@pytest.mark.parametrize(
    ("text", "number", "metric"),
    [
        # the state said of what the figure counts, the participle tagged as a noun
        ("Quatre randonneurs sont morts dans le massif.", "Quatre", "deaths"),
        # what a thing can hold or make, after ``pouvoir``
        ("La nouvelle salle pourra accueillir 4 500 spectateurs.", "4 500", "capacity"),
        ("Le paquebot peut transporter 5 000 passagers.", "5 000", "capacity"),
        # (what it holds now is no capacity)
        ("Le lycée accueille 900 élèves.", "900", None),
    ],
)
def test_linker_metric_of_a_state_said_of_the_counted_or_of_what_a_thing_can_hold(
    nlp: Language, text: str, number: str, metric: str | None
) -> None:
    assert _figure(nlp, text, number)["metric"] == metric


def test_linker_relative_pronoun_after_a_definite_noun_refers_back_through_it(
    nlp: Language,
) -> None:
    # (the parser hangs the relative clause on the main verb)
    text = (
        "Le cyclone a frappé la Martinique mardi. Le nombre de sinistrés a doublé en un"
        " jour. La préfecture a ouvert des abris dans 12 communes de l'île, qui compte"
        " 350 000 habitants."
    )
    assert _figure(nlp, text, "350 000")["subject"] == "Martinique"


def test_linker_time_between_two_events_is_no_ones_even_beside_a_sentence(
    nlp: Language,
) -> None:
    text = "Le tribunal a condamné Jean Morel à une amende, trois ans après les faits."
    assert _figure(nlp, text, "trois ans")["subject"] is None


@pytest.mark.parametrize(
    ("text", "number", "subject"),
    [
        # a participle set beside a definite noun: what the noun refers back to
        (
            "Sony a dévoilé la PlayStation 6 mardi. La console, commercialisée au prix de"
            " 599 euros, sortira en mars.",
            "599 euros",
            "Sony PlayStation 6",
        ),
        (
            "Renault a lancé la Twingo électrique. La citadine, proposée à 19 990 euros,"
            " arrive en janvier.",
            "19 990",
            "Renault Twingo",
        ),
    ],
)
def test_linker_participle_beside_a_noun_is_said_of_what_the_noun_refers_to(
    nlp: Language, text: str, number: str, subject: str
) -> None:
    assert _figure(nlp, text, number)["subject"] == subject


@pytest.mark.parametrize(
    ("text", "number", "subject"),
    [
        # the first phrase ends on the name, a phrase between commas parts it from its verb
        (
            "Le demi de mêlée Antoine Dupont, 29 ans, a marqué 12 essais cette saison.",
            "12 essais",
            "Antoine Dupont",
        ),
        # what a participle set beside the verb's subject says is said of that subject
        (
            "Le Boeing 737 de Ryanair a atterri. L'appareil, âgé de 14 ans, a été inspecté.",
            "14 ans",
            "Boeing 737",
        ),
        # (a place framing the sentence is no name of its subject)
        ("En Suède, Volvo, selon la presse, a vendu 8 000 camions.", "8 000", "Volvo"),
    ],
)
def test_linker_name_opening_a_sentence_and_what_is_said_beside_the_subject(
    nlp: Language, text: str, number: str, subject: str | None
) -> None:
    assert _figure(nlp, text, number)["subject"] == subject


@pytest.mark.parametrize(
    ("text", "number", "subject"),
    [
        # a figure set against the one before, with whose it is after ``pour``
        (
            "Le japonais Toyota a vendu 9 400 voitures en juin, contre 7 100 pour le coréen Kia.",
            "7 100",
            "Kia",
        ),
        # a firm does not take the name of the town it comes from
        (
            "Le groupe de Rennes a ouvert une usine en Espagne, d'une capacité de 200 000"
            " batteries par an.",
            "200 000",
            None,
        ),
        # who forecasts an economy's growth does not own it
        ("La Bundesbank anticipe une croissance de 0,7 % cette année.", "0,7 %", None),
    ],
)
def test_linker_compared_figure_is_the_rivals_and_no_forecaster_or_hometown_owns_one(
    nlp: Language, text: str, number: str, subject: str | None
) -> None:
    assert _figure(nlp, text, number)["subject"] == subject


@pytest.mark.parametrize(
    ("text", "number", "metric"),
    [
        # a forecast measures what its complement names
        ("Le gouvernement espagnol relève sa prévision de croissance à 2,4 %.", "2,4 %", "change"),
        (
            "Stellantis abaisse son objectif de ventes à 5 millions de véhicules.",
            "5 millions",
            "sales",
        ),
    ],
)
def test_linker_forecast_noun_measures_what_its_complement_names(
    nlp: Language, text: str, number: str, metric: str
) -> None:
    assert _figure(nlp, text, number)["metric"] == metric


def test_linker_country_named_by_royaume_is_referred_back_to(nlp: Language) -> None:
    text = (
        "La Jordanie a accueilli 6 millions de visiteurs en 2025. Le royaume vise 9 millions"
        " de touristes en 2030."
    )
    assert _figure(nlp, text, "9 millions")["subject"] == "Jordanie"


@pytest.mark.parametrize(
    ("text", "number"),
    [
        ("La jeune pousse Qonto a levé 480 millions d'euros en 2022.", "480 millions"),
        ("La licorne est valorisée 4 milliards d'euros.", "4 milliards"),
        ("La commune a emprunté 2 millions d'euros pour son école.", "2 millions"),
        # ... or the noun the sum complements says so (or the tagger's noun for the verb)
        ("Le club a bouclé une levée de fonds de 30 millions d'euros.", "30 millions"),
        ("La PME a décroché un prêt de 5 millions d'euros auprès de sa banque.", "5 millions"),
        (
            "La PME a levé 90 millions d'euros, ce qui la valorise à 1 milliard d'euros.",
            "1 milliard",
        ),
    ],
)
def test_linker_money_raised_lent_or_valued_is_no_price_cost_or_revenue(
    nlp: Language, text: str, number: str
) -> None:
    assert _figure(nlp, text, number)["metric"] is None


@pytest.mark.parametrize(
    ("text", "number", "subject"),
    [
        # only an organisation earns: a possessive before a profit is no product's
        (
            "Qantas a publié ses comptes. La compagnie exploite 120 Boeing 737. Son bénéfice"
            " a progressé de 12 %.",
            "12 %",
            None,
        ),
        # a complement after ``à`` says what kind of thing a definite noun refers to
        (
            "EasyJet a publié ses comptes. Le transporteur à bas coût a commandé 100 avions.",
            "100 avions",
            "EasyJet",
        ),
        # a name set between commas after the first phrase's noun, then an age
        ("Son frère, Yanis B., 29 ans, a été condamné à 8 ans.", "8 ans", "Yanis B."),
        # a person's forecast speaks for another
        ("La directrice, Anne Rigail, prévoit 50 millions de passagers.", "50 millions", None),
        # (a height cleared is a person's length)
        (
            "Le Suédois Armand Duplantis a porté dimanche le record du monde du saut à la perche"
            " à 6,27 mètres.",
            "6,27",
            "Armand Duplantis",
        ),
    ],
)
def test_linker_owner_of_earnings_kind_nouns_names_beside_forecasts_and_heights(
    nlp: Language, text: str, number: str, subject: str | None
) -> None:
    assert _figure(nlp, text, number)["subject"] == subject


def test_linker_figure_in_the_agent_of_a_passive_verb_is_not_its_subjects(
    nlp: Language,
) -> None:
    text = "Paul Lemaire sera désigné président lundi par le nouveau bureau de 21 membres."
    assert _figure(nlp, text, "21 membres")["subject"] is None


@pytest.mark.parametrize(
    ("text", "number", "subject"),
    [
        # before or among whom, or in which places, the action happens: no one's
        ("Devant 42 000 spectateurs, l'Irlande a dominé le match.", "42 000", None),
        ("La préfecture de l'Aude a ouvert des gymnases dans 17 communes.", "17 communes", None),
        # (events a figure counts after ``dans`` are no setting)
        (
            "Un chef du groupe ETA a été condamné pour 40 morts dans 12 attentats commis par"
            " l'ETA.",
            "12 attentats",
            "ETA",
        ),
    ],
)
def test_linker_figure_setting_where_or_before_whom_an_action_happens_is_no_ones(
    nlp: Language, text: str, number: str, subject: str | None
) -> None:
    assert _figure(nlp, text, number)["subject"] == subject


def test_linker_possessed_places_after_dans_stay_the_possessors(nlp: Language) -> None:
    text = "TotalEnergies a gelé ses prix dans ses 3 000 stations."
    assert _figure(nlp, text, "3 000")["subject"] == "TotalEnergies"
