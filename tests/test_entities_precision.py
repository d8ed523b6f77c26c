"""What is not a name, roles, institutions' full names: sentences of our own, through the
production pipeline (lean NER + partial parse), one general behaviour per test."""

from __future__ import annotations

from collections.abc import Sequence

import pytest
import spacy
from spacy.language import Language

from ami_facts.components.entities import find_entities
from ami_facts.components.entities.not_names import defined_long_form
from ami_facts.hits import EntityHit
from ami_facts.nlp import build_nlp


@pytest.fixture(scope="module")
def nlp() -> Language:
    return build_nlp()


def _hits(nlp: Language, text: str) -> list[EntityHit]:
    return find_entities(nlp(text))


def _texts(hits: Sequence[EntityHit]) -> list[str]:
    return [h.text for h in hits]


def _find(hits: Sequence[EntityHit], text: str) -> EntityHit:
    found = [h for h in hits if h.text == text]
    assert found, f"{text!r} not in {[(h.text, h.label) for h in hits]}"
    return found[0]


# ------------------------------------------------------------- words opening a line


@pytest.mark.parametrize(
    ("text", "not_name"),
    [
        ("Découvrir\nLa nouvelle berline arrive en concession.", "Découvrir"),
        ("Attention\nLe stock de pièces reste limité.", "Attention"),
        ("Voir aussi\n- Les prix du gazole à la pompe", "Voir aussi"),
        ("Réquisitions sévères\nLe parquet a demandé six mois ferme.", "Réquisitions sévères"),
        ("Soit au total, neuf candidats retenus pour trois postes.", "Soit au total"),
        ("Le Bonus écologique baisse encore.", "Bonus écologique"),
        ("• Consommation mesurée\n• Autonomie réelle", "Consommation mesurée"),
        ("PROCHAINES SORTIES\nLe club de marche se retrouve samedi.", "PROCHAINES SORTIES"),
        ("Prix\nLa finition haute démarre à 39 900 euros.", "Prix"),
        ("Équipements\n- Pompe à chaleur de série\n- Sièges chauffants", "Pompe"),
        # a headline's rubric before a colon
        ("Tennis : Léa Durand file en quarts à Rome\nLa Française a gagné.", "Tennis"),
        ("Handball : Nantes conserve son titre\nLe club a gagné.", "Handball"),
        # a learned prefix glued to a French word the lemmatizer knows
        ("Cyberharcèlement : un lycéen de Dijon condamné\nIl a fait appel.", "Cyberharcèlement"),
        ("Écoquartier : la ville de Tours lance un projet\nLe chantier commence.", "Écoquartier"),
        # the participle of a known verb opening a sentence
        (
            "Lunéville : le château rouvre\n\nRavagé par un incendie en 2003, le château de"
            " Lunéville a rouvert samedi.",
            "Ravagé",
        ),
    ],
)
def test_french_words_opening_a_line_or_heading_are_no_name(
    nlp: Language, text: str, not_name: str
) -> None:
    hits = _hits(nlp, text)
    assert not any(not_name in h.text or h.text in not_name.split() for h in hits), hits


def test_name_as_a_headlines_rubric_stays(nlp: Language) -> None:
    assert _find(_hits(nlp, "Renault : les ventes reculent\nLe groupe a perdu."), "Renault")


def test_name_opening_a_line_stays(nlp: Language) -> None:
    text = "Valérie Pécresse\nLa présidente de région a présenté son budget."
    assert _find(_hits(nlp, text), "Valérie Pécresse").label == "PER"


# ------------------------------------------------------------- days, months, holidays


@pytest.mark.parametrize(
    "text",
    [
        "Les ventes ont bondi avant Pâques dans les jardineries.",
        "Les vacances de la Toussaint commencent le 19 octobre.",
        "À la Pentecôte, la circulation sera dense sur l'A7.",
        "Mercredi, la mairie a fermé la piscine.",
    ],
)
def test_days_months_and_holidays_are_no_entities(nlp: Language, text: str) -> None:
    labels = {h.text: h.label for h in _hits(nlp, text)}
    assert not set(labels) & {"Pâques", "Toussaint", "Pentecôte", "Mercredi"}, labels


