"""Figures in phrasings the fixtures do not have (issues 15 and 19): sentences of our own."""

from __future__ import annotations

import pytest

from ami_facts.components.figures import find_figures
from ami_facts.hits import FigureHit


def _figures(text: str) -> list[FigureHit]:
    return find_figures(text)


def _one(text: str, core: str) -> FigureHit:
    found = [f for f in _figures(text) if core in f.text]
    assert len(found) == 1, (text, [(f.text, f.value) for f in _figures(text)])
    return found[0]


# --- issue 19, item 2: footnote and list markers are references, not figures -------------


@pytest.mark.parametrize(
    "text",
    [
        "Une enquête récente [1] confirme la tendance.",
        "Le ministère l'a reconnu [23] sans donner de détail.",
        "Comme le note l'auteur 4] la hausse est durable.",
        "Il a simplement répondu « 2 » au questionnaire.",
        "La mesure est jugée efficace 1* par les experts.",
        "Le prix recule de 8 %2 selon l'institut.",
        "Voir la section 12 du règlement intérieur.",
        "1. Remplir le formulaire en ligne\n2. Joindre les justificatifs",
        "Les étapes :\n1) Ouvrir un compte\n2) Valider l'adresse",
    ],
)
def test_figures_markers_are_not_figures(text: str) -> None:
    assert not [f for f in _figures(text) if f.kind in ("count", "rank")]


@pytest.mark.parametrize(
    ("text", "core", "value"),
    [
        ("La commune compte 1 200 habitants [3].", "1 200", 1200.0),
        ("1. Dupont (Fra) en tête du classement", "1", 1.0),
    ],
)
def test_figures_markers_leave_the_figures_around_them(text: str, core: str, value: float) -> None:
    assert _one(text, core).value == value


# --- issue 19, item 6: a unit word that is also a common noun ----------------------------


@pytest.mark.parametrize(
    ("text", "unit", "counted"),
    [
        ("Au total, 84 livres ont été critiqués par le jury.", None, "livre"),
        ("La librairie du quartier a vendu 84 livres cette semaine.", None, "livre"),
        ("Le billet d'entrée coûte 84 livres au guichet.", "GBP", None),
        ("Il a cédé sa collection pour 84 livres.", "GBP", None),
        ("Le transfert s'élève à 30 millions de livres.", "GBP", None),
        ("Il a gagné 84 livres sterling au loto.", "GBP", None),
        ("La rue compte désormais 30 bars et restaurants.", None, "bar"),
        ("Les pneus doivent être gonflés à 2 bars.", "bar", None),
        ("Il a levé les deux pouces en signe de victoire.", None, "pouce"),
        ("Le téléviseur a un écran de 55 pouces.", "inch", None),
        ("Ils étaient 200 francs-maçons réunis au temple.", None, "franc-maçon"),
    ],
)
def test_figures_unit_word_or_common_noun(text: str, unit: str | None, counted: str | None) -> None:
    figures = _figures(text)
    assert len(figures) == 1, [(f.text, f.unit) for f in figures]
    assert (figures[0].unit, figures[0].counted) == (unit, counted)


# --- issue 15: fractions and ratios are kind ratio, the fraction as value ----------------


@pytest.mark.parametrize(
    ("text", "core", "value"),
    [
        ("Les trois cinquièmes des communes ont signé.", "cinquièmes", 0.6),
        ("Un quart des adhérents a voté contre.", "quart", 0.25),
        ("Un Belge sur quatre dort mal.", "sur quatre", 0.25),
        ("Près d'un élève sur dix redouble.", "sur dix", 0.1),
        ("Au contrôle, 1 sur 20 était en infraction.", "1 sur 20", 0.05),
        ("Deux sur trois ont refusé l'offre.", "sur trois", 2 / 3),
        ("L'équipe a gagné 3 matchs sur 5 à domicile.", "sur 5", 0.6),
        ("Les deux tiers des recettes viennent de l'export.", "deux tiers", 2 / 3),
        ("La moitié des places est déjà réservée.", "moitié", 0.5),
        ("Le tiers du budget va aux salaires.", "tiers", 1 / 3),
        ("Un dixième des parcelles est en friche.", "dixième", 0.1),
        ("Le sondage dit que 1/4 des foyers chauffent au bois.", "1/4", 0.25),
        # at the end of a sentence, and one ratio after another joined by ``et``
        ("Le réseau prévoit un RER sur deux.", "sur deux", 0.5),
        ("Il y aura un bus sur deux et un tram sur trois.", "un bus sur deux", 0.5),
        ("Il y aura un bus sur deux et un tram sur trois.", "un tram sur trois", 1 / 3),
    ],
)
def test_figures_ratios(text: str, core: str, value: float) -> None:
    figure = _one(text, core)
    assert figure.kind == "ratio"
    assert figure.value == pytest.approx(value)
    assert figure.unit is None


