"""Boilerplate is marked by ranges, never cut."""

from __future__ import annotations

from datetime import date

import pytest

from ami_facts.boilerplate import find_boilerplate

BODY = "Premier paragraphe de l'article.\nSecond paragraphe avec 12 voitures.\n\n"


@pytest.mark.parametrize(
    "heading",
    [
        "Recent Posts",
        "À lire aussi",
        "Sur le même sujet",
        "Articles similaires",
        "Newsletter",
        "Partager :",
    ],
)
def test_boilerplate_trailing_section_ends_the_body(heading: str) -> None:
    text = BODY + heading + "\n\nUn autre article : 3 000 ventes\n"
    found = find_boilerplate(text)
    assert text[found.body_end :].lstrip().startswith(heading)


@pytest.mark.parametrize(
    "tail",
    ["(https://fr.wikinews.org/wiki/X, le 3 juin 2023, Catastrophes)", "https://exemple.fr/a"],
)
def test_boilerplate_closing_source_line_is_outside_the_body(tail: str) -> None:
    text = BODY + tail + "\n"
    assert find_boilerplate(text).body_end <= text.index(tail)


def test_boilerplate_byline_is_excluded_and_gives_published() -> None:
    byline = "Par Jean Dupont Publié le 21/07/2021 à 10h00 Mis à jour le 24/12/2021"
    text = byline + "\n" + BODY
    found = find_boilerplate(text)
    assert found.byline_published == date(2021, 7, 21)
    assert (0, len(byline)) in found.excluded


@pytest.mark.parametrize("line", ["À lire aussi : la Twizy", "Photo : AFP", "VOIR LES PHOTOS"])
def test_boilerplate_inline_lines_are_excluded(line: str) -> None:
    text = "Début.\n" + line + "\n" + BODY
    start = text.index(line)
    assert (start, start + len(line)) in find_boilerplate(text).excluded


def test_boilerplate_text_without_any_keeps_everything() -> None:
    assert find_boilerplate(BODY).body_end == len(BODY.rstrip())
