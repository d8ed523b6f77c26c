"""Entities on unseen news sentences, through the production pipeline (lean NER +
partial parse): each case is one general behaviour found by probing new text."""

from __future__ import annotations

from collections.abc import Sequence

import pytest
from spacy.language import Language

from ami_facts.components.entities import find_entities
from ami_facts.hits import EntityHit
from ami_facts.nlp import build_nlp


@pytest.fixture(scope="module")
def nlp() -> Language:
    return build_nlp()


def _hits(nlp: Language, text: str) -> list[EntityHit]:
    return find_entities(nlp(text))


def _find(hits: Sequence[EntityHit], text: str) -> EntityHit:
    found = [h for h in hits if h.text == text]
    assert found, f"{text!r} not in {[(h.text, h.label) for h in hits]}"
    return found[0]


@pytest.mark.parametrize(
    ("text", "mention"),
    [
        ("La start-up française Mistral AI a levé 385 millions d’euros.", "Mistral AI"),
        ("Les salariés de la société Fleur Bleue ont manifesté.", "Fleur Bleue"),
    ],
)
def test_entities_mid_sentence_name_keeps_its_common_word(
    nlp: Language, text: str, mention: str
) -> None:
    _find(_hits(nlp, text), mention)


@pytest.mark.parametrize(
    ("text", "mention"),
    [
        ("Marine Le Pen a dénoncé une « trahison ».", "Marine Le Pen"),
        ("Pierre de Villiers a démissionné.", "Pierre de Villiers"),
    ],
)
def test_entities_sentence_initial_first_name_before_particle_surname_is_kept(
    nlp: Language, text: str, mention: str
) -> None:
    hit = _find(_hits(nlp, text), mention)
    assert (hit.label, hit.name) == ("PER", mention)


@pytest.mark.parametrize(
    ("text", "mention", "name"),
    [
        ("Météo-France a placé 12 départements en vigilance orange.", "Météo-France", None),
        ("Selon Météo-France, les cumuls atteindront 80 mm.", "Météo-France", None),
        ("Air France-KLM a transporté 93 millions de passagers.", "Air France-KLM", None),
        ("Air France prévoit de renouveler sa flotte.", "Air France", None),
        ("Santé publique France appelle à la vigilance.", "Santé publique France", None),
        ("SNCF Réseau prévoit 3 milliards d’euros de travaux.", "SNCF Réseau", None),
        ("La Société Générale a vu ses profits chuter.", "Société Générale", "Société générale"),
        ("L’Olympique lyonnais a limogé son entraîneur.", "Olympique lyonnais", "OL"),
        ("Le Paris Saint-Germain s’est imposé.", "Paris Saint-Germain", "PSG"),
        ("Selon l’Agence France-Presse, il a été réélu.", "Agence France-Presse", "AFP"),
    ],
)
def test_entities_known_organisation_is_org_with_one_name(
    nlp: Language, text: str, mention: str, name: str | None
) -> None:
    hit = _find(_hits(nlp, text), mention)
    assert (hit.label, hit.name) == ("ORG", name or mention)


@pytest.mark.parametrize(
    ("text", "mention", "name"),
    [
        ("Les Etats-Unis ont annoncé une aide. Aux USA, le débat continue.", "USA", "États-Unis"),
        ("La région Provence-Alpes-Côte d’Azur, ou PACA, investit.", "PACA", None),
        ("Des frappes ont visé Kyiv dans la nuit.", "Kyiv", "Kiev"),
        ("L’armée de Birmanie, ou Myanmar, a été accusée.", "Myanmar", "Birmanie"),
    ],
)
def test_entities_place_spellings_get_one_canonical_name(
    nlp: Language, text: str, mention: str, name: str | None
) -> None:
    hit = _find(_hits(nlp, text), mention)
    assert (hit.label, hit.name) == ("LOC", name or "Provence-Alpes-Côte d'Azur")


@pytest.mark.parametrize(
    ("text", "mention", "name"),
    [
        ("Tesla a surtout livré des Tesla Model Y. Le Model Y domine.", "Tesla Model Y", ""),
        ("Tesla a surtout livré des Tesla Model Y. Le Model Y domine.", "Model Y", "Tesla Model Y"),
        (
            "Elle a acheté une Mercedes Classe A. Elle roule.",
            "Mercedes Classe A",
            "Mercedes-Benz Classe A",
        ),
        # a bare model of a brand named before, its one-letter end glued to the stop
        ("Tesla a immatriculé 18 000 Model Y.", "Model Y", "Tesla Model Y"),
    ],
)
def test_entities_full_stop_glued_to_model_is_not_in_product(
    nlp: Language, text: str, mention: str, name: str
) -> None:
    hit = _find(_hits(nlp, text), mention)
    assert (hit.label, hit.name) == ("PRODUCT", name or mention)