def test_month_capitalised_mid_sentence_is_a_name(nlp: Language) -> None:
    text = "La sonde a photographié la surface de Mars pendant deux ans."
    assert "Mars" in _texts(_hits(nlp, text))


def test_holiday_after_an_event_head_is_the_event(nlp: Language) -> None:
    text = "Les négociateurs ont invoqué l'accord du Vendredi saint à Belfast."
    hit = _find(_hits(nlp, text), "accord du Vendredi saint")
    assert hit.label == "MISC"


# ------------------------------------------------------------- codes and classes


@pytest.mark.parametrize(
    ("text", "code"),
    [
        ("Le SUV reçoit une boîte DSG7 à double embrayage.", "DSG7"),
        ("Le moteur respecte la norme Euro 6 depuis cette année.", "Euro 6"),
        ("Le camion obtient la vignette Crit'Air 2 malgré son âge.", "Crit'Air 2"),
        ("La ZFE interdira les Crit'Air 3 dès janvier prochain.", "Crit'Air 3"),
        ("Ses rejets de CO2 restent élevés en ville.", "CO2"),
        ("Le train est reparti à 7 h 10 UTC-4 vers Boston.", "UTC-4"),
        ("Le logement est passé en classe A après les travaux.", "A"),
        ("Il a acheté une PHEV pour ses trajets quotidiens.", "PHEV"),
        ("La compagnie a rénové ses TGV et ses rames régionales.", "TGV"),
        ("L'autonomie atteint 410 km en cycle WLTP selon le fabricant.", "WLTP"),
        ("La version Business ajoute la navigation connectée.", "Business"),
        ("Comptez 900 euros pour le pack Hiver et ses sièges chauffants.", "Hiver"),
        # (the model tags the unit of this sentence as a name)
        ("L'ancien record, 44,1 °C, datait de juin 2019 dans le Gard.", "°C"),
    ],
)
def test_technical_codes_and_classes_of_a_standard_are_no_names(
    nlp: Language, text: str, code: str
) -> None:
    assert not any(code in h.text for h in _hits(nlp, text)), _hits(nlp, text)


def test_acronym_of_an_organisation_stays(nlp: Language) -> None:
    text = "Le G20 se réunira à Rome et la CGT appelle à la grève."
    texts = _texts(_hits(nlp, text))
    assert "G20" in texts
    assert "CGT" in texts


# ------------------------------------------------------------- roles


@pytest.mark.parametrize(
    "text",
    [
        "La ministre des Armées a visité la base dimanche.",
        "Le commissaire européen au Commerce a reçu les industriels.",
        "La secrétaire d'État chargée de la Mer a annoncé un plan.",
    ],
)
def test_a_role_and_its_portfolio_are_no_entity(nlp: Language, text: str) -> None:
    assert _hits(nlp, text) == []


def test_person_named_after_a_role_is_the_name_alone(nlp: Language) -> None:
    text = "Le ministre de l'Agriculture Marc Fesneau a reçu les éleveurs."
    hits = _hits(nlp, text)
    assert [(h.text, h.label) for h in hits] == [("Marc Fesneau", "PER")]


@pytest.mark.parametrize(
    ("text", "person", "other"),
    [
        (
            "Le ministre de l'Économie Bruno Le Maire a salué l'accord.",
            "Bruno Le Maire",
            None,
        ),
        (
            "Le patron de Stellantis Carlos Tavares a défendu sa stratégie.",
            "Carlos Tavares",
            "Stellantis",
        ),
        (
            "Le directeur général de Renault Luca de Meo a présenté les comptes.",
            "Luca de Meo",
            "Renault",
        ),
    ],
)
def test_person_after_a_role_or_an_organisation_is_the_person_alone(
    nlp: Language, text: str, person: str, other: str | None
) -> None:
    hits = _hits(nlp, text)
    assert _find(hits, person).label == "PER"
    assert [h.text for h in hits if h.text != person] == ([other] if other else [])
    assert all(h.label == "ORG" for h in hits if h.text == other)


