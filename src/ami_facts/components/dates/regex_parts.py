"""The pieces the date patterns are made of: French words as regex alternations
(months, weekdays, seasons, numbers in words, units of time, qualifiers, parts of
the day), built from ``ami_facts.french.calendar``, and the tables they map to.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from ami_facts.french import calendar as fr


def _fold_class(ch: str) -> str:
    """A case-sensitive class of every character ``ch`` matches under IGNORECASE."""
    if ch in _FOLDS:
        return _FOLDS[ch]
    rx = re.compile(re.escape(ch), re.IGNORECASE | re.UNICODE)
    same = sorted({ch, ch.lower(), ch.upper(), *(c for c in _FOLD_EXTRA if rx.fullmatch(c))})
    out = "[" + "".join("\\" + c if c in "]\\^-[" else c for c in same) + "]"
    _FOLDS[ch] = out
    return out


_FOLDS: dict[str, str] = {}
# the non-obvious case partners of Latin letters under re.IGNORECASE
_FOLD_EXTRA = "\u017f\u0131\u0130\u212a\u212b"


def _alt_word(w: str) -> str:
    p = re.escape(w)
    return p.replace("'", "['’]\\s*").replace("\\ ", "\\s+").replace("\\-", "[-\\s]?")


def _alt(words: Sequence[str]) -> str:
    """Regex alternation of ``words`` (longest first); ``'`` matches ’ too, spaces any run.

    Words are grouped by their first letter, matched case-insensitively by an
    explicit class: the regex engine then skips a group in one test, so a
    position no word starts at costs one test per letter rather than one per word.
    The matches are the same as those of the flat longest-first alternation.
    """
    ordered = sorted(set(words), key=lambda w: (-len(w), w))  # the same regex in every run
    groups: dict[str, list[str]] = {}
    for w in ordered:
        c = w[:1]
        if not c or not c.isalpha():
            return "(?:" + "|".join(_alt_word(w) for w in ordered) + ")"
        groups.setdefault(c.lower(), []).append(w)
    out = []
    for c, ws in groups.items():
        rests = [_alt_word(w[1:]) for w in ws]
        body = rests[0] if len(rests) == 1 else "(?:" + "|".join(rests) + ")"
        out.append(f"(?-i:{_fold_class(c)}){body}")
    return "(?:" + "|".join(out) + ")"


_AP = "['’]"
_MONTH_ANY = _alt(list(fr.MONTHS))
_MONTH_FULL = _alt(list(fr.MONTH_FULL))
_WD = _alt(list(fr.WEEKDAYS))
_WDS = "(?:" + _alt(list(fr.WEEKDAYS)) + "s?)"
_SEASON = _alt(list(fr.SEASONS))
_NUMW = _alt([w for w in fr.NUMBER_WORDS if w not in ("mille", "cent", "cents")])
_NUMWORDS = rf"(?:{_NUMW}(?:[-\s]+(?:et[-\s]+)?{_NUMW}){{0,3}})"
_DIGITS = r"(?:\d{1,3}(?:[  ]\d{3})+|\d+(?:[,.]\d+)?)"
_NUM = rf"(?:{_DIGITS}|{_NUMWORDS}|quelques|plusieurs|de\s+nombreuses|de\s+nombreux|des)"
_DAYNUM = r"(?:1er|1e|premier|[12]\d|3[01]|0?[1-9])"
_DAYW = (
    r"(?:trente\s+et\s+un|trente|vingt(?:[-\s]+(?:et[-\s]+un|deux|trois|quatre|cinq|six|sept|huit|neuf))?"
    r"|dix[-\s]+(?:sept|huit|neuf)|deux|trois|quatre|cinq|six|sept|huit|neuf|dix|onze|douze|treize"
    r"|quatorze|quinze|seize)"
)
_YEAR4 = r"(?:1[0-9]\d\d|20\d\d)"
_UNIT_WORDS = [
    u for u in fr.UNITS if u not in ("h", "s", "min", "mn", "sec", "an", "ans", "mois")
] + ["ans", "an", "mois"]
_UNIT = "(?:" + _alt(_UNIT_WORDS) + r"|min|mn|sec)(?![\w-])"
_ORD = _alt(list(fr.ORDINALS))
_DUR1 = rf"(?:{_DIGITS}|{_NUMWORDS})\s+{_UNIT}(?:\s+et\s+(?:demie?|quart))?"
_DURN = rf"{_DUR1}(?:(?:\s*,\s*|\s+et\s+|\s+){_DUR1}){{0,6}}"
_DUR_NOUNS = (
    r"(?:[13]/[24]\s*(?:h\b|heures?)|un\s+quart\s+d'\s*heure|une\s+demi[-\s]heure|trois\s+quarts\s+d'\s*heure"
    r"|une\s+demi-journée|un\s+demi-siècle)"
)
_DUR_PART_RE = re.compile(
    rf"(?P<n>{_DIGITS}|{_NUMWORDS})\s+(?P<u>{_UNIT})(?:\s+et\s+(?P<f>demie?|quart))?", re.IGNORECASE
)
_DAYPART_WORDS = {
    "matin": "MO",
    "matinée": "MO",
    "en matinée": "MO",
    "après-midi": "AF",
    "en début d'après-midi": "AF",
    "en fin d'après-midi": "AF",
    "en début de matinée": "MO",
    "en fin de matinée": "MO",
    "soir": "EV",
    "soirée": "EV",
    "en soirée": "EV",
    "en début de soirée": "EV",
    "en fin de soirée": "EV",
    "nuit": "NI",
    "dans la nuit": "NI",
    "midi": "MI",
}
_DAYPART = _alt(list(_DAYPART_WORDS))
_MINW = _alt(
    [w for w in fr.NUMBER_WORDS if w not in ("un", "une", "mille", "cent", "cents", "zéro")]
    + ["trente", "quarante", "cinquante"]
)
_MINW = rf"(?:{_MINW}(?:[-\s]+(?:et[-\s]+)?{_MINW})?)"
_QUAL = {
    "près de": "APPROX",
    "pres de": "APPROX",
    "presque": "APPROX",
    "environ": "APPROX",
    "quelque": "APPROX",
    "plus de": "MORE_THAN",
    "un peu plus de": "MORE_THAN",
    "moins de": "LESS_THAN",
    "un peu moins de": "LESS_THAN",
    "au moins": "EQUAL_OR_MORE",
    "pas moins de": "EQUAL_OR_MORE",
    "au plus": "EQUAL_OR_LESS",
    "au maximum": "EQUAL_OR_LESS",
    "au minimum": "EQUAL_OR_MORE",
    "une bonne": "APPROX",
    "un bon": "APPROX",
    "quasiment": "APPROX",
}
_QUALP = _alt(list(_QUAL))

_F = re.IGNORECASE | re.UNICODE