@pytest.mark.parametrize(
    ("text", "mention", "name"),
    [
        ("Apple a vendu 220 millions d’iPhone en 2023.", "iPhone", "Apple iPhone"),
        ("L’iPhone 15 est disponible en France.", "iPhone 15", "Apple iPhone 15"),
        ("Il fait jeu égal avec l’iPhone 15 Pro.", "iPhone 15 Pro", "Apple iPhone 15 Pro"),
        ("La compagnie renouvelle sa flotte avec des A350.", "A350", "Airbus A350"),
        ("Airbus a livré 571 A320neo en 2023.", "A320neo", "Airbus A320neo"),
        ("l’incident du 737 MAX 9 d’Alaska Airlines", "737 MAX 9", "Boeing 737 MAX 9"),
    ],
)
def test_entities_standalone_or_lowercase_led_model_is_product(
    nlp: Language, text: str, mention: str, name: str
) -> None:
    hit = _find(_hits(nlp, text), mention)
    assert (hit.label, hit.name) == ("PRODUCT", name)


@pytest.mark.parametrize(
    "text",
    [
        "L’autoroute A4 est fermée entre Metz et Strasbourg.",
        "Il a gagné 737 euros en une semaine.",
        "Le 737 passagers ont été évacués.",
    ],
)
def test_entities_model_codes_not_listed_as_standalone_are_nothing(
    nlp: Language, text: str
) -> None:
    assert not [h for h in _hits(nlp, text) if h.label == "PRODUCT"]


@pytest.mark.parametrize(
    ("text", "not_name"),
    [
        ("Le président de la République a plaidé pour une défense européenne.", "République"),
        ("L’ancien président de la République va faire appel.", "République"),
        ("Me Éric Dupond-Moretti, garde des Sceaux, a été relaxé.", "Sceaux"),
        ("Le chef de l’État a parlé mardi.", "État"),
    ],
)
def test_entities_title_phrase_is_not_a_name(nlp: Language, text: str, not_name: str) -> None:
    assert not [h for h in _hits(nlp, text) if not_name in h.text]


def test_entities_name_after_title_phrase_starts_after_it(nlp: Language) -> None:
    hits = _hits(nlp, "Le procureur de la République de Lyon, Thierry Dran, a requis.")
    assert (_find(hits, "Lyon").label, _find(hits, "Thierry Dran").label) == ("LOC", "PER")


def test_entities_place_named_like_a_title_word_stays_a_place(nlp: Language) -> None:
    assert _find(_hits(nlp, "La ville de Sceaux a voté le budget."), "Sceaux").label == "LOC"


@pytest.mark.parametrize(
    ("text", "mention", "name"),
    [
        ("Le Citroën ë-C3 sera vendu 23 300 euros.", "Citroën ë-C3", "Citroën ë-C3"),
        ("La Peugeot e-3008 arrive.", "Peugeot e-3008", "Peugeot e-3008"),
        (
            "Renault a dévoilé la nouvelle Clio au Mondial de l’Auto de Paris.",
            "Clio",
            "Renault Clio",
        ),
    ],
)
def test_entities_model_spellings_the_tokenizer_or_ner_split_are_products(
    nlp: Language, text: str, mention: str, name: str
) -> None:
    hit = _find(_hits(nlp, text), mention)
    assert (hit.label, hit.name) == ("PRODUCT", name)


@pytest.mark.parametrize(
    ("text", "mention"),
    [
        (
            "Des foyers ont été privés de courant, a indiqué Zorglub Energies jeudi matin.",
            "Zorglub Energies",
        ),
        (
            "Selon les chiffres du ministère de la Transition énergétique publiés lundi.",
            "ministère de la Transition énergétique",
        ),
    ],
)
def test_entities_time_words_and_verbs_after_a_name_are_cut(
    nlp: Language, text: str, mention: str
) -> None:
    _find(_hits(nlp, text), mention)


@pytest.mark.parametrize(
    ("text", "mention", "label"),
    [
        ("Le Stade toulousain a remporté la finale du Top 14.", "Stade toulousain", "ORG"),
        ("Le Stade rennais a battu Brest.", "Stade rennais", "ORG"),
        ("Le Stade de France est plein.", "Stade de France", "LOC"),
        ("Casino cède 121 magasins à Intermarché.", "Intermarché", "ORG"),
        ("Vinci Autoroutes prévoit un trafic record.", "Vinci Autoroutes", "ORG"),
    ],
)
def test_entities_clubs_and_companies_are_org_venues_stay_places(
    nlp: Language, text: str, mention: str, label: str
) -> None:
    assert _find(_hits(nlp, text), mention).label == label


@pytest.mark.parametrize(
    "text",
    [
        "ECONOMIE. La Fnac a ouvert 12 magasins en 2023.",
        "POLITIQUE\nLe Sénat a adopté le texte.",
    ],
)
def test_entities_capitalised_section_heading_is_not_a_name(nlp: Language, text: str) -> None:
    heading = text.split()[0].strip(".")
    assert not [h for h in _hits(nlp, text) if h.text == heading]


def test_entities_acronym_at_sentence_start_stays(nlp: Language) -> None:
    assert _find(_hits(nlp, "LVMH a vu ses ventes progresser de 9 %."), "LVMH").label == "ORG"