@pytest.mark.parametrize(
    ("text", "person"),
    [
        ("Le prix du jury est revenu à l'Indienne Payal Kapadia.", "Payal Kapadia"),
        ("La médaille d'or est allée à la Kényane Faith Kipyegon.", "Faith Kipyegon"),
    ],
)
def test_person_after_a_demonym_is_the_person_alone(nlp: Language, text: str, person: str) -> None:
    hits = _hits(nlp, text)
    assert [(h.text, h.label) for h in hits] == [(person, "PER")]


@pytest.mark.parametrize(
    ("text", "title"),
    [
        ("Le film américain « Oppenheimer » a dominé la soirée.", "Oppenheimer"),
        ("Le documentaire « Vilnius » a reçu le prix du jury.", "Vilnius"),
    ],
)
def test_title_of_a_work_between_guillemets_is_no_person_or_organisation(
    nlp: Language, text: str, title: str
) -> None:
    assert _find(_hits(nlp, text), title).label == "MISC"


def test_institution_written_with_its_capital_mid_sentence_is_named(nlp: Language) -> None:
    text = "Le président du Sénat Gérard Larcher a reçu les maires."
    assert [(h.text, h.label) for h in _hits(nlp, text)] == [
        ("Sénat", "ORG"),
        ("Gérard Larcher", "PER"),
    ]


@pytest.mark.parametrize(
    ("text", "name"),
    [
        # capitalised only because it opens the sentence: the name without its article
        ("Le Parlement européen a voté le texte mardi.", "Parlement européen"),
        ("L'Union européenne a adopté le règlement.", "Union européenne"),
        (
            "Le Salon du livre attire les foules\nLe Salon international du livre a fermé ses"
            " portes.",
            "Salon international du livre",
        ),
        # a name of one word keeps its article
        ("Le Monde a publié une enquête.", "Le Monde"),
        ("La Poste ferme trois bureaux.", "La Poste"),
    ],
)
def test_organisation_opening_a_sentence_leaves_its_article(
    nlp: Language, text: str, name: str
) -> None:
    found = [h.text for h in _hits(nlp, text)]
    assert name in found
    assert not any(other != name and other.endswith(name) for other in found)


def test_ministry_is_an_organisation(nlp: Language) -> None:
    text = "Le ministère de l'Intérieur a publié le bilan de la nuit."
    hit = _find(_hits(nlp, text), "ministère de l'Intérieur")
    assert hit.label == "ORG"


@pytest.mark.parametrize(
    ("text", "acronym"),
    [
        ("Le député UDI de la Marne votera contre le texte.", "UDI"),
        ("Les élus LR du conseil municipal ont quitté la séance.", "LR"),
    ],
)
def test_party_acronym_after_a_person_noun_is_an_organisation(
    nlp: Language, text: str, acronym: str
) -> None:
    assert _find(_hits(nlp, text), acronym).label == "ORG"


# ------------------------------------------------------------- institutions' full names


@pytest.mark.parametrize(
    ("text", "mention"),
    [
        ("Les blessés ont été conduits à l'hôpital de Verdun.", "hôpital de Verdun"),
        ("Il a comparu au tribunal correctionnel de Nancy.", "tribunal correctionnel de Nancy"),
        ("Les élèves du lycée Jean-Zay ont manifesté.", "lycée Jean-Zay"),
        (
            "Le Centre hospitalier régional de Metz recrute des infirmiers.",
            "Centre hospitalier régional de Metz",
        ),
        (
            "Le conseil départemental de la Gironde a voté le budget.",
            "conseil départemental de la Gironde",
        ),
    ],
)
def test_institution_head_and_its_name_are_one_organisation(
    nlp: Language, text: str, mention: str
) -> None:
    hit = _find(_hits(nlp, text), mention)
    assert (hit.label, hit.name) == ("ORG", mention)


