"""The gates of the date patterns find what a plain regex over the text finds."""

from __future__ import annotations

import json
import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from ami_facts.components.dates.patterns import _GATE_TOKENS, _PATTERNS
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
