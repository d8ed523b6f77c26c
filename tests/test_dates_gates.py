"""The gates of the date patterns find what a plain regex over the text finds."""

from __future__ import annotations

import json
import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from ami_facts.components.dates.gated_search import _whole_text
from ami_facts.components.dates.patterns import _GATE_TOKENS, _PATTERNS, _Pattern
from ami_facts.patterns import alternation
from fixture_paths import FIXTURES

_GATE_WORDS = {w for pat in _PATTERNS for w in (pat.needs or ())}
# a whole token (a maximal run of letters) that is a gate word
_PLAIN = re.compile(r"(?<![^\W\d_])" + alternation(_GATE_WORDS) + r"(?![^\W\d_])")


def _plain_positions(low: str) -> dict[str, list[int]]:
    found: dict[str, list[int]] = {}
    for m in _PLAIN.finditer(low):
        found.setdefault(m.group(), []).append(m.start())
    return found


@pytest.mark.parametrize(
    "text",
    [
        "le 3 mars, hier soir",
        "mars",
        "lemars le_mars 2le mars2 œmars ſmars mars-le l'an l’an",
        "été,été été\nété\tÉté ÉTÉ",
        "",
    ],
)
def test_gate_tokens_are_the_whole_tokens_that_are_gate_words(text: str) -> None:
    low = text.lower()
    assert _GATE_TOKENS.positions(low) == _plain_positions(low)


@given(text=st.text(alphabet="lemarsdhiéœſ_2 '-\n", max_size=40))
@settings(max_examples=300, deadline=None)
def test_gate_tokens_of_any_text(text: str) -> None:
    assert _GATE_TOKENS.positions(text) == _plain_positions(text)


def test_gate_tokens_of_the_peer_sentences() -> None:
    lines = (FIXTURES / "peers" / "dev.jsonl").read_text(encoding="utf-8").splitlines()
    low = "\n\n".join(json.loads(line)["text"] for line in lines).lower()
    assert _GATE_TOKENS.positions(low) == _plain_positions(low)


def _long_text() -> str:
    gold = sorted((FIXTURES / "gold" / "articles").glob("*.txt"))
    lines = (FIXTURES / "peers" / "dev.jsonl").read_text(encoding="utf-8").splitlines()
    return "\n\n".join(
        [p.read_text(encoding="utf-8") for p in gold] + [json.loads(line)["text"] for line in lines]
    )


@pytest.mark.parametrize("pat", _PATTERNS, ids=lambda pat: pat.name)
def test_a_search_over_the_whole_text_finds_what_finditer_finds(pat: _Pattern) -> None:
    text = _long_text() + ' 12" 3 "4"5 l\'12 ſ2\'30 İ1 5 " 12h30, 1\'23"45 '
    expected = [(m.span(), m.groupdict()) for m in pat.regex.finditer(text)]
    assert [(m.span(), m.groupdict()) for m in _whole_text(pat, text)] == expected


def test_no_character_outside_the_basic_plane_opens_a_date_pattern() -> None:
    # (case_sensitive_class reads the characters of the plane only)
    heads = "".join(pat.head for pat in _PATTERNS if pat.head is not None)
    beyond = "".join(map(chr, range(0x10000, 0x110000)))
    assert re.search(f"[{heads}]", beyond, re.IGNORECASE | re.UNICODE) is None