@pytest.mark.parametrize(
    ("text", "mention"),
    [
        (
            "L'Agence de l'environnement et de la maîtrise de l'énergie a publié un rapport.",
            "Agence de l'environnement et de la maîtrise de l'énergie",
        ),
        (
            "La Direction régionale de l'environnement et du logement a donné son accord.",
            "Direction régionale de l'environnement et du logement",
        ),
        # an invariable noun (``secours``) and a place end the name
        (
            "Le Service départemental d'incendie et de secours du Doubs a envoyé deux camions.",
            "Service départemental d'incendie et de secours du Doubs",
        ),
    ],
)
def test_organisation_name_goes_on_after_et_de(nlp: Language, text: str, mention: str) -> None:
    hit = _find(_hits(nlp, text), mention)
    assert (hit.label, hit.name) == ("ORG", mention)


@pytest.mark.parametrize(
    ("text", "name"),
    [
        (
            "La Fédération française de judo et ses clubs ont voté la réforme.",
            "Fédération française de judo",
        ),
        ("La Banque de France et des banques privées ont signé l'accord.", "Banque de France"),
    ],
)
def test_organisation_name_stops_before_et_and_another_thing(
    nlp: Language, text: str, name: str
) -> None:
    assert _find(_hits(nlp, text), name).label == "ORG"


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("Trois wagons sont sortis des rails près de Jackson, selon la police.", "Jackson"),
        ("Un camion a été retrouvé près de Harrison.", "Harrison"),
        ("Le bus a percuté un arbre près de Morgan.", "Morgan"),
        # a one-word name right after ``à``
        ("Carlos Alcaraz a remporté dimanche à Melbourne son premier Open.", "Melbourne"),
    ],
)
def test_name_placed_by_a_spatial_preposition_is_a_place(
    nlp: Language, text: str, name: str
) -> None:
    assert _find(_hits(nlp, text), name).label == "LOC"


def test_role_before_a_place_leaves_the_place(nlp: Language) -> None:
    text = "Le maire de Besançon a inauguré la ligne."
    assert _find(_hits(nlp, text), "Besançon").label == "LOC"


def test_government_of_a_person_leaves_the_person(nlp: Language) -> None:
    text = "Le gouvernement de Lionel Jospin a présenté la réforme."
    assert _find(_hits(nlp, text), "Lionel Jospin").label == "PER"


# ------------------------------------------------------------- acronym definitions


@pytest.mark.parametrize(
    ("acronym", "before", "long_form"),
    [
        (
            "CNIL",
            "la Commission nationale de l'informatique et des libertés",
            "Commission nationale de l'informatique et des libertés",
        ),
        (
            "Andra",
            "selon l'Agence nationale pour la gestion des déchets radioactifs",
            "Agence nationale pour la gestion des déchets radioactifs",
        ),
        (
            "VHR",
            "les ventes de véhicules hybrides rechargeables",
            "véhicules hybrides rechargeables",
        ),
        ("PS", "selon le maire de la ville", None),
        ("OMS", "trois ans plus tard", None),
    ],
)
def test_acronym_long_form_is_found_by_its_letters(
    acronym: str, before: str, long_form: str | None
) -> None:
    assert defined_long_form(acronym, before.split()) == long_form


