"""French numbers: word tables and the parsers that read digits and number words.

Knowledge only (tables and two small parsers); the machinery that finds numbers
in running text lives in ``ami_facts.components.figures``.

Conventions (SPEC "Figures"):
- digits: a dot or a space (also NBSP U+00A0 and narrow NBSP U+202F) groups
  thousands when followed by exactly three digits and the first group is not
  ``0`` (``3.714`` = 3714, ``18 500`` = 18500); otherwise a dot is a decimal
  point (``7.5``, ``0.050``); the comma is the decimal mark (``2,5``).
- words: ``soixante-dix``, ``quatre-vingt-dix``, Belgian/Swiss ``septante``,
  ``huitante``, ``octante``, ``nonante``, ``mille``/``mil``, ``million``,
  ``milliard``, ``billion`` (10^12); ``et`` and hyphens join the parts.
"""

from __future__ import annotations

import re
import unicodedata

UNITS: dict[str, int] = {
    "zéro": 0,
    "zero": 0,
    "un": 1,
    "une": 1,
    "deux": 2,
    "trois": 3,
    "quatre": 4,
    "cinq": 5,
    "six": 6,
    "sept": 7,
    "huit": 8,
    "neuf": 9,
    "dix": 10,
    "onze": 11,
    "douze": 12,
    "treize": 13,
    "quatorze": 14,
    "quinze": 15,
    "seize": 16,
}

TENS: dict[str, int] = {
    "vingt": 20,
    "vingts": 20,
    "trente": 30,
    "quarante": 40,
    "cinquante": 50,
    "soixante": 60,
    "septante": 70,
    "huitante": 80,
    "octante": 80,
    "nonante": 90,
}

HUNDRED = {"cent": 100, "cents": 100}
THOUSAND = {"mille": 1000, "mil": 1000, "milles": 1000}
BIG: dict[str, int] = {
    "million": 10**6,
    "millions": 10**6,
    "milliard": 10**9,
    "milliards": 10**9,
    "billion": 10**12,
    "billions": 10**12,
}

# Ordinal words: the stem value of every "-ième" form, plus premier/second.
_ORDINAL_STEMS: dict[str, int] = {
    "un": 1,
    "deux": 2,
    "trois": 3,
    "quatr": 4,
    "cinqu": 5,
    "six": 6,
    "sept": 7,
    "huit": 8,
    "neuv": 9,
    "dix": 10,
    "onz": 11,
    "douz": 12,
    "treiz": 13,
    "quatorz": 14,
    "quinz": 15,
    "seiz": 16,
    "vingt": 20,
    "trent": 30,
    "quarant": 40,
    "cinquant": 50,
    "soixant": 60,
    "septant": 70,
    "huitant": 80,
    "octant": 80,
    "nonant": 90,
    "cent": 100,
    "mill": 1000,
    "million": 10**6,
    "milliard": 10**9,
}
_ORDINAL_SUFFIXES = ("ième", "ieme", "ème", "eme")

ORDINALS: dict[str, int] = {}
for _stem, _value in _ORDINAL_STEMS.items():
    for _suffix in _ORDINAL_SUFFIXES:
        ORDINALS[_stem + _suffix] = _value
        ORDINALS[_stem + _suffix + "s"] = _value
for _w, _v in {
    "premier": 1,
    "première": 1,
    "premiere": 1,
    "premiers": 1,
    "premières": 1,
    "second": 2,
    "seconde": 2,
    "seconds": 2,
    "secondes": 2,
}.items():
    ORDINALS[_w] = _v

# Approximate collective nouns: "une dizaine de", "des centaines de".
APPROX_NOUNS: dict[str, int] = {
    "dizaine": 10,
    "douzaine": 12,
    "quinzaine": 15,
    "vingtaine": 20,
    "trentaine": 30,
    "quarantaine": 40,
    "cinquantaine": 50,
    "soixantaine": 60,
    "centaine": 100,
    "millier": 1000,
}
APPROX_NOUNS.update({k + "s": v for k, v in list(APPROX_NOUNS.items())})
# A piece of every collective noun, and of "millions" and "milliards" ("des millions"):
# where none is, there is none of them.
APPROX_MARKS = ("aine", "milli")

# Fractions read as numbers ("un quart", "deux tiers", "demi").
FRACTIONS: dict[str, float] = {
    "demi": 0.5,
    "demie": 0.5,
    "tiers": 1 / 3,
    "quart": 0.25,
    "quarts": 0.25,
}

