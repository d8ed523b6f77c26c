"""Shortcuts that skip work must never skip a match.

``units._first_chars`` reads, from a regex, the ASCII characters a match can start
with (``match_unit`` then tries only the unit forms that can start with the character
at hand); ``metric._PhraseTable`` turns a text down when its edge letter ends (or
starts) no phrase, before folding it. Both are built once at import or on first use,
so they are checked here on tables and patterns of our own.
"""

from __future__ import annotations

import re

import pytest

from ami_facts.components.linker.metric import _PhraseTable
from ami_facts.french import units

parse = pytest.importorskip("re._parser").parse


@pytest.mark.parametrize(
    ("pattern", "chars"),
    [
        ("abc", {"a"}),
        ("(?i:km)", {"k", "K"}),
        ("(?i:x)y", {"x", "X"}),
        ("(?i:(?-i:m))", {"m"}),
        ("a|b|cd", {"a", "b", "c"}),
        ("[xy]z", {"x", "y"}),
        ("(?:e|f)+g", {"e", "f"}),
        ("(ab)", {"a"}),  # a group without flags keeps the case
        ("(?i:a|b)", {"a", "A", "b", "B"}),  # flags reach into branches,
        ("(?i:x+)", {"x", "X"}),  # repeats
        ("(?i:[xy])", {"x", "X", "y", "Y"}),  # and classes
        ("é", set()),  # no ASCII character starts it
        ("(?i:°)", set()),  # an uncased non-ASCII character
    ],
)
def test_units_first_chars_of_a_pattern(pattern: str, chars: set[str]) -> None:
    assert units._first_chars(parse(pattern).data, False) == frozenset(chars)


@pytest.mark.parametrize(
    "pattern",
    [
        "a?b",  # an optional start
        "a*b",
        r"\sx",  # a class not read here
        "[a-z]",
        "a|[0-9]",  # one branch not read makes the whole unread
        "(?i:ſ)",  # a cased non-ASCII character may match an ASCII one
        "(?i:É)",
        "",
    ],
)
def test_units_first_chars_unknown_is_none(pattern: str) -> None:
    assert units._first_chars(parse(pattern).data, False) is None


def test_units_first_chars_ignore_case_is_the_callers() -> None:
    assert units._first_chars(parse("m").data, True) == frozenset({"m", "M"})


@pytest.mark.parametrize(("pattern", "unit"), units._UNIT_FORMS[::7])
def test_units_first_chars_of_every_unit_form_are_sound(pattern: str, unit: str) -> None:
    """No ASCII character a form matches at is left out of its first characters."""
    chars = units._first_chars(parse(pattern).data, False)
    compiled = re.compile(pattern)
    for code in range(32, 127):
        if compiled.match(chr(code) + "xyz mois 1") and chars is not None:
            assert chr(code) in chars, (pattern, chr(code))


@pytest.mark.parametrize(
    ("word", "per"),
    [
        ("mois", "month"),
        ("Semaines", "week"),  # folded
        ("kWh", "kWh"),  # a unit whose case matters
        ("mensuelle", "month"),  # an adjective
        ("lune", "lune"),  # not a rate word: itself
    ],
)
def test_units_per_value_of_a_rate_word(word: str, per: str) -> None:
    assert units.per_value(word) == per


TABLE = {"de hausse": "change", "de parts": "share", "en caisse": "cash", "fois": "times"}


@pytest.mark.parametrize(
    ("text", "metric"),
    [
        ("de hausse sur un an", "change"),
        ("  De   Parts du marché", "share"),  # spaces and case folded
        ("en caisse", "cash"),
        ("de baisse", None),
        ("", None),
        ("hausse de", None),  # a phrase must start the text
    ],
)
def test_phrase_table_after_the_figure_reads_the_start(text: str, metric: str | None) -> None:
    assert _PhraseTable(TABLE, at_end=False).metric(text) == metric


@pytest.mark.parametrize(
    ("text", "metric"),
    [
        ("il a grimpé de hausse", "change"),
        ("soit trois FOIS  ", "times"),
        ("une longue phrase qui finit en caisse", "cash"),
        ("de hausse sur un an", None),  # a phrase must end the text
        ("caisse", None),  # a shorter text than the phrase
        ("", None),
    ],
)
def test_phrase_table_before_the_figure_reads_the_end(text: str, metric: str | None) -> None:
    assert _PhraseTable(TABLE, at_end=True).metric(text) == metric


def test_phrase_table_longest_phrase_wins() -> None:
    table = {"part": "share", "part de marché": "market_share"}
    assert _PhraseTable(table, at_end=True).metric("sa part de marché") == "market_share"
    assert _PhraseTable(table, at_end=False).metric("part de marché en France") == "market_share"
    assert _PhraseTable({}, at_end=True).metric("rien") is None
