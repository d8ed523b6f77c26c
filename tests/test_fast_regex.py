"""compile_fast: the same regex as re.compile, in every match, group and span."""

from __future__ import annotations

import json
import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from ami_facts.components.dates.patterns import _PATTERNS
from ami_facts.fast_regex import compile_fast
from fixture_paths import FIXTURES

# optional groups of every kind: captured, nested, lazy, in a branch, in a look-around,
# and the empty ones left as repeats
PATTERNS = [
    r"(?:\b(?:le|ce)\s+)?(?:\b(?P<wd>lundi|mardi)\s+)?\b(?P<d>\d{1,2})(?:er)?\s*(?P<m>mars)",
    r"(?P<a>ab)?(?P<b>a)?b",
    r"(?:(?:a(?:b)?)?c)?d",
    r"(?:ab)??(?P<x>a|ab)b",
    r"x(?=(?:yz)?w)(?:y)?",
    r"(?:(?P<e>a*))?b",
    r"(?:(?P<f>)x)?y",
    r"(?i:(?:ré(?:sultat)?s?)?\s?(?P<n>\d+))",
    r"(a(?:bc)?|b(?:cd)?)+e",
]


def _found(rx: re.Pattern[str], text: str) -> list[tuple[tuple[int, int], dict[str, str | None]]]:
    return [(m.span(), m.groupdict()) for m in rx.finditer(text)]


@pytest.mark.parametrize("pattern", PATTERNS)
@given(text=st.text(alphabet="abcdexyzwé lunmarsi 12", max_size=30))
@settings(max_examples=200, deadline=None)
def test_compile_fast_finds_what_re_compile_finds(pattern: str, text: str) -> None:
    fast, plain = compile_fast(pattern), re.compile(pattern)
    assert _found(fast, text) == _found(plain, text)
    assert [m.groups() for m in fast.finditer(text)] == [m.groups() for m in plain.finditer(text)]


def test_compile_fast_keeps_the_source_and_flags() -> None:
    fast = compile_fast(PATTERNS[0], re.IGNORECASE)
    assert fast.pattern == PATTERNS[0]
    assert fast.flags == re.compile(PATTERNS[0], re.IGNORECASE).flags
    assert fast.groupindex == re.compile(PATTERNS[0], re.IGNORECASE).groupindex


def test_compile_fast_of_every_date_pattern_reads_the_peer_sentences_the_same() -> None:
    lines = (FIXTURES / "peers" / "dev.jsonl").read_text(encoding="utf-8").splitlines()
    text = "\n\n".join(json.loads(line)["text"] for line in lines)
    for pat in _PATTERNS:
        plain = re.compile(pat.regex.pattern, pat.regex.flags)
        assert _found(pat.regex, text) == _found(plain, text), pat.name