# Multiplier suffixes written after digits ("25 M€", "10k", "2 Md€").
DIGIT_MULTIPLIERS: dict[str, int] = {
    "k": 10**3,
    "K": 10**3,
    "M": 10**6,
    "Md": 10**9,
    "Mds": 10**9,
    "md": 10**9,
    "mds": 10**9,
    "G": 10**9,
    # and the scale words (``2,5 millions``): the same values as in words
    **{word: value for word, value in THOUSAND.items() if word != "mil"},
    **BIG,
}

CARDINAL_WORDS: frozenset[str] = frozenset(
    list(UNITS) + list(TENS) + list(HUNDRED) + list(THOUSAND) + list(BIG)
)
ALL_NUMBER_WORDS: frozenset[str] = frozenset(CARDINAL_WORDS | set(ORDINALS))

_GROUPED_DOT = re.compile(r"[1-9]\d{0,2}(?:\.\d{3})+")
_PLAIN = re.compile(r"\d*(?:\.\d+)?")


def strip_accents(word: str) -> str:
    """``zéro`` -> ``zero`` (used for tolerant lookups)."""
    return "".join(c for c in unicodedata.normalize("NFD", word) if unicodedata.category(c) != "Mn")


def parse_digits(raw: str) -> float | None:
    """Read a French digit string (``3.714``, ``18 500``, ``2,5``, ``6.700,54``).

    Returns None when the string is not one number (``01.42.43``).
    """
    s = raw.replace("\u00a0", "").replace("\u202f", "").replace(" ", "")
    if not s:
        return None
    if "," in s:
        whole, _, frac = s.partition(",")
        if "," in frac or not frac.isdecimal():
            return None
        if "." in whole:
            if not _GROUPED_DOT.fullmatch(whole):
                return None
            whole = whole.replace(".", "")
        if whole and not whole.isdecimal():
            return None
        return float((whole or "0") + "." + frac)
    if "." in s:
        if _GROUPED_DOT.fullmatch(s):
            return float(s.replace(".", ""))
        if s.count(".") == 1 and _PLAIN.fullmatch(s):
            return float(s if not s.startswith(".") else "0" + s)
        return None
    if s.isdecimal():
        return float(s)
    return None


def _below_hundred(tokens: list[str], i: int) -> tuple[int, int] | None:
    """Read a number below 100 at ``tokens[i]``; return (value, tokens used)."""
    n = len(tokens)
    t = tokens[i]
    nxt = tokens[i + 1] if i + 1 < n else None
    vigesimal = False
    if t == "quatre" and nxt in ("vingt", "vingts"):
        if nxt == "vingts":
            return 80, 2
        base, used, vigesimal = 80, 2, True
    elif t in UNITS:
        if t == "dix" and nxt in ("sept", "huit", "neuf"):
            return 10 + UNITS[nxt], 2
        return UNITS[t], 1
    elif t in TENS and t != "vingts":
        base, used = TENS[t], 1
        vigesimal = t == "soixante"
    else:
        return None
    j = i + used
    if j >= n:
        return base, used
    nxt = tokens[j]
    after = tokens[j + 1] if j + 1 < n else None
    if nxt == "et":
        if after in ("un", "une") and not (base == 80 and vigesimal):
            return base + 1, used + 2
        if base == 60 and after == "onze":
            return 71, used + 2
        return base, used
    if vigesimal:
        if nxt == "dix" and after in ("sept", "huit", "neuf"):
            return base + 10 + UNITS[after], used + 2
        if nxt in UNITS and 1 <= UNITS[nxt] <= 16:
            if UNITS[nxt] == 1 and base == 60:
                return base, used
            return base + UNITS[nxt], used + 1
        return base, used
    if nxt in UNITS and 2 <= UNITS[nxt] <= 9:
        return base + UNITS[nxt], used + 1
    return base, used


def _below_thousand(tokens: list[str], i: int) -> tuple[int, int] | None:
    """Read a number below 1000 (or ``dix-neuf cent`` = 1900) at ``tokens[i]``."""
    n = len(tokens)
    if i >= n:
        return None
    t = tokens[i]
    if t in HUNDRED:
        h, used = 100, 1
    else:
        first = _below_hundred(tokens, i)
        if first is None:
            return None
        v, used = first
        j = i + used
        if j < n and tokens[j] in HUNDRED and (2 <= v <= 9 or 11 <= v <= 19):
            h = v * 100
            used += 1
        else:
            return v, used
    j = i + used
    if j < n and tokens[j] != "et":
        rest = _below_hundred(tokens, j)
        if rest is not None and rest[0] > 0:
            return h + rest[0], used + rest[1]
    return h, used


