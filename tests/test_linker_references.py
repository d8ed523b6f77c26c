"""What a pronoun, a possessive, a definite noun or the article's topic gives a figure
across sentences and paragraphs, read on new French sentences (none from the gold
articles)."""

from __future__ import annotations

from datetime import date
from typing import Any

import pytest
from spacy.language import Language

from ami_facts.nlp import Pipeline
from pipeline_helpers import figure_containing

ANCHOR = date(2026, 4, 22)


def _figure(nlp: Pipeline, text: str, number: str) -> dict[str, Any]:
    return figure_containing(nlp, text, number, ANCHOR)


# Each sentence its own paragraph, as short news items are written.
OPERATOR = (
    "L'opérateur Télévia a gagné 210 000 abonnés au premier trimestre.\n\n"
    "Le groupe compte désormais 6,1 millions de clients.\n\n"
    "Dans le mobile, en revanche, il a perdu 70 000 abonnés, face à la concurrence de"
    " l'opérateur Ligno.\n\n"
    "Son chiffre d'affaires s'établit à 4,2 milliards d'euros."
)


@pytest.mark.parametrize(
    ("number", "subject"),
    [
        # a pronoun opening a paragraph after one that opens on a definite noun: what
        # that noun refers back to
        ("70 000", "Télévia"),
        # a possessive after a sentence whose last name is a complement and whose
        # subject is a pronoun: what that pronoun stands for
        ("4,2 milliards", "Télévia"),
    ],
)
def test_linker_reference_goes_through_a_definite_noun_or_a_pronoun_before_it(
    nlp: Language, number: str, subject: str
) -> None:
    assert _figure(nlp, OPERATOR, number)["subject"] == subject


def test_linker_count_of_things_of_the_topics_kind_is_not_the_topics(nlp: Language) -> None:
    text = (
        "Cyberattaque : la clinique du Parc paralysée depuis trois jours\n\n"
        "Les médecins de l'établissement travaillent toujours sur papier.\n\n"
        "Quelque 400 rendez-vous ont dû être annulés.\n\n"
        "En 2025, 23 cliniques françaises ont été visées par des attaques de ce type."
    )
    assert _figure(nlp, text, "23 cliniques")["subject"] is None


def test_linker_time_a_race_took_after_en_is_a_duration(nlp: Language) -> None:
    text = "Chez les juniors, le Norvégien Lars Eide a terminé en 2 h 31 min 12 s."
    assert _figure(nlp, text, "2 h 31")["metric"] == "duration"


@pytest.mark.parametrize(
    ("text", "number", "metric"),
    [
        # what a verb of earning has for its subject earned the money: no price
        ("Le billet de train a rapporté 61 millions d'euros l'an dernier.", "61", "revenue"),
        # the parser hanging the figure on the noun's adjective
        ("Les apiculteurs réclament un prix minimum de 14 euros.", "14 euros", "price"),
        # the level after a change is no change
        ("Nantes affiche une baisse de 3 %, à 3 100 euros le mètre carré.", "3 100", "price"),
    ],
)
def test_linker_money_earned_priced_by_a_noun_with_its_adjective_or_reached_after_a_change(
    nlp: Language, text: str, number: str, metric: str
) -> None:
    assert _figure(nlp, text, number)["metric"] == metric


def test_linker_figure_of_a_whole_trade_is_not_the_articles_company(nlp: Language) -> None:
    text = (
        "Le brasseur Houblonne rachète une malterie\n\n"
        "Le brasseur Houblonne a racheté une malterie alsacienne, a-t-il annoncé mardi.\n\n"
        "Le groupe produira ainsi lui-même son malt.\n\n"
        "La filière brassicole française emploie 8 500 personnes."
    )
    assert _figure(nlp, text, "8 500")["subject"] is None


def test_linker_name_set_beside_the_subject_after_a_plural_complement_is_referred_to(
    nlp: Language,
) -> None:
    # (``des pneumatiques`` is the complement of ``numéro un``, the name is set beside it)
    text = (
        "Le numéro un mondial des pneumatiques Michelin a réalisé 27 milliards d'euros de"
        " ventes.\n\n"
        "Ses ventes progressent de 4,2 %, a précisé le groupe jeudi."
    )
    assert _figure(nlp, text, "4,2")["subject"] == "Michelin"