@pytest.mark.parametrize(
    ("text", "mention", "label", "name"),
    [
        ("Un accident a fait 3 blessés sur la RN 12 près de Saint-Brieuc.", "RN 12", "LOC", ""),
        ("Le trafic est coupé sur l’autoroute A7 vers Lyon.", "A7", "LOC", ""),
        ("Le RN arrive en tête des européennes.", "RN", "ORG", ""),
        ("L’ARS Bretagne a recensé 2 300 passages aux urgences.", "ARS Bretagne", "ORG", ""),
        ("Le CHU de Brest est saturé depuis lundi.", "CHU de Brest", "ORG", ""),
        ("Tadej Pogacar (UAE Team Emirates) est favori.", "UAE Team Emirates", "ORG", ""),
        ("Il dirige La France insoumise (LFI) depuis 2016.", "La France insoumise", "ORG", "LFI"),
    ],
)
def test_entities_roads_institution_acronyms_and_teams_get_their_label(
    nlp: Language, text: str, mention: str, label: str, name: str
) -> None:
    hit = _find(_hits(nlp, text), mention)
    assert (hit.label, hit.name) == (label, name or mention)


def test_entities_hexagone_is_a_periphrase_not_a_place(nlp: Language) -> None:
    hits = _hits(nlp, "Dans l’Hexagone, les ventes ont reculé de 3 %.")
    assert not [h for h in hits if h.text == "Hexagone"]


@pytest.mark.parametrize(
    ("text", "mention", "label", "name"),
    [
        ("PARIS (AFP) - Le chef de l’État a reçu lundi les syndicats.", "PARIS", "LOC", "Paris"),
        ("LYON, 12 mars (Reuters) - Le groupe a relevé ses objectifs.", "LYON", "LOC", "Lyon"),
        ("Selon le baromètre de l’Avere-France, 16 % des ventes.", "Avere-France", "ORG", ""),
        ("Éric Ciotti, président des Républicains, a salué le vote.", "Républicains", "ORG", "LR"),
    ],
)
def test_entities_datelines_and_org_spellings_get_canonical_names(
    nlp: Language, text: str, mention: str, label: str, name: str
) -> None:
    hit = _find(_hits(nlp, text), mention)
    assert (hit.label, hit.name) == (label, name or mention)


def test_entities_names_differing_in_case_are_one_thing(nlp: Language) -> None:
    text = (
        "Le groupe SEB a relevé ses objectifs. Stanislas de Gramont, directeur général "
        "de SEB, a salué un « bon début d’année »."
    )
    assert {(h.label, h.name) for h in _hits(nlp, text) if h.text == "SEB"} == {("ORG", "SEB")}


@pytest.mark.parametrize(
    ("text", "mention", "label", "name"),
    [
        ("Le Dauphiné libéré rapporte qu’un randonneur a chuté.", "Le Dauphiné libéré", "ORG", ""),
        ("Le Losc a été éliminé par Aston Villa.", "Losc", "ORG", "LOSC"),
        ("Selon l’Inserm, 12 % des cas sont concernés.", "Inserm", "ORG", ""),
        ("Il a décollé dans une SpaceX Crew Dragon.", "SpaceX Crew Dragon", "PRODUCT", ""),
    ],
)
def test_entities_media_research_bodies_and_spacecraft(
    nlp: Language, text: str, mention: str, label: str, name: str
) -> None:
    hit = _find(_hits(nlp, text), mention)
    assert (hit.label, hit.name) == (label, name or mention)


@pytest.mark.parametrize(
    ("text", "mention"),
    [
        ("Volvo Cars a vendu 708 000 voitures en 2023.", "Volvo Cars"),
        ("Airbus Defence and Space va supprimer 2 000 postes.", "Airbus Defence"),
    ],
)
def test_entities_brand_then_org_word_is_its_own_org(
    nlp: Language, text: str, mention: str
) -> None:
    assert _find(_hits(nlp, text), mention).label == "ORG"


@pytest.mark.parametrize(
    "name", ["Marine Tondelier", "Clément Beaune", "Rose Lapresle", "Olivier Faure"]
)
def test_entities_first_name_that_is_a_word_stays_at_sentence_start(
    nlp: Language, name: str
) -> None:
    hit = _find(_hits(nlp, f"Le texte passe. {name} a dénoncé une « trahison »."), name)
    assert (hit.label, hit.name) == ("PER", name)


@pytest.mark.parametrize(
    ("text", "mention", "label", "name"),
    [
        ("BMW a livré 376 000 voitures, dont l’iX3.", "iX3", "PRODUCT", "BMW iX3"),
        ("PSA a fusionné avec Fiat Chrysler pour créer Stellantis.", "Fiat Chrysler", "ORG", ""),
        ("Selon FCA, la Jeep Avenger est un succès.", "FCA", "ORG", "Fiat Chrysler"),
    ],
)
def test_entities_short_lowercase_led_models_and_merged_makers(
    nlp: Language, text: str, mention: str, label: str, name: str
) -> None:
    hit = _find(_hits(nlp, text), mention)
    assert (hit.label, hit.name) == (label, name or mention)


