"""Pass 1, numbers written with digits and marks: race times (``2'24"``, OCR ``l' 30"``),
fractions (``3/4``, ``½``) and digits (``3.714``, ``2,5``) with what may follow them
(an ordinal suffix ``3e``, a multiplier ``10k``, ``25 M€``, ``3 millions``).
"""

from __future__ import annotations

import functools
import re

from ami_facts.components.figures.figure_types import _Core
from ami_facts.components.figures.scanning import _WORD_AFTER_RE, _occurrences
from ami_facts.french.numbers import (
    DIGIT_MULTIPLIERS,
    ET_DEMI_RE,
    MULT_ATTACHED_RE,
    MULT_SPACED_RE,
    MULT_WORD_RE,
    ORDINAL_SUFFIX_RE,
    VULGAR_FRACTIONS,
    parse_digits,
)

# One plain character class first so that the scan skips text fast; the look-behinds
# come right after it (a number never starts inside another).
_DIGITS_RE = re.compile(
    r"[\d,](?:(?<=\d)(?<!\d\d)"
    r"(?:\d{0,2}(?:[ \u00a0\u202f]\d{3}(?!\d))+(?:,\d+)?|\d*(?:\.\d+)*(?:,\d+)?)"
    r"|(?<=,)(?<![\w.,],)\d+)"
)

_FRACTION_MARKS = "/½¼¾⅓⅔⅛"
_FRACTION_RE = re.compile(
    r"(?<![\d/])(?:(?P<whole>\d+)[\s\u00a0]+et[\s\u00a0]+)?(?P<num>\d)[\s\u00a0]?/[\s\u00a0]?"
    r"(?P<den>[2-9]|10)(?![\d/])|(?P<vulgar>[½¼¾⅓⅔⅛])"
)

# Race times and other minute/second marks ("2'24 "", "l' 30 "", "37 h 32'48 "").
_MARK = r"(?:['’′]|\*|_[\s\u00a0]*['’])"
_OCR_ONE = r"(?<![^\W\d_])[lIT](?![^\W\d_])"
_RACE_RE = re.compile(
    # h, min, s: "37 h 32'48 "", OCR "l' 47'30 "" (hour mark lost)
    r"(?P<h>\d{1,3}|"
    + _OCR_ONE
    + r")[\s\u00a0]*(?:h|['’])[\s\u00a0]*(?P<m1>\d{2})[\s\u00a0]*"
    + _MARK
    + r"[\s\u00a0]*(?P<s1>\d{2})[\s\u00a0]*[\"″]"
    # min, s with a mark: "2'24 "", "1 * 03 "", "7 _' 23 "", OCR "l' 06 ""
    r"|(?P<m2>\d{1,3}|" + _OCR_ONE + r")[\s\u00a0]*" + _MARK + r"[\s\u00a0]*(?P<s2>[0-5]\d)"
    r"(?:[\s\u00a0]*[\"″](?P<cs>\d{2}(?!\d))?|(?=[\s\u00a0]*[.,;)]))"
    # OCR with no minute mark: "T 03 ""
    r"|(?P<m3>" + _OCR_ONE + r")[\s\u00a0]+(?P<s3>[0-5]\d)[\s\u00a0]*[\"″]"
)
_RACE_MARKS = '"″*_'

_UN_BEFORE_RE = re.compile(r"(?<![^\W_])(?i:un|une)[\s\u00a0]+$")


def _race_cores(text: str) -> list[_Core]:
    cores: list[_Core] = []

    def one(s: str) -> int:
        return 1 if s in ("l", "I", "T") else int(s)

    found: list[re.Match[str]] = []
    last = -1
    for q in _occurrences(text, _RACE_MARKS):
        if q < last:
            continue
        m = _RACE_RE.search(text, max(0, q - 18, last), min(len(text), q + 8))
        if m and m.start() <= q < m.end() + 1:
            found.append(m)
            last = m.end()
    for m in found:
        value: float
        if m.group("h") is not None:
            value = one(m.group("h")) * 3600 + int(m.group("m1")) * 60 + int(m.group("s1"))
        elif m.group("m2") is not None:
            value = one(m.group("m2")) * 60 + int(m.group("s2"))
            if m.group("cs"):
                value += int(m.group("cs")) / 100  # 27'45"12: hundredths
        else:
            value = 60 + int(m.group("s3"))
        end = m.end()
        cores.append(_Core(m.start(), end, value, "time", unit="s", unit_end=end))
    return cores


