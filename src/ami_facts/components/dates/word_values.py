"""The value of a word inside a date expression: a number in digits or words
(``3.714``, ``vingt-cinq``), an ordinal (``premier``, ``dernier``), a part of a
period (``début``, ``mi-``, ``fin``).
"""

from __future__ import annotations

import re

from ami_facts.french import calendar as fr


def _num(s: str) -> float | None:
    s = s.strip().lower()
    t = re.sub(r"[  ]", "", s).replace(",", ".")
    if re.fullmatch(r"\d+(?:\.\d+)?", t):
        # "3.714" is a thousand separator, not a decimal.
        if re.fullmatch(r"\d{1,3}\.\d{3}", t):
            return float(t.replace(".", ""))
        return float(t)
    n = fr.parse_number_words(s)
    return float(n) if n is not None else None


def _fmt_num(v: float) -> str:
    return str(int(v)) if v == int(v) else f"{v:g}"


def _ordinal(s: str) -> int | None:
    s = s.lower()
    if s.startswith("dernier") or s.startswith("dernière"):
        return -1
    return fr.ORDINALS.get(s)


def _part_of(word: str | None) -> str | None:
    if not word:
        return None
    w = word.lower()
    if w.startswith("début") or w.startswith("debut"):
        return "START"
    if w.startswith("fin"):
        return "END"
    if w.startswith("mi") or w.startswith("milieu") or w.startswith("courant"):
        return "MID"
    return None