def test_entities_roman_numeral_is_not_a_lowercase_led_model(nlp: Language) -> None:
    hits = _hits(nlp, "BMW a présenté l’iX. Louis IX fut roi de France.")
    assert not [h for h in hits if h.text == "IX" and h.label == "PRODUCT"]


@pytest.mark.parametrize(
    ("text", "mention", "label", "name"),
    [
        ("Orange a annoncé la suppression de 2 000 postes.", "Orange", "ORG", ""),
        ("Sochaux a été relégué en National.", "Sochaux", "ORG", "FC Sochaux-Montbéliard"),
        ("Il habite à Orange depuis 2010.", "Orange", "LOC", ""),
        ("La ville d’Orange a voté son budget.", "Orange", "LOC", ""),
        ("À Sochaux, le musée a rouvert.", "Sochaux", "LOC", ""),
    ],
)
def test_entities_ambiguous_brand_read_as_a_town_is_org_when_subject_of_a_verb(
    nlp: Language, text: str, mention: str, label: str, name: str
) -> None:
    hit = _find(_hits(nlp, text), mention)
    assert (hit.label, hit.name) == (label, name or mention)


@pytest.mark.parametrize(
    ("text", "mention", "label", "name"),
    [
        ("Criteo a publié un chiffre d’affaires de 1,9 milliard de dollars.", "Criteo", "ORG", ""),
        (
            "L’Assurance maladie veut économiser 1,3 milliard d’euros.",
            "Assurance maladie",
            "ORG",
            "",
        ),
        ("Le Conseil constitutionnel a censuré 35 articles.", "Conseil constitutionnel", "ORG", ""),
        ("Antoine Dupont a inscrit deux essais face au Racing 92.", "Racing 92", "ORG", ""),
        ("Le XV de France affrontera l’Irlande samedi.", "XV de France", "ORG", ""),
        ("Ouigo proposera des billets à 19 euros.", "Ouigo", "ORG", ""),
        ("La SNCF lancera ses TGV Inoui vers l’Italie.", "TGV Inoui", "ORG", ""),
        ("Carrefour a racheté 45 magasins Cora.", "Cora", "ORG", ""),
    ],
)
def test_entities_institutions_clubs_and_brands_of_the_news_are_org(
    nlp: Language, text: str, mention: str, label: str, name: str
) -> None:
    hit = _find(_hits(nlp, text), mention)
    assert (hit.label, hit.name) == (label, name or mention)


@pytest.mark.parametrize(
    ("text", "mention", "name"),
    [
        ("Samsung a vendu 10 millions de Galaxy S24.", "Galaxy S24", "Samsung Galaxy S24"),
        ("Le Galaxy S24 est vendu 899 euros.", "Galaxy S24", "Samsung Galaxy S24"),
        ("OpenAI revendique 100 millions d’utilisateurs pour ChatGPT.", "ChatGPT", ""),
        ("Sony a écoulé 50 millions de PlayStation 5.", "PlayStation 5", "Sony PlayStation 5"),
    ],
)
def test_entities_tech_products_are_products_of_their_maker(
    nlp: Language, text: str, mention: str, name: str
) -> None:
    hit = _find(_hits(nlp, text), mention)
    assert (hit.label, hit.name) == ("PRODUCT", name or "OpenAI ChatGPT")


@pytest.mark.parametrize(
    ("text", "mention"),
    [
        ("L’équipe de France a été éliminée de l’Euro 2024 par l’Espagne.", "Euro 2024"),
        ("Le Mondial 2026 se jouera en Amérique du Nord.", "Mondial 2026"),
        ("Les Jeux olympiques 2024 ont coûté 9 milliards.", "Jeux olympiques 2024"),
    ],
)
def test_entities_competition_and_its_year_is_one_event(
    nlp: Language, text: str, mention: str
) -> None:
    assert _find(_hits(nlp, text), mention).label == "MISC"


@pytest.mark.parametrize(
    ("text", "mention"),
    [
        ("Le RC Lens a battu le FC Nantes 3-0 à Bollaert.", "FC Nantes"),
        ("Le PSG a battu le Stade rennais 2-1 dimanche.", "Stade rennais"),
    ],
)
def test_entities_score_after_a_club_is_not_in_its_name(
    nlp: Language, text: str, mention: str
) -> None:
    assert _find(_hits(nlp, text), mention).label == "ORG"


@pytest.mark.parametrize(
    ("text", "mention"),
    [
        ("La mairie de Lille a voté un budget de 800 millions d’euros.", "mairie de Lille"),
        ("Le tribunal de Paris a condamné le prévenu.", "tribunal de Paris"),
    ],
)
def test_entities_institution_head_before_a_place_is_org(
    nlp: Language, text: str, mention: str
) -> None:
    assert _find(_hits(nlp, text), mention).label == "ORG"