@pytest.mark.parametrize(
    ("text", "core", "value", "unit"),
    [
        ("Versez trois et deux tiers de litre d'eau.", "trois et deux tiers", 11 / 3, "l"),
        ("Il faut compter deux et trois quarts.", "deux et trois quarts", 2.75, None),
        ("Ajoutez un quart de litre de lait.", "quart", 0.25, "l"),
    ],
)
def test_figures_whole_and_fraction_is_the_sum(
    text: str, core: str, value: float, unit: str | None
) -> None:
    figure = _one(text, core)
    assert figure.value == pytest.approx(value)
    assert figure.unit == unit
    assert figure.kind != "ratio" or (unit is None and value < 1)


@pytest.mark.parametrize(
    "text",
    [
        "Le groupe a investi 3 milliards sur 10 ans.",
        "La route de 5 km sur 2 communes est fermée.",
        "Les vingt cinquièmes places sont prises.",
    ],
)
def test_figures_not_a_ratio(text: str) -> None:
    assert not [f for f in _figures(text) if f.kind == "ratio"]


# --- issue 15: ordinals in every written form --------------------------------------------


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("La skieuse termine 1ère de la descente.", 1.0),
        ("Il se classe 1re au général.", 1.0),
        ("Le coureur arrive 111e au sprint.", 111.0),
        ("Elle décroche la 3e place du concours.", 3.0),
        ("Il finit vingt et unième de l'étape.", 21.0),
        ("Le club est 2nd du championnat.", 2.0),
    ],
)
def test_figures_ordinals_that_rank(text: str, value: float) -> None:
    ranks = [f for f in _figures(text) if f.kind == "rank"]
    assert [f.value for f in ranks] == [value]


@pytest.mark.parametrize(
    "text",
    [
        "La 12e édition du salon ouvre ses portes.",
        "La vingt-deuxième édition a attiré du monde.",
        "Au XXIe siècle, les usages changent.",
        "Il habite dans le 15e arrondissement.",
    ],
)
def test_figures_ordinals_that_name_are_not_figures(text: str) -> None:
    assert _figures(text) == []


# --- issue 15: collective numbers ---------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("Le marchand a livré trois douzaines d'huîtres.", 36.0),
        ("Une demi-douzaine de riverains ont protesté.", 6.0),
        ("Deux centaines de bénévoles sont attendus.", 200.0),
        ("Il a planté 4 douzaines de rosiers.", 48.0),
        ("Une vingtaine de voitures ont brûlé.", 20.0),
    ],
)
def test_figures_collective_numbers(text: str, value: float) -> None:
    figures = _figures(text)
    assert [f.value for f in figures] == [value]
    assert figures[0].approximate


# --- issue 15: technical numbers are not figures ------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "La box répond à l'adresse 10.0.0.138 sur le réseau.",
        "La mise à jour v4.12.3 corrige la faille.",
        "Installez la version 2.7 du pilote.",
        "Le dossier porte la référence 45-123-987.",
        "Son ISBN est 978-2-07-036822-8.",
        "Le standard répond au 04 72 10 30 30.",
    ],
)
def test_figures_technical_numbers_are_not_figures(text: str) -> None:
    assert _figures(text) == []


def test_figures_thousands_with_dots_stay_numbers() -> None:
    assert [f.value for f in _figures("Le site compte 1.234.567 visites.")] == [1234567.0]
