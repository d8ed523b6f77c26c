"""Word-list patterns: a trie finds what the flat list of words finds, longest first."""

from __future__ import annotations

import re

import pytest

from ami_facts.patterns import alternation, by_first_char

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


BRANCHES = [r"moins\s+de", r"plus\s+de", r"moins\s+d['’]", r"pas\s+plus\s+de", r"près\s+de", "<"]


@pytest.mark.parametrize(
    "text",
    ["moins de 5, plus de 6, moins d'un, pas plus de 7 < 8", "MOINS DE 3 et Près de 4", ""],
)
def test_branches_grouped_by_first_char_find_what_the_flat_alternation_finds(text: str) -> None:
    grouped = re.compile(f"(?i:{by_first_char(BRANCHES)})")
    expected = [m.span() for m in re.finditer(f"(?i:{'|'.join(BRANCHES)})", text)]
    assert [m.span() for m in grouped.finditer(text)] == expected


@pytest.mark.parametrize("branch", [r"\d+ ans", "(?:a|b)", ""])
def test_branches_grouped_by_first_char_must_start_with_a_literal(branch: str) -> None:
    with pytest.raises(ValueError, match="literal"):
        by_first_char(["mois", branch])