def test_common_noun_complement_after_a_place_is_cut() -> None:
    blank = spacy.blank("fr")
    text = "Pékin a menacé la Corée du Sud de droits de douane."
    doc = blank(text)
    start = text.index("Corée")
    span = doc.char_span(start, text.index(" de douane") + len(" de douane"), label="LOC")
    assert span is not None
    doc.ents = [span]
    hits = [(h.text, h.label) for h in find_entities(doc)]
    assert ("Corée du Sud", "LOC") in hits
    assert not any("douane" in t for t, _ in hits)


# ------------------------------------------------------------- canonical names


def test_acronym_defined_after_a_full_name_is_named_by_the_full_name(nlp: Language) -> None:
    text = (
        "La Commission nationale de l'informatique et des libertés (CNIL) a sanctionné "
        "l'opérateur. La CNIL lui reproche un défaut de consentement."
    )
    hits = _hits(nlp, text)
    full = "Commission nationale de l'informatique et des libertés"
    assert {h.name for h in hits if "CNIL" in h.text or h.text == full} == {full}
    assert all(h.label == "ORG" for h in hits if h.name == full)


def test_long_form_met_apart_from_its_acronym_is_named_by_the_acronym(nlp: Language) -> None:
    text = (
        "Selon l'OMS, l'épidémie recule. L'Organisation mondiale de la santé appelle "
        "pourtant à la vigilance."
    )
    assert {h.name for h in _hits(nlp, text)} == {"OMS"}


# ------------------------------------------------------------- persons after a title


@pytest.mark.parametrize(
    ("text", "names"),
    [
        (
            "Les conseils de la famille, Mes Roussel, Vidal et Carpentier, ont fait appel.",
            ["Roussel", "Vidal", "Carpentier"],
        ),
        ("MM. Petit et Legrand ont signé le compromis de vente.", ["Petit", "Legrand"]),
        ("L'avocat de la victime, Me Fontaine, a demandé le renvoi.", ["Fontaine"]),
        (
            "Le rapport a été remis à M. Jean-Luc Marchand-Arvier hier.",
            ["Jean-Luc Marchand-Arvier"],
        ),
    ],
)
def test_names_after_a_title_are_persons_without_the_title(
    nlp: Language, text: str, names: list[str]
) -> None:
    hits = _hits(nlp, text)
    assert [(h.text, h.label) for h in hits] == [(n, "PER") for n in names]


def test_possessive_mes_opening_a_sentence_is_no_title(nlp: Language) -> None:
    assert _hits(nlp, "Mes Voisins ont appelé les pompiers vers minuit.") == []


# ------------------------------------------------------------- organisation by context


def test_company_named_in_an_organisation_context_is_org_everywhere(nlp: Language) -> None:
    text = (
        "Chez Kärcher, on embauche. Kärcher prévoit 300 recrutements. "
        "L'équipementier Kärcher investit en Alsace."
    )
    assert {h.label for h in _hits(nlp, text) if h.text == "Kärcher"} == {"ORG"}


def test_european_union_is_an_organisation(nlp: Language) -> None:
    text = "L'Union européenne a prolongé les sanctions. L'UE réexaminera le dossier en mars."
    hits = _hits(nlp, text)
    assert [(h.text, h.label, h.name) for h in hits] == [
        ("Union européenne", "ORG", "Union européenne"),
        ("UE", "ORG", "Union européenne"),
    ]


@pytest.mark.parametrize(
    ("text", "mention"),
    [
        ("Renault Ampere a annoncé 300 embauches à Cléon.", "Renault Ampere"),
        ("Chez Toyota Tsusho, la marge a reculé.", "Toyota Tsusho"),
        ("BMW Motorrad a vendu 200 000 motos l'an dernier.", "BMW Motorrad"),
    ],
)
def test_brand_and_unlisted_word_in_a_company_context_is_org(
    nlp: Language, text: str, mention: str
) -> None:
    assert _find(_hits(nlp, text), mention).label == "ORG"