def parse_number_words(tokens: list[str]) -> tuple[float, int] | None:
    """Read the longest cardinal number at the start of ``tokens``.

    ``tokens`` are lower-cased words (hyphens already split, ``et`` kept).
    Returns (value, number of tokens used) or None. Leading ``zéro``s are
    allowed (``zéro huit`` = 8) but a ``zéro`` after other words ends the number.
    """
    n = len(tokens)
    i = 0
    while i < n and tokens[i] in ("zéro", "zero") and i + 1 < n and tokens[i + 1] != "et":
        if tokens[i + 1] in ("zéro", "zero") or tokens[i + 1] in CARDINAL_WORDS:
            i += 1
        else:
            break
    if i < n and tokens[i] in ("zéro", "zero"):
        return 0.0, i + 1
    total = 0
    current = 0
    have_current = False
    thousand_used = False
    last_big = 10**15
    used = i
    while i < n:
        t = tokens[i]
        if t in THOUSAND:
            if thousand_used or current >= 1000:
                break
            current = (current if have_current else 1) * 1000
            have_current = True
            thousand_used = True
            i += 1
            used = i
            continue
        if t in BIG:
            mult = BIG[t]
            block = current if have_current else 0
            if not have_current or block == 0:
                break
            if mult >= last_big and block < 1000:
                break
            total += block * mult
            last_big = mult if block < 1000 else mult * 1000
            current = 0
            have_current = False
            thousand_used = False
            i += 1
            used = i
            continue
        part = _below_thousand(tokens, i)
        if part is None:
            break
        value, k = part
        if have_current:
            # Only allowed after "mille": "deux mille six cent neuf".
            if not thousand_used or current % 1000 != 0 or current % 1000 + value >= 1000:
                break
            if value == 0:
                break
        if value >= 1000 and have_current:
            break
        current += value
        have_current = True
        i += k
        used = i
    if used == 0:
        return None
    if not have_current and total == 0:
        return None
    return float(total + current), used


# The cardinal word an ordinal ends with ("unième" -> "un"), to read
# "vingt et unième" as the cardinal "vingt et un" turned ordinal.
ORDINAL_CARDINAL: dict[str, str] = {}
_STEM_CARDINAL = {
    "un": "un",
    "deux": "deux",
    "trois": "trois",
    "quatr": "quatre",
    "cinqu": "cinq",
    "six": "six",
    "sept": "sept",
    "huit": "huit",
    "neuv": "neuf",
    "dix": "dix",
    "onz": "onze",
    "douz": "douze",
    "treiz": "treize",
    "quatorz": "quatorze",
    "quinz": "quinze",
    "seiz": "seize",
    "vingt": "vingt",
    "trent": "trente",
    "quarant": "quarante",
    "cinquant": "cinquante",
    "soixant": "soixante",
    "septant": "septante",
    "huitant": "huitante",
    "octant": "octante",
    "nonant": "nonante",
    "cent": "cent",
    "mill": "mille",
    "million": "million",
    "milliard": "milliard",
}
for _stem, _card in _STEM_CARDINAL.items():
    for _suffix in _ORDINAL_SUFFIXES:
        ORDINAL_CARDINAL[_stem + _suffix] = _card
        ORDINAL_CARDINAL[_stem + _suffix + "s"] = _card


def parse_ordinal_words(tokens: list[str]) -> tuple[float, int] | None:
    """Read ``vingt et unième``, ``mille deux cent trentième``, ``premier``.

    Returns (value, tokens used) when the tokens up to an ordinal word form
    one number; ``premier``/``second`` only stand alone.
    """
    for k, t in enumerate(tokens):
        if t in ORDINALS:
            if t in ORDINAL_CARDINAL:
                card = [*tokens[:k], ORDINAL_CARDINAL[t]]
                if k == 0 and t.startswith("un"):
                    return None
                if k == 0 and card[0] in BIG:
                    return float(BIG[card[0]]), 1
                parsed = parse_number_words(card)
                if parsed is not None and parsed[1] == len(card):
                    return parsed[0], k + 1
                return None
            if k == 0:
                return float(ORDINALS[t]), 1
            return None
        if t not in CARDINAL_WORDS and t != "et":
            return None
    return None


