"""Who speaks of a figure is not what it is about: a person announcing or pledging it, and
anyone demanding it, on new French sentences (none from the gold articles); SPEC, "Which
subject", point 5."""

from __future__ import annotations

from datetime import date
from typing import Any

import pytest
from spacy.language import Language

from ami_facts.nlp import Pipeline
from pipeline_helpers import figure_containing

ANCHOR = date(2026, 10, 5)


def _figure(nlp: Pipeline, text: str, number: str) -> dict[str, Any]:
    return figure_containing(nlp, text, number, ANCHOR)


@pytest.mark.parametrize(
    ("text", "number"),
    [
        # a person announcing a plan's or a body's figure
        (
            "Le président de la région, Marc Olivier, a annoncé la création de 400 places"
            " en crèche.",
            "400 places",
        ),
        ("Le ministre Paul Renaud a promis l'embauche de 900 surveillants.", "900"),
        # anyone demanding it: the demand's, not the demander's
        ("Les taxis de la FNDT réclament une hausse de 8 % de leurs tarifs.", "8 %"),
        (
            "La députée Lucie Garnier exige un budget de 40 millions d'euros pour l'hôpital.",
            "40 millions",
        ),
    ],
)
def test_linker_a_person_announcing_or_anyone_demanding_a_figure_is_not_its_subject(
    nlp: Language, text: str, number: str
) -> None:
    assert _figure(nlp, text, number)["subject"] is None


@pytest.mark.parametrize(
    ("text", "number", "subject"),
    [
        # a person announcing a figure gives it to the body her role names
        (
            "La directrice générale de Norauto, Claire Vidal, a confirmé l'objectif de 20 %"
            " de part de marché.",
            "20 %",
            "Norauto",
        ),
        # a firm announcing its own figure stays its subject
        ("Decathlon a annoncé la suppression de 300 postes.", "300 postes", "Decathlon"),
        # a person's own deeds stay theirs
        ("Le chanteur Jean Castel a vendu 2 millions d'albums.", "2 millions", "Jean Castel"),
    ],
)
def test_linker_a_body_announcing_or_a_person_acting_keeps_its_figure(
    nlp: Language, text: str, number: str, subject: str
) -> None:
    assert _figure(nlp, text, number)["subject"] == subject


@pytest.mark.parametrize(
    ("text", "number"),
    [
        # who says that a clause holds is its source, however the parser hangs the clause
        (
            "La sociologue Anne Perrin travaille à Lille. Elle rappelle qu'un étudiant sur"
            " cinq vit sous le seuil de pauvreté.",
            "un étudiant sur cinq",
        ),
        (
            "Le maire Paul Arnaud a expliqué que deux tiers des habitants étaient favorables"
            " au projet.",
            "deux tiers",
        ),
    ],
)
def test_linker_who_says_that_a_clause_holds_is_not_its_figures_subject(
    nlp: Language, text: str, number: str
) -> None:
    assert _figure(nlp, text, number)["subject"] is None