@pytest.mark.parametrize(
    ("text", "mention"),
    [
        (
            "Le lanceur a été mis au point par Mitsubishi Heavy Industries.",
            "Mitsubishi Heavy Industries",
        ),
        (
            "Le chantier de Hyundai Heavy Industries emploie 20 000 salariés.",
            "Hyundai Heavy Industries",
        ),
    ],
)
def test_brand_and_name_closed_by_a_word_of_trade_is_one_org(
    nlp: Language, text: str, mention: str
) -> None:
    hit = _find(_hits(nlp, text), mention)
    assert (hit.text, hit.label) == (mention, "ORG")


@pytest.mark.parametrize(
    ("text", "mention"),
    [
        ("La Renault Clio a séduit 80 000 clients en Europe.", "Renault Clio"),
        ("La Peugeot 408 a été vendue à 5 000 exemplaires.", "Peugeot 408"),
    ],
)
def test_brand_and_model_as_a_subject_stays_product(nlp: Language, text: str, mention: str) -> None:
    assert _find(_hits(nlp, text), mention).label == "PRODUCT"


@pytest.mark.parametrize(
    ("text", "club"),
    [
        ("Le Stade rennais a battu le FC Metz 3 à 1 dimanche.", "FC Metz"),
        ("Le FC Sochaux s'est imposé 3-0 à domicile.", "FC Sochaux"),
    ],
)
def test_a_score_after_a_club_is_not_part_of_its_name(nlp: Language, text: str, club: str) -> None:
    assert club in [h.text for h in _hits(nlp, text)]


@pytest.mark.parametrize(
    ("text", "acronym", "named"),
    [
        # an institution written in lower case keeps its acronym a name
        ("L'agence régionale de santé (ARS) de Normandie a ouvert une enquête.", "ARS", True),
        ("L'office national des forêts (ONF) a replanté la parcelle.", "ONF", True),
        # a common noun's abbreviation is none
        ("Les véhicules hybrides rechargeables (VHR) progressent.", "VHR", False),
    ],
)
def test_acronym_of_a_lower_case_institution_is_a_name(
    nlp: Language, text: str, acronym: str, named: bool
) -> None:
    assert (acronym in [h.text for h in _hits(nlp, text)]) is named


@pytest.mark.parametrize(
    "text",
    [
        "Le tribunal administratif de Lyon a annulé l'arrêté.",
        "Il a été jugé par le tribunal administratif de Lyon.",
    ],
)
def test_known_place_after_an_institution_head_is_part_of_its_name(
    nlp: Language, text: str
) -> None:
    assert [(h.text, h.label) for h in _hits(nlp, text)] == [
        ("tribunal administratif de Lyon", "ORG")
    ]


@pytest.mark.parametrize(
    ("text", "mention", "name"),
    [
        (
            "Bénin : Ne Kouassi Dossou est décédé\n\nL'information sur la mort du député"
            " Paul Agbo, connu sous le nom de Ne Kouassi Dossou, est parvenue hier.",
            "Kouassi Dossou",
            "Ne Kouassi Dossou",
        ),
        (
            "Congo : Ne Mbemba Lutete est mort à 70 ans\n\nLe député Jean Lutete, connu sous"
            " le nom de Ne Mbemba Lutete, est mort hier.",
            "Mbemba Lutete",
            "Ne Mbemba Lutete",
        ),
    ],
)
def test_a_name_cut_where_the_article_names_it_whole_is_the_whole_person(
    nlp: Language, text: str, mention: str, name: str
) -> None:
    hits = _hits(nlp, text)
    first = min((h for h in hits if mention in h.text), key=lambda h: h.start)
    assert (first.text, first.label, first.name) == (name, "PER", name)


def test_rubric_and_colon_before_a_name_are_no_part_of_it(nlp: Language) -> None:
    text = "Espace : Ariane 6 emporte un télescope\n\nLe lanceur a décollé de Kourou."
    assert "Ariane 6" in _texts(_hits(nlp, text))
    assert not any(":" in h.text for h in _hits(nlp, text))