@pytest.mark.parametrize(
    ("text", "mention"),
    [
        ("Des orages ont frappé la Gironde dans la nuit.", "Gironde"),
        ("Le préfet de Haute-Savoie a pris un arrêté.", "Haute-Savoie"),
        ("Un incendie a ravagé 300 hectares dans les Bouches-du-Rhône.", "Bouches-du-Rhône"),
    ],
)
def test_entities_french_departments_are_places(nlp: Language, text: str, mention: str) -> None:
    hit = _find(_hits(nlp, text), mention)
    assert (hit.label, hit.name) == ("LOC", mention)


def test_entities_common_noun_complement_after_a_place_is_cut(nlp: Language) -> None:
    text = "Donald Trump a menacé l’Union européenne de droits de douane de 25 %."
    # The European Union is an organisation (brands.json), not a place.
    assert _find(_hits(nlp, text), "Union européenne").label == "ORG"


def test_entities_rugby_club_is_org(nlp: Language) -> None:
    text = "Le Stade toulousain a battu l’Union Bordeaux-Bègles 59-3."
    assert _find(_hits(nlp, text), "Union Bordeaux-Bègles").label == "ORG"


@pytest.mark.parametrize(
    ("text", "surname", "name"),
    [
        (
            "La navigatrice Justine Mettraux a bouclé la course. Mettraux, 37 ans, devance"
            " deux rivaux.",
            "Mettraux",
            "Justine Mettraux",
        ),
        (
            "Le juge a entendu Mathieu Kerbrat mardi. Kerbrat conteste les faits.",
            "Kerbrat",
            "Mathieu Kerbrat",
        ),
    ],
)
def test_entities_surname_alone_after_the_full_name_is_that_person(
    nlp: Language, text: str, surname: str, name: str
) -> None:
    later = [h for h in _hits(nlp, text) if h.text == surname]
    assert [(h.label, h.name) for h in later] == [("PER", name)]


def test_entities_heading_of_common_words_before_a_name_keeps_the_name_only(
    nlp: Language,
) -> None:
    text = "Élection présidentielle en Argentine : Javier Milei l'emporte\n\nIl a gagné."
    hits = _hits(nlp, text)
    assert ("Élection présidentielle en Argentine", "MISC") not in [(h.text, h.label) for h in hits]
    assert _find(hits, "Argentine").label == "LOC"


@pytest.mark.parametrize(
    ("text", "long_form", "acronym"),
    [
        (
            "Les expéditions ont reculé de 6 %, selon le Comité interprofessionnel du "
            "vin de Champagne (CIVC).",
            "Comité interprofessionnel du vin de Champagne",
            "CIVC",
        ),
        (
            "La Chambre de commerce et d'industrie de Lyon (CCIL) a publié son bilan.",
            "Chambre de commerce et d'industrie de Lyon",
            "CCIL",
        ),
        (
            "L'Observatoire régional de santé de Bretagne (ORSB) a compté 300 cas.",
            "Observatoire régional de santé de Bretagne",
            "ORSB",
        ),
    ],
)
def test_entities_full_name_spelt_by_a_bracketed_acronym_is_one_organisation(
    nlp: Language, text: str, long_form: str, acronym: str
) -> None:
    hits = _hits(nlp, text)
    whole = _find(hits, long_form)
    short = _find(hits, acronym)
    assert (whole.label, short.label) == ("ORG", "ORG")
    assert whole.name == short.name == long_form


def test_entities_capitalised_common_noun_spelt_by_an_acronym_is_no_organisation(
    nlp: Language,
) -> None:
    hits = _hits(nlp, "La Zone à faibles émissions (ZFE) entre en vigueur à Lyon.")
    assert [h.text for h in hits if h.label == "ORG"] == []


@pytest.mark.parametrize(
    ("text", "name"),
    [
        # (a hyphenated head noun, which the tokenizer splits: ``start-up``)
        ("La start-up Qonto a levé 500 millions d'euros.", "Qonto"),
        ("L'organisme Interbev juge la situation préoccupante.", "Interbev"),
    ],
)
def test_entities_name_after_an_organisation_head_noun_is_an_organisation(
    nlp: Language, text: str, name: str
) -> None:
    assert _find(_hits(nlp, text), name).label == "ORG"


@pytest.mark.parametrize(
    "text", ["Les ventes ont crû de 9 % au Moyen-Orient.", "Les violences gagnent le Caucase."]
)
def test_entities_world_region_is_a_place(nlp: Language, text: str) -> None:
    hits = _hits(nlp, text)
    assert [h.label for h in hits] == ["LOC"]


@pytest.mark.parametrize(
    ("text", "mention"),
    [
        # (a maker the lexicon does not list, then its model's code)
        ("La Leapmotor T03 coûte 18 900 euros.", "Leapmotor T03"),
        ("Le Xpeng G6 est vendu 41 000 euros.", "Xpeng G6"),
        ("L'Omoda 5 est proposé à 29 900 euros.", "Omoda 5"),
    ],
)
def test_entities_unknown_maker_and_model_code_is_a_product(
    nlp: Language, text: str, mention: str
) -> None:
    assert _find(_hits(nlp, text), mention).label == "PRODUCT"


