"""The linker: who (subject), what (metric) and when (period) for each figure."""

from __future__ import annotations

from datetime import date
from typing import Any

import pytest
from spacy.language import Language

from ami_facts.components.linker.sentences import sentence_of
from ami_facts.nlp import Pipeline
from pipeline_helpers import run_text

ANCHOR = date(2021, 4, 15)


def _figures(nlp: Pipeline, text: str) -> list[dict[str, Any]]:
    return [figure.model_dump() for figure in run_text(nlp, text, ANCHOR).figures]


def _figure(nlp: Pipeline, text: str, number: str) -> dict[str, Any]:
    for figure in _figures(nlp, text):
        if number in figure["text"]:
            return figure
    raise AssertionError(f"no figure {number!r} in {text!r}")


@pytest.mark.parametrize(
    ("text", "number", "subject", "metric"),
    [
        (
            "L'Ouzbékistan pourrait acheter jusqu'à 36 avions de combat.",
            "36",
            "Ouzbékistan",
            "orders",
        ),
        (
            "La Renault Twizy plaît. La marque au losange a vendu 3.100 exemplaires du modèle.",
            "3.100",
            "Renault Twizy",
            "sales",
        ),
        ("Tesla a livré 180.000 voitures au premier trimestre.", "180.000", "Tesla", "deliveries"),
        # (the parser ends a sentence after this name: it is still the verb's subject)
        (
            "La candidate écologiste Anna Sandberg a fait campagne sur le climat. "
            "Sandberg a obtenu 54 % des voix dimanche.",
            "54",
            "Anna Sandberg",
            "share",
        ),
    ],
)
def test_linker_subject_and_metric_from_the_parse(
    nlp: Language, text: str, number: str, subject: str, metric: str
) -> None:
    figure = _figure(nlp, text, number)
    assert (figure["subject"], figure["metric"]) == (subject, metric)
    assert text[figure["subject_start"] : figure["subject_end"]]


@pytest.mark.parametrize(
    ("text", "number", "metric"),
    [
        ("Environ 120 personnes sont mortes dans l'accident.", "120", "deaths"),
        ("Le chantier prévoit une conduite de 450 mm de diamètre.", "450", "diameter"),
        ("Il a été condamné à 12 ans de prison.", "12", "duration"),
        # the years after ``l'âge ... de`` are an age, however long the noun's complement
        ("La loi repousse l'âge légal de départ à la retraite à 64 ans.", "64", "age"),
        ("Environ 35 % des Français lisent la presse.", "35", "share"),
        # a participle right after the counted noun, and a part of that figure after
        # ``dont``, say what befell them, not the verb the parser joins them to
        (
            "Un ouvrier a été tué et 12 personnes blessées, dont deux grièvement.",
            "12",
            "injured",
        ),
        (
            "Un ouvrier a été tué et 12 personnes blessées, dont deux grièvement.",
            "deux",
            "injured",
        ),
        # years opening the sentence before a person are that person's age; not before a
        # thing (``À cinq ans, la mairie``)
        ("À 19 ans, elle remporte son premier titre mondial.", "19", "age"),
        ("A 72 ans, le romancier publie un dernier livre.", "72", "age"),
        ("À cinq ans, la mairie fera le bilan de la concession.", "cinq", "duration"),
        # a verb's physical quantity needs a unit of its dimension: square metres are no
        # weight
        (
            "Le module pèse trois tonnes et ses panneaux solaires couvrent 60 mètres carrés.",
            "60",
            None,
        ),
        ("L'engin pèse 900 kilos et ses ailes couvrent 12 mètres carrés.", "12", None),
        # sales in money are what the seller earned; a price is what one thing sells for
        ("Les ventes de Danone ont atteint 27 milliards d'euros.", "27", "revenue"),
        ("La nouvelle citadine sera vendue 19 900 euros.", "19 900", "price"),
        # people something is done to are no population, nor a workforce
        ("Trente habitants ont été relogés par la commune.", "Trente", None),
        ("Les gendarmes ont évacué 150 habitants.", "150", None),
        ("Douze salariés ont été licenciés.", "Douze", None),
        ("Le village compte 1 200 habitants.", "1 200", "population"),
        # a phrase of the lexicon starts a word: ``voyage de`` is not ``âge de``
        ("Le navire rentre au port après un voyage de trois ans.", "trois", "duration"),
        ("Les travaux coûteront 150.000 euros à la commune.", "150.000", "cost"),
    ],
)
def test_linker_metric_from_words_around_the_figure(
    nlp: Language, text: str, number: str, metric: str | None
) -> None:
    assert _figure(nlp, text, number)["metric"] == metric