# Digits and a fraction of a second: ``à 41 centièmes``, ``3 dixièmes de seconde``.
_SECOND_FRACTIONS = {"dixièmes": 0.1, "centièmes": 0.01, "millièmes": 0.001}
_SECOND_FRACTION_RE = re.compile(
    r"(?<![\d,.])(?P<n>\d{1,3})[\s\u00a0]+(?P<part>dixièmes|centièmes|millièmes)"
    r"(?:[\s\u00a0]+de[\s\u00a0]+seconde)?(?![^\W_])"
)


def _second_fraction_cores(text: str) -> list[_Core]:
    """``à 41 centièmes de la gagnante``: a gap timed in fractions of a second (the
    fraction words alone, ``trois dixièmes``, are read as fractions by the words)."""
    if "ièmes" not in text:  # (most texts: no need to search)
        return []
    return [
        _Core(
            m.start(),
            m.end(),
            round(int(m.group("n")) * _SECOND_FRACTIONS[m.group("part")], 3),
            "time",
            unit="s",
            unit_end=m.end(),
        )
        for m in _SECOND_FRACTION_RE.finditer(text)
    ]


def _fraction_cores(text: str) -> list[_Core]:
    cores: list[_Core] = []
    found: list[re.Match[str]] = []
    last = -1
    for q in _occurrences(text, _FRACTION_MARKS):
        if q < last:
            continue
        m = _FRACTION_RE.search(text, max(0, q - 14, last), min(len(text), q + 4))
        if m and m.start() <= q < m.end():
            found.append(m)
            last = m.end()
    for m in found:
        if m.group("vulgar"):
            value = VULGAR_FRACTIONS[m.group("vulgar")]
        else:
            num, den = int(m.group("num")), int(m.group("den"))
            if num >= den:
                continue
            value = num / den + (int(m.group("whole")) if m.group("whole") else 0)
        cores.append(_Core(m.start(), m.end(), value, "fraction"))
    return cores


# What may follow digits, tried in this order by one match: an ordinal suffix ("3e"),
# a multiplier letter ("10k", "25 M€"), a scale word ("3 millions"). The suffixes and
# the multipliers start with different characters: at most one of them is there.
_DIGITS_TAIL_RE = re.compile(
    f"(?:{ORDINAL_SUFFIX_RE.pattern})(?P<ordinal>)"
    f"|(?:{MULT_ATTACHED_RE.pattern}|{MULT_SPACED_RE.pattern})(?P<letter>)"
    f"|{MULT_WORD_RE.pattern}"
)

# the same numbers ("1", "10", "2,5") come back in every text
_read_digits = functools.lru_cache(maxsize=4096)(parse_digits)


def _digit_cores(text: str, work: str) -> list[_Core]:
    cores: list[_Core] = []
    for m in _DIGITS_RE.finditer(work):
        raw = m.group()
        if len(raw) > 24:
            continue  # identifiers and digit soups, not figures
        value = _read_digits(raw)
        if value is None:
            continue
        start, end = m.span()
        core = _Core(start, end, value, "digits")
        tail = _DIGITS_TAIL_RE.match(work, end)
        after = tail.lastgroup if tail else None
        if tail and after == "ordinal" and "," not in raw and "." not in raw:
            core.end = tail.end()
            core.ordinal = True
            if (
                value > 2
                and _UN_BEFORE_RE.search(work, max(0, start - 6), start)
                and not _WORD_AFTER_RE.match(work, core.end)
            ):
                core.value = 1 / value
                core.ordinal = False
                core.form = "fraction"
            cores.append(core)
            continue
        if tail and after == "letter":
            core.mult = DIGIT_MULTIPLIERS[tail.group().strip(" \u00a0\u202f")]
            core.end = tail.end()
        elif tail and after == "w":
            core.mult = DIGIT_MULTIPLIERS[tail.group("w").lower()]
            core.end = tail.end()
            # "1 million et demi": half of the multiplier, not 0.5
            em = ET_DEMI_RE.match(work, core.end)
            if em and core.mult > 1:
                value += 0.25 if em.group("quart") else 0.5
                core.end = em.end()
        core.value = value * core.mult
        cores.append(core)
    return cores