def test_entities_name_and_year_is_no_product(nlp: Language) -> None:
    assert all(h.label != "PRODUCT" for h in _hits(nlp, "Les Jeux de Paris 2024 ont coûté cher."))


def test_entities_sentence_initial_common_word_kept_when_the_text_writes_the_name_mid_sentence(
    nlp: Language,
) -> None:
    # (``Air`` opening a sentence reads as the common word; the same two words written
    # mid-sentence elsewhere in the text show they are one name)
    text = (
        "Le vol a été assuré par la compagnie Air Madagascar. "
        "Air Madagascar a transporté 400 000 passagers."
    )
    names = [(h.text, h.start) for h in _hits(nlp, text) if h.label == "ORG"]
    assert ("Air Madagascar", text.rindex("Air Madagascar")) in names


@pytest.mark.parametrize(
    ("text", "mention"),
    [
        ("L'Allemagne a annoncé l'achat de 35 avions F-35 pour 8,3 milliards d'euros.", "F-35"),
        ("L'armée a reçu 12 drones Reaper.", "Reaper"),
    ],
)
def test_entities_name_after_a_noun_of_a_kind_of_machine_is_a_product(
    nlp: Language, text: str, mention: str
) -> None:
    assert _find(_hits(nlp, text), mention).label == "PRODUCT"


@pytest.mark.parametrize(
    ("text", "mention", "label"),
    [
        # a town's article written capitalised mid-sentence is part of its name ...
        ("Le ferry venait de La Rochelle quand la tempête a éclaté.", "La Rochelle", "LOC"),
        ("Les supporters ont fait le trajet jusqu'à Le Havre en car.", "Le Havre", "LOC"),
        # ... and a club named by a town adjective is an organisation, capitalised or not
        ("Le Stade Rochelais a battu Clermont samedi.", "Stade Rochelais", "ORG"),
        ("Le Stade Lavallois a recruté un attaquant.", "Stade Lavallois", "ORG"),
        # (a stadium named after a place or a person stays a place)
        ("La finale se jouera au Stade de France en juin.", "Stade de France", "LOC"),
    ],
)
def test_entities_town_article_and_club_adjective_belong_to_the_name(
    nlp: Language, text: str, mention: str, label: str
) -> None:
    assert _find(_hits(nlp, text), mention).label == label


@pytest.mark.parametrize(
    "text", ["Menés à la pause, les Rochelais ont réagi.", "Le maire a reçu des Lavallois."]
)
def test_entities_people_of_a_town_after_a_plural_article_are_no_name(
    nlp: Language, text: str
) -> None:
    assert [h.text for h in _hits(nlp, text)] == []


def test_entities_full_stop_after_a_name_ending_in_a_capital_is_no_part_of_it(
    nlp: Language,
) -> None:
    # (the tokenizer keeps ``X.`` together, as it would an initial)
    hits = _hits(nlp, "Le satellite a été lancé par une fusée de SpaceX. Il est en orbite.")
    assert "SpaceX" in [h.text for h in hits]


def test_entities_first_name_and_surname_found_apart_are_one_person(nlp: Language) -> None:
    # (a layer finds the first name after the role, the NER the surname alone)
    hits = _hits(nlp, "La Première ministre Mette Sørensen a démissionné.")
    assert [(h.text, h.label) for h in hits if h.label == "PER"] == [("Mette Sørensen", "PER")]


@pytest.mark.parametrize(
    ("text", "mention", "label"),
    [
        ("Le feu a touché Le Beausset, qui compte 9 000 habitants.", "Le Beausset", "LOC"),
        ("Tacna, qui compte 300 000 habitants, a été inondée.", "Tacna", "LOC"),
        # a head noun of a company or of a product before the name
        ("Le bailleur Logirem a été condamné.", "Logirem", "ORG"),
        ("Le jeu Hollow Knight s'est bien vendu.", "Hollow Knight", "PRODUCT"),
    ],
)
def test_entities_name_followed_by_its_inhabitants_or_after_a_head_noun_takes_their_label(
    nlp: Language, text: str, mention: str, label: str
) -> None:
    assert _find(_hits(nlp, text), mention).label == label


