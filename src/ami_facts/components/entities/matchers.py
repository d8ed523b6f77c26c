"""The regexes built from the lexicons (``french/data/*.json``), compiled once per
process: brands, places, streets, periphrases, nationality codes, titles, head nouns.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from functools import cache

from ami_facts.french.lexicons import load_lexicons
from ami_facts.patterns import alternation

_STREET_RE_TEMPLATE = (
    r"(?<![\w-])(?:{words})\s+(?:(?:de\s+la|de\s+l['’]|du|des|de|d['’])\s*)?"
    r"(?:(?:général|maréchal|président|docteur|colonel|commandant|abbé|saint|sainte)\s+)?"
    r"[A-ZÀ-ÖØ-Ý0-9][\w'’.\-]*(?:[ -][A-ZÀ-ÖØ-Ý][\w'’\-]*)*"
)


@dataclass(frozen=True)
class _Matchers:
    brand_re: re.Pattern[str]
    place_re: re.Pattern[str]
    street_re: re.Pattern[str]
    periphrase_re: re.Pattern[str]
    code_re: re.Pattern[str]
    acronyms: frozenset[str]
    title_re: re.Pattern[str]
    apposition_re: re.Pattern[str]


# Letters that ``(?i)`` matches to their upper case alone (not i, k, s: also ı, the
# Kelvin sign, ſ).
_TWO_CASES = frozenset("abcdefghjlmnopqrtuvwxyzàâäçèéêëîïôöùûüÿæœ")


def _heads_by_initial(heads: Iterable[str]) -> str:
    """Heads matched without case, each first letter written in its two cases.

    The alternation then starts with plain letters, so ``re`` skips from one of them to
    the next instead of trying the pattern at every character (twice as fast over a
    whole article). The look-behind after the letter tests the character before it.
    """
    by_initial: dict[str, list[str]] = {}
    for head in heads:
        by_initial.setdefault(head[0].lower(), []).append(head[1:])
    branches = []
    for initial, rests in by_initial.items():
        rest = alternation(rests, ignore_case=True)
        # Another initial is matched with (?i) too: exact, without the skip.
        cases = (
            [re.escape(c) for c in sorted({initial, initial.upper()})]
            if initial in _TWO_CASES
            else [f"(?i:{re.escape(initial)})"]
        )
        branches += [rf"{case}(?<![\w-]{case})(?i:{rest})" for case in cases]
    return "|".join(branches)


@cache
def _matchers() -> _Matchers:
    """Regexes compiled once per process from the lexicons."""
    lex = load_lexicons()
    brand_re = re.compile(rf"(?<![\w-])(?:{alternation(lex.brand_by_spelling)})(?![\w-])")
    place_re = re.compile(rf"(?<![\w-])(?:{alternation(lex.places)})(?![\w-])")
    street_re = re.compile(_STREET_RE_TEMPLATE.format(words=alternation(lex.street_heads)))
    emblems = alternation(lex.periphrase_emblems, ignore_case=True)
    periphrase_re = re.compile(
        rf"(?P<head>{_heads_by_initial(lex.periphrase_heads)})"
        rf"(?i:(?:\s+[a-zàâäéèêëîïôöûüç]+)?\s+(?P<emblem>{emblems})(?![\w-]))"
    )
    acronyms = frozenset(a for b in lex.brands.values() for a in b.acronyms)
    code_re = re.compile(rf"\(\s*({alternation(lex.country_codes)})\s*(?=[,)])")
    titles = "|".join(
        re.escape(t).replace("'", "['’]") for t in sorted(lex.title_phrases, key=len, reverse=True)
    )
    title_re = re.compile(rf"(?<![\w-])(?:{titles or '(?!)'})(?![\w-])", re.IGNORECASE)
    # Where a head noun may stand (``le coureur``); the token decides (case, label).
    apposition_re = re.compile(
        rf"(?<!\w)(?:{alternation(lex.apposition_heads, ignore_case=True)})(?!\w)", re.IGNORECASE
    )
    return _Matchers(
        brand_re, place_re, street_re, periphrase_re, code_re, acronyms, title_re, apposition_re
    )