def test_linker_coordinated_figure_shares_noun_and_metric(nlp: Language) -> None:
    text = "Le constructeur reçoit 1.200 commandes chaque mois soit près de 4000 depuis début mars."
    figure = _figure(nlp, text, "4000")
    assert (figure["counted"], figure["metric"]) == ("commande", "orders")
    assert (figure["period_start"], figure["period_end"]) == ("2021-03-01", "2021-04-15")


@pytest.mark.parametrize(
    ("text", "number", "start", "end"),
    [
        (
            "Entre 2010 et 2015, la croissance est de 0,5 % par an.",
            "0,5",
            "2010-01-01",
            "2015-12-31",
        ),
        ("En 2019, la marque a vendu 4.500 voitures.", "4.500", "2019-01-01", "2019-12-31"),
        ("Rien en 2018, mais 12 pannes cette année.", "12", "2021-01-01", "2021-12-31"),
        (
            "Le site a embauché 300 personnes depuis le 1er janvier.",
            "300",
            "2021-01-01",
            "2021-04-15",
        ),
        (
            "De 2017 à 2019, le prix du gaz a grimpé de 45 %.",
            "45",
            "2017-01-01",
            "2019-12-31",
        ),
        # ``désormais``, ``actuellement`` name no day: the calendar date of their clause
        (
            "Le club compte désormais 4 500 adhérents depuis le 1er janvier.",
            "4 500",
            "2021-01-01",
            "2021-04-15",
        ),
        (
            "Les ventes atteignent actuellement 300 unités en mars.",
            "300",
            "2021-03-01",
            "2021-03-31",
        ),
    ],
)
def test_linker_period_is_the_governing_date(
    nlp: Language, text: str, number: str, start: str, end: str
) -> None:
    figure = _figure(nlp, text, number)
    assert (figure["period_start"], figure["period_end"]) == (start, end)


def test_linker_results_row_names_the_competitor(nlp: Language) -> None:
    text = 'Classement : 1. Dupont (Fr) 47\'07". 2. Martin (Be) à 41". 3. Lefèvre (Fr) à 58".'
    figures = _figures(nlp, text)
    by_text = {f["text"].strip(): f for f in figures}
    rank = next(f for f in figures if f["kind"] == "rank" and f["value"] == 2)
    assert rank["subject"] == "Martin"
    gap = next(f for t, f in by_text.items() if t.startswith("41"))
    assert (gap["subject"], gap["metric"]) == ("Martin", "time_gap")


def test_linker_without_parse_still_finds_periods(fast_nlp: Pipeline) -> None:
    figure = _figure(fast_nlp, "En 2019, la marque a vendu 4.500 voitures.", "4.500")
    assert figure["period_start"] == "2019-01-01"
    assert figure["subject"] is None


@pytest.mark.parametrize(
    ("text", "number", "subject"),
    [
        ("La Renault 5 arrive. Elle offre jusqu'à 410 km d'autonomie.", "410", "Renault 5"),
        ("Peugeot se porte bien. Le constructeur a vendu 12.000 voitures.", "12.000", "Peugeot"),
        (
            "Tesla a livré 1,8 million de voitures.\nLe groupe américain a écoulé 40.000 camions.",
            "40.000",
            "Tesla",
        ),
        ("La Tesla Model Y plaît. Tesla a immatriculé 35.000 voitures.", "35.000", "Tesla"),
        ("La Peugeot 208 se vend bien. Il faut 300 euros pour un plein.", "300", None),
        (
            "La Peugeot 208 se vend bien. Le prix du gazole a dépassé 1,95 euro.",
            "1,95",
            None,
        ),
    ],
)
def test_linker_subject_refers_back_only_when_the_text_does(
    nlp: Language, text: str, number: str, subject: str | None
) -> None:
    assert _figure(nlp, text, number)["subject"] == subject


def test_linker_intertitle_gives_its_section_a_subject(nlp: Language) -> None:
    text = (
        "Le salon ouvre ses portes.\n\n"
        "La Renault 4 électrique, une rivale pour la Fiat 500 ?\n\n"
        "Le constructeur a présenté un prototype. Mais combien de place ? "
        "Il est difficile d'imaginer plus de 400 litres dans ce coffre.\n"
    )
    figure = _figure(nlp, text, "400")
    assert (figure["subject"], figure["metric"]) == ("Renault 4", "capacity")