@pytest.mark.parametrize(
    ("text", "mention", "label"),
    [
        # the head noun of an apposition after the name
        ("Lagardel, premier collecteur de lait du pays, baisse ses prix.", "Lagardel", "ORG"),
        # a shipyard's name after its head noun; an acronym after a noun of a relation
        ("Le chantier breton Kermarec lance un voilier.", "Kermarec", "ORG"),
        # an investment fund and a publisher are companies
        ("Les magasins ont été cédés au fonds Ardavan.", "Ardavan", "ORG"),
        ("L'éditeur Kalvora a licencié 40 personnes.", "Kalvora", "ORG"),
        # (an adjective of a region the tagger takes for a proper noun)
        ("Le fabricant vendéen Morvane Cycles a dû supprimer 40 emplois.", "Morvane Cycles", "ORG"),
        ("Son concurrent RXT a perdu 4 %.", "RXT", "ORG"),
        # a demonym in lower case as the noun before a name: a company of that country
        ("Il a devancé l'américain Zentrix sur le marché.", "Zentrix", "ORG"),
        # a company's head noun and its complement before the name (not a name after
        # ``de``, which owns the company)
        ("La plateforme de location de vélos Pedalo a levé 8 millions.", "Pedalo", "ORG"),
        ("La société de production de Jean Morel a fermé.", "Jean Morel", "PER"),
        # a venue's head noun
        (
            "Elle a gagné sur le court Suzanne-Lenglen devant 10 000 spectateurs.",
            "Suzanne-Lenglen",
            "LOC",
        ),
        # (after a preposition, what follows the comma is the clause, no apposition)
        ("Fondée à Vitrolles, l'entreprise emploie 80 personnes.", "Vitrolles", "LOC"),
        # a name opening with an organisation's head noun, whatever the NER said
        ("La Compagnie des Vosges exploite neuf domaines.", "Compagnie des Vosges", "ORG"),
        # a plural head noun before a list of names types each of them
        ("Les tempêtes Ulrich et Martin ont frappé la côte.", "Martin", "MISC"),
    ],
)
def test_entities_head_noun_beside_a_name_or_before_its_list_gives_the_label(
    nlp: Language, text: str, mention: str, label: str
) -> None:
    assert _find(_hits(nlp, text), mention).label == label


@pytest.mark.parametrize(
    ("text", "name"),
    [
        (
            "L'Office national de la protection des réseaux d'irrigation a publié un avis.",
            "Office national de la protection des réseaux d'irrigation",
        ),
        # (an institution's head and one adjective)
        (
            "L'Agence européenne du médicament a rendu un avis favorable.",
            "Agence européenne du médicament",
        ),
    ],
)
def test_entities_organisation_name_goes_on_through_its_complement(
    nlp: Language, text: str, name: str
) -> None:
    assert [h.text for h in _hits(nlp, text)] == [name]


def test_entities_name_the_lexicon_labels_elsewhere_takes_that_label_in_a_title(
    nlp: Language,
) -> None:
    # (``Orange`` is a town too: the NER reads the headline's mention as one)
    text = "Orange recule dans le mobile\n\nL'opérateur Orange a perdu 95 000 abonnés."
    assert {h.label for h in _hits(nlp, text) if h.text == "Orange"} == {"ORG"}


def test_entities_sentence_opening_on_a_name_the_article_gave_is_that_name(
    nlp: Language,
) -> None:
    # (``Tilleul`` is a French word: the NER lets it pass at a sentence's start)
    text = (
        "Le distributeur breton Tilleul a annoncé jeudi la fermeture de 12 magasins. "
        "Tilleul, qui emploie 900 salariés, traverse une crise."
    )
    assert [(h.text, h.label) for h in _hits(nlp, text)] == [
        ("Tilleul", "ORG"),
        ("Tilleul", "ORG"),
    ]


def test_entities_elided_preposition_before_one_word_is_no_part_of_the_name(
    nlp: Language,
) -> None:
    text = "Le groupe a vendu 60 supermarchés à Les Mousquetaires, maison mère d'Intermarché."
    assert "Intermarché" in [h.text for h in _hits(nlp, text)]


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("Selon l'agence Standard & Poor's, la note reste stable.", "Standard & Poor's"),
        ("La chaîne Domino's a ouvert 40 restaurants en un an.", "Domino's"),
        # (any short lower-case word glued after an apostrophe inside a name)
        ("Le service de vélos Vélo'v compte 70 000 abonnés.", "Vélo'v"),
    ],
)
def test_entities_short_word_glued_after_an_apostrophe_belongs_to_the_name(
    nlp: Language, text: str, name: str
) -> None:
    assert name in [h.text for h in _hits(nlp, text)]


@pytest.mark.parametrize(
    ("text", "mention", "label"),
    [
        # a company's head noun with a complement opened by ``à`` or ``en``
        ("La filiale à bas coûts Volotea a ouvert trois lignes.", "Volotea", "ORG"),
        ("La banque en ligne Orvéa gagne des clients.", "Orvéa", "ORG"),
        # a name right after ``des`` is the complement's, not the head's (``stations``)
        (
            "Ski : un bon début de saison pour les stations des Alpes du Sud",
            "Alpes du Sud",
            "LOC",
        ),
    ],
)
def test_entities_company_head_past_its_complement_but_not_through_de(
    nlp: Language, text: str, mention: str, label: str
) -> None:
    assert _find(_hits(nlp, text), mention).label == label


