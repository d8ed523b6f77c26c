"""Sentence breaks without a model: the fast scan finds what ``SENTENCE_BREAK`` finds."""

from __future__ import annotations

import random

import pytest

from ami_facts.components.dates.context import _SENT_RE, SENTENCE_END
from ami_facts.components.parse import ABBREVIATION, SENTENCE_BREAK, _break_offsets

CASES = [
    "Il a vendu 200 voitures. Elle en a vendu 300.",
    "Titre\n\nLe prix est de 7 000 euros.\n",
    "M. Dupont a 3 ans. « Oui. » Puis : \nla suite !\n\n\n  Fin… 2021 ? (Non.) \t»\nX",
    "\n\nDébut.\nLigne.» \n  Suite:\nEt.  \t \n\t\nA",
]
# Short strings of the characters the breaks are made of, to meet their corner cases.
_ALPHABET = [".", "!", "?", "…", ":", "»", "«", "\n", " ", "\t", "A", "a", "1", "(", '"', "M"]
_RANDOM = random.Random(7)
FUZZ = ["".join(_RANDOM.choices(_ALPHABET, k=_RANDOM.randint(0, 30))) for _ in range(5000)]


def _reference_offsets(text: str) -> list[int]:
    """The sentence starts as ``SENTENCE_BREAK`` defines them, one match at a time."""
    return [
        match.end()
        for match in SENTENCE_BREAK.finditer(text)
        if "\n" in match.group()
        or not ABBREVIATION.search(text, max(match.start() - 8, 0), match.start())
    ]


@pytest.mark.parametrize("text", CASES)
def test_break_scan_finds_the_sentence_breaks(text: str) -> None:
    assert list(_break_offsets(text)) == _reference_offsets(text)


def test_break_scan_finds_the_sentence_breaks_of_random_marks() -> None:
    assert [list(_break_offsets(text)) for text in FUZZ] == [
        _reference_offsets(text) for text in FUZZ
    ]


_DATE_ALPHABET = [".", "!", "?", "…", "»", "«", '"', "\n", " ", "\t", "A", "a", "É", "0"]
DATE_FUZZ = [
    "".join(_RANDOM.choices(_DATE_ALPHABET, k=_RANDOM.randint(0, 30))) for _ in range(5000)
]


@pytest.mark.parametrize("texts", [CASES, DATE_FUZZ], ids=["cases", "random marks"])
def test_date_sentence_scan_finds_the_sentence_ends(texts: list[str]) -> None:
    assert [[m.span() for m in _SENT_RE.finditer(text)] for text in texts] == [
        [m.span() for m in SENTENCE_END.finditer(text)] for text in texts
    ]