@pytest.mark.parametrize(
    ("sentences", "offset", "expected"),
    [
        ([(0, 10), (10, 200)], 10, (10, 200)),
        ([(0, 10), (10, 200)], 9, (0, 10)),
        ([(0, 10), (12, 20)], 11, None),
        ([], 0, None),
    ],
)
def test_linker_sentence_of_finds_the_sentence_starting_at_the_offset(
    sentences: list[tuple[int, int]], offset: int, expected: tuple[int, int] | None
) -> None:
    assert sentence_of(sentences, offset) == expected


@pytest.mark.parametrize(
    ("text", "number", "subject", "metric"),
    [
        (
            "Le groupe Volkswagen a réalisé un chiffre d'affaires de 322 milliards d'euros.",
            "322",
            "Volkswagen",
            "revenue",
        ),
        ("La ville de Lyon a investi 45 millions d'euros dans le vélo.", "45", "Lyon", "cost"),
        ("Free a gagné 200.000 abonnés au dernier trimestre.", "200.000", "Free", None),
        ("Les exportations ont représenté 80 % de ses ventes.", "80", None, "share"),
        (
            "Selon une étude publiée par l'Ifop, 42 % des Français jugent les voitures chères.",
            "42",
            None,
            "share",
        ),
        ("Michelin emploie 132.000 salariés dans le monde.", "132.000", "Michelin", "workforce"),
    ],
)
def test_linker_names_and_noun_phrases_give_subject_and_metric(
    nlp: Language, text: str, number: str, subject: str | None, metric: str | None
) -> None:
    figure = _figure(nlp, text, number)
    assert (figure["subject"], figure["metric"]) == (subject, metric)


MAIN_SUBJECT_ARTICLES = [
    (
        "La Dacia Spring fait le plein\n\n"
        "La Dacia Spring attire les familles. La Dacia Spring consomme peu en ville.\n\n"
        "Les livraisons débuteront en juin. Il faudra débourser 16 900 euros.",
        "16 900",
        "Dacia Spring",
    ),
    (
        "Renault Zoé : la fin d'une époque\n\n"
        "La Renault Zoé quitte le catalogue. La Renault Zoé a longtemps dominé son marché.\n\n"
        "Les derniers exemplaires sont en stock. Ils sont proposés à 27 000 euros.",
        "27 000",
        "Renault Zoe",
    ),
    (
        "La Peugeot 208 se renouvelle\n\n"
        "La Peugeot 208 revient avec un nouveau moteur. La Peugeot 208 reste très demandée.\n\n"
        "Les concessionnaires ouvriront samedi. Comptez 21 000 euros pour la version de base.",
        "21 000",
        "Peugeot 208",
    ),
]


@pytest.mark.parametrize(("text", "number", "subject"), MAIN_SUBJECT_ARTICLES)
def test_linker_unnamed_price_falls_back_to_the_articles_main_product(
    nlp: Language, text: str, number: str, subject: str
) -> None:
    """A price in a paragraph that names nothing is the price of what the article is about."""
    figure = _figure(nlp, text, number)
    assert (figure["subject"], figure["metric"]) == (subject, "price")


def test_linker_named_product_wins_over_the_articles_main_product(nlp: Language) -> None:
    text = MAIN_SUBJECT_ARTICLES[0][0] + " La Renault Twingo coûte 19 000 euros."
    assert _figure(nlp, text, "19 000")["subject"] == "Renault Twingo"


@pytest.mark.parametrize(
    ("text", "number", "metric"),
    [
        # a share of a whole, whatever the verb says
        ("Près de 80 % des ménages ont augmenté leur budget.", "80", "share"),
        ("Environ 12 % des salariés ont perdu leur emploi.", "12", "share"),
        # a percentage per unit of time is a change
        ("Le taux atteint 4 % par mois.", "4", "change"),
        ("Les loyers progressent de 3 % par an.", "3", "change"),
        # a gain or a loss of a percentage is a change (``perdre`` alone reads a race gap)
        ("Le titre de l'assureur gagnait 4 % en début de séance.", "4", "change"),
        ("L'action a perdu 7 % depuis janvier.", "7", "change"),
        # a verb raising or cutting something by a percentage
        ("Le département a relevé les tarifs de la cantine de 4 %.", "4", "change"),
        ("La région abaisse de 15 % le prix du billet.", "15", "change"),
        # a noun of a rise the figure is the complement of
        ("Les infirmiers demandent une revalorisation de 8 %.", "8", "change"),
        # (the level such a verb brings a rate to is no change)
        ("Le gouvernement relève le taux de TVA à 20 %.", "20", "share"),
    ],
)
def test_linker_percentage_is_a_share_of_a_whole_or_a_change_over_time(
    nlp: Language, text: str, number: str, metric: str
) -> None:
    assert _figure(nlp, text, number)["metric"] == metric
