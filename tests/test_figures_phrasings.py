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