ORDINAL_SUFFIX_RE = re.compile(r"(?:er|ère|ere|re|e|è|ème|eme|ième|ieme|nd|nde)s?(?![^\W\d_])")
MULT_ATTACHED_RE = re.compile(r"(?:Mds|Md|mds|md|k|K|M|G)(?![^\W_])")
MULT_SPACED_RE = re.compile(
    r"[ \u00a0\u202f]?(?:Mds|Md|mds|md|M|k|K|G)"
    r"(?=[ \u00a0\u202f]?(?:€|\$|£|F(?![^\W_])|(?i:euros?|dollars?|francs?)))"
)
# (``mille`` is invariable: ``28 000 milles`` are miles, no thousands)
MULT_WORD_RE = re.compile(
    r"[\s\u00a0\u202f]+(?i:(?P<w>mille|millions?|milliards?|billions?))(?![^\W_])"
)
VULGAR_FRACTIONS = {"½": 0.5, "¼": 0.25, "¾": 0.75, "⅓": 1 / 3, "⅔": 2 / 3, "⅛": 0.125}
ET_DEMI_RE = re.compile(
    r"[\s\u00a0]+et[\s\u00a0]+(?:(?:un|une)[\s\u00a0]+)?(?:demie?|(?P<quart>quart))(?![^\W_])"
)
PREMIERS_RE = re.compile(r"[\s\u00a0]+(?i:premiers|premières|premieres)(?![^\W_])")
# "des dizaines de milliers", "des centaines de millions": collective noun x big number
APPROX_OF_BIG_RE = re.compile(
    r"[\s\u00a0]+(?i:de|d['’])[\s\u00a0]*(?P<big>(?i:milliers|millions|milliards))(?![^\W_])"
)

# Ratios (SPEC: a part of a whole): "un Français sur trois", "1 sur 20", "trois sur
# quatre" (N sur M, with at most two words naming what is counted between), and
# "la moitié des", "le tiers des", "le quart de" (a fraction noun with its article
# before a complement; "un quart", "deux tiers" are number words). The number groups
# are read by the figure machinery.
RATIO_NOUNS: dict[str, float] = {"moitié": 0.5, "tiers": 1 / 3, "quart": 0.25}
_RATIO_NUMBER = (
    r"\d{1,3}(?:[\s\u00a0\u202f]\d{3})*(?![\d,.]\d)|(?i:(?:(?:"
    + "|".join(
        sorted((w for w in UNITS | TENS | HUNDRED | THOUSAND if w != "zéro"), key=len, reverse=True)
    )
    + r")(?:[\s\u00a0-]+|[\s\u00a0-]+et[\s\u00a0-]+)?)+)(?<![\s\u00a0-])"
)
RATIO_SUR_RE = re.compile(
    r"(?<![\w,.])(?P<n>" + _RATIO_NUMBER + r")"
    r"(?P<noun>(?:[\s\u00a0]+[^\W\d_][\w'’-]*){0,2}?)"
    r"[\s\u00a0]+sur[\s\u00a0]+(?P<m>" + _RATIO_NUMBER + r")(?![^\W_]|[,.]\d)"
)
RATIO_NOUN_RE = re.compile(
    r"(?<![^\W_])(?i:(?:la|une)[\s\u00a0]+(?P<noun>moitié)|le[\s\u00a0]+(?P<noun2>tiers|quart))"
    r"(?=[\s\u00a0]+(?:de|des|du|d['’]))"
)
# A number before a collective noun multiplies it: "trois douzaines" (36), "deux
# centaines de" (200), "une demi-douzaine" (6).
COLLECTIVE_FACTOR_BEFORE_RE = re.compile(
    r"(?<![^\W_])(?:(?P<demi>(?i:une[\s\u00a0]+)?(?i:demi)[\s\u00a0]*-?[\s\u00a0]*)"
    r"|(?P<n>\d{1,3}|(?i:deux|trois|quatre|cinq|six|sept|huit|neuf|dix))[\s\u00a0]+)$"
)
# A number right after one of these nouns is a reading on its scale (``un séisme de
# magnitude 8,2``, ``un vent de force 9``), never a count of what a figure before it
# counted.
_SCALE_NOUN_BEFORE_RE = re.compile(
    r"(?<![^\W_])(?i:magnitude|force|note|taille|pointure|calibre|coefficient)[\s\u00a0]+$"
)
_SCALE_NOUN_MAX = len("coefficient ")


def reading_on_a_scale(text: str, number_start: int) -> bool:
    """Whether the number starting at ``number_start`` follows one of those nouns."""
    return (
        _SCALE_NOUN_BEFORE_RE.search(text, max(0, number_start - _SCALE_NOUN_MAX - 4), number_start)
        is not None
    )
