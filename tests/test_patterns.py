"""Word-list patterns: a trie finds what the flat list of words finds, longest first."""

from __future__ import annotations

import re

import pytest

from ami_facts.patterns import alternation

WORDS = ["Rennes", "Reims", "Renault", "Renault Trucks", "Re", "Saint-Denis", "Saint", "N° 1"]


def _flat(words: list[str]) -> str:
    return "|".join(re.escape(w) for w in sorted(set(words), key=len, reverse=True))


@pytest.mark.parametrize(
    "text",
    [
        "Renault Trucks et Renault à Reims, pas à Rennes.",
        "Saint-Denis, Saint-Ouen, Saint Denis, Re.",
        "Renault Truckss N° 1 RenaultX Re-Reims",
        "",
    ],
)
def test_trie_finds_what_the_flat_alternation_finds(text: str) -> None:
    bounded = r"(?<![\w-])(?:{})(?![\w-])"
    expected = [m.span() for m in re.finditer(bounded.format(_flat(WORDS)), text)]
    assert [m.span() for m in re.finditer(bounded.format(alternation(WORDS)), text)] == expected


SHOUTED = "LA MARQUE AUX CHEVRONS"


@pytest.mark.parametrize(
    ("words", "text", "found"),
    [
        (["la marque", "la marque aux chevrons"], SHOUTED, SHOUTED),
        (["Losange", "losange"], "le Losange", "Losange"),
    ],
)
def test_ignore_case_keeps_the_longest_word(words: list[str], text: str, found: str) -> None:
    match = re.search(alternation(words, ignore_case=True), text, re.IGNORECASE)
    assert match is not None and match.group() == found


def test_no_words_match_nothing() -> None:
    assert re.search(alternation([]), "anything") is None