def test_linker_people_a_survey_is_made_among_are_no_ones(nlp: Language) -> None:
    text = (
        "Le parti Horizon en tête d'un sondage\n\n"
        "Le parti Horizon recueille 24 % des intentions de vote.\n\n"
        "L'enquête a été réalisée en ligne du 2 au 4 mai auprès de 1 003 personnes."
    )
    assert _figure(nlp, text, "1 003")["subject"] is None


def test_linker_pronoun_subject_measures_what_the_sentence_before_is_about(
    nlp: Language,
) -> None:
    text = (
        "Le prix moyen du loyer a reculé de 2 % en un an à Rennes.\n\n"
        "À Brest, il s'établit à 640 euros, en repli de 1 %."
    )
    assert _figure(nlp, text, "640")["metric"] == "price"


def test_linker_definite_noun_with_an_origin_refers_to_the_name_given_that_origin(
    nlp: Language,
) -> None:
    text = (
        "Le constructeur chinois Leapmotor s'installe en Espagne\n\n"
        "Leapmotor va produire des voitures électriques à Saragosse, dans l'usine de"
        " Renault, à partir de 2027.\n\n"
        "Le site assemblera 150 000 véhicules par an à terme, a indiqué le groupe.\n\n"
        "Renault détient 21 % du capital de Leapmotor depuis 2023.\n\n"
        "La marque chinoise a vendu 290 000 voitures dans le monde en 2025."
    )
    assert _figure(nlp, text, "290 000")["subject"] == "Leapmotor"


def test_linker_age_of_a_definite_noun_is_of_the_name_it_refers_back_to(nlp: Language) -> None:
    text = (
        "Le FC Nantes a officialisé l'arrivée de l'attaquant brésilien Lucas Moreira.\n\n"
        "Le montant du transfert atteint 40 millions d'euros, selon la presse sportive.\n\n"
        "Le joueur de 24 ans a signé un contrat de quatre saisons."
    )
    assert _figure(nlp, text, "24 ans")["subject"] == "Lucas Moreira"


@pytest.mark.parametrize(
    ("text", "number", "subject"),
    [
        # the person a role's apposition names holds the role, not its organisation
        (
            "Le candidat du Rassemblement national, Paul Girard, obtient 12 % des voix.",
            "12 %",
            "Paul Girard",
        ),
        # ... also where the parser hangs the apposition on the role's complement
        (
            "La maire sortante de Saint-Nazaire, Sophie Kerléo, est arrivée en tête avec 36,2 %"
            " des suffrages.",
            "36,2 %",
            "Sophie Kerléo",
        ),
        # ... whose earnings stay the organisation's
        (
            "La présidente de Danone, Léa Morvan, a annoncé un bénéfice de 2 milliards d'euros.",
            "2 milliards",
            "Danone",
        ),
    ],
)
def test_linker_role_noun_with_a_name_in_apposition_is_that_person(
    nlp: Language, text: str, number: str, subject: str
) -> None:
    assert _figure(nlp, text, number)["subject"] == subject


@pytest.mark.parametrize(
    ("text", "number", "subject"),
    [
        # a region or a department refers back to one named with its article
        (
            "Le festival se tient à Carhaix, dans le Finistère, depuis 1992. Le département a"
            " perdu 2 % de ses habitants en dix ans.",
            "2 %",
            "Finistère",
        ),
        # ... not to a town, whose possessive stays the unnamed department's
        (
            "Le salon se tient chaque année à Vesoul. Le département a perdu 3 % de sa"
            " population en dix ans.",
            "3 %",
            None,
        ),
        # ... nor to a country
        (
            "Les vins de la coopérative partent vers le Japon. La région a investi 3 millions"
            " d'euros dans le port.",
            "3 millions",
            None,
        ),
    ],
)
def test_linker_region_or_department_refers_back_to_neither_a_town_nor_a_country(
    nlp: Language, text: str, number: str, subject: str | None
) -> None:
    assert _figure(nlp, text, number)["subject"] == subject