@pytest.mark.parametrize(
    ("text", "name"),
    [
        # a name written with a lower-case first letter and a capital inside
        ("La compagnie easyJet a transporté 90 millions de passagers.", "easyJet"),
        # a subsidiary the NER names with a listed brand and capitalised words after it
        (
            "Le gestionnaire, filiale de Vinci Airports, investira 80 millions d'euros.",
            "Vinci Airports",
        ),
    ],
)
def test_entities_camel_case_names_and_subsidiaries_of_a_listed_brand_are_whole(
    nlp: Language, text: str, name: str
) -> None:
    assert name in [h.text for h in _hits(nlp, text)]


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("Le réalisateur a reçu la Palme d'or samedi soir.", "Palme d'or"),
        ("L'attaquant a remporté le Ballon d'or en 2023.", "Ballon d'or"),
    ],
)
def test_entities_short_word_after_an_elided_de_ends_the_name(
    nlp: Language, text: str, name: str
) -> None:
    assert name in [h.text for h in _hits(nlp, text)]


@pytest.mark.parametrize(
    "text",
    [
        "Le gestionnaire d'Ehpad exploite 300 établissements.",
        "Les résidents des EHPAD du département seront vaccinés.",
        "Le bailleur social gère 20 000 HLM en Bretagne.",
    ],
)
def test_entities_common_noun_acronyms_of_housing_and_care_are_no_names(
    nlp: Language, text: str
) -> None:
    assert [h.text for h in _hits(nlp, text) if h.text in {"Ehpad", "EHPAD", "HLM"}] == []


@pytest.mark.parametrize(
    ("text", "mention", "label"),
    [
        # a division of a sport named by its number is a competition, not a model
        ("Le club a retrouvé la Ligue 2 après trois saisons.", "Ligue 2", "MISC"),
        ("Castres reste en tête du Top 14 à la trêve.", "Top 14", "MISC"),
        # ... and so is a stock index, its number joined where the NER left it out
        ("Bourse : le CAC 40 recule de 0,8 % à la clôture.", "CAC 40", "MISC"),
        ("Le SBF 120 a fini la séance sur une hausse de 0,5 %.", "SBF 120", "MISC"),
        # a town's or an area's body: the ``Métropole`` after it, an acronym before it
        ("Rennes Métropole a voté son budget jeudi.", "Rennes Métropole", "ORG"),
        ("Selon la CCI Normandie, les exportations ont reculé.", "CCI Normandie", "ORG"),
    ],
)
def test_entities_competitions_and_bodies_of_a_place_get_their_kind(
    nlp: Language, text: str, mention: str, label: str
) -> None:
    assert _find(_hits(nlp, text), mention).label == label


def test_entities_a_firms_management_is_named_by_the_firm_alone(nlp: Language) -> None:
    hits = _hits(nlp, "Les syndicats ont rencontré la direction de Lactalis mardi.")
    assert [h.text for h in hits] == ["Lactalis"]


def test_entities_a_feminine_adjective_opening_a_sentence_is_no_name(nlp: Language) -> None:
    hits = _hits(nlp, "Bonne affaire pour les locataires. Le loyer moyen recule.")
    assert [h.text for h in hits] == []


@pytest.mark.parametrize(
    ("text", "mention"),
    [
        ("Peugeot a présenté jeudi la Vela, sa nouvelle berline hybride.", "Vela"),
        ("Le laboratoire commercialise le Fébrinor, un médicament contre la fièvre.", "Fébrinor"),
    ],
)
def test_entities_a_name_set_beside_a_kind_of_product_is_a_product(
    nlp: Language, text: str, mention: str
) -> None:
    assert _find(_hits(nlp, text), mention).label == "PRODUCT"


@pytest.mark.parametrize(
    ("text", "mention", "name"),
    [
        # a town whose name opens on its article keeps it, even when ``du``, ``au`` or
        # ``aux`` swallowed it, and where it opens the sentence
        ("Les chantiers navals du Havre recrutent.", "Havre", "Le Havre"),
        ("Le Mans attend 300 000 spectateurs.", "Le Mans", "Le Mans"),
        ("Le skipper est rentré aux Sables-d'Olonne.", "Sables-d'Olonne", "Les Sables-d'Olonne"),
    ],
)
def test_entities_a_town_named_with_its_article_keeps_it(
    nlp: Language, text: str, mention: str, name: str
) -> None:
    assert _find(_hits(nlp, text), mention).name == name


def test_entities_an_acronym_before_de_and_a_place_is_a_body(nlp: Language) -> None:
    hits = _hits(nlp, "Selon la CMA de Bretagne, les artisans recrutent.")
    assert _find(hits, "CMA de Bretagne").label == "ORG"


@pytest.mark.parametrize(
    ("text", "mention"),
    [
        ("La biotech lyonnaise Genvira a annoncé hier des résultats.", "Genvira"),
        ("La licorne française Mylvane a levé 200 millions.", "Mylvane"),
        ("La pépite bordelaise Sunvia a recruté.", "Sunvia"),
        ("Les Hospices civils de Lyon recrutent des infirmiers.", "Hospices civils de Lyon"),
    ],
)
def test_entities_young_firms_and_hospices_are_organisations(
    nlp: Language, text: str, mention: str
) -> None:
    assert _find(_hits(nlp, text), mention).label == "ORG"
