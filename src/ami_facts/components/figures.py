"""Figures: every number that counts, measures, prices, ranks or lasts something.

Pure Python and regular expressions over the text (no parse needed), in four
passes:

1. numeric cores: race times (``2'24 "``), collective nouns (``une dizaine``),
   fractions (``3/4``), digits (``3.714``, ``1,5 million``, ``25 M€``) and
   number words (``deux mille six cent neuf``, ``vingt-cinquième``);
2. each core is extended: sign and qualifier before it, multiplier, unit,
   counted noun and rate after it;
3. false positives are dropped (``ami_facts.french.false_positives``);
4. neighbours are joined: ranges (``entre 5 et 10``), alternatives (``250 ou
   300 dm3``), lists (``respectivement 40 et 54 €``), compound durations
   (``1 h 30``); a bare count takes the counted noun of the figure before it
   in the same sentence (``3.714 exemplaires ... ou 412 chaque mois``), a bare
   amount with a multiplier its unit (``19,7 milliards de dollars contre 18,5
   milliards``); a change (``passe de 575 à 593 l``) is two figures.

Ordinals: an ordinal is a figure of kind ``rank`` only when it ranks; the rule
is in ``false_positives.ordinal_role`` (a rank noun or ``de`` after it ranks:
``deuxième de ce marché``, ``première place``, ``35e victoire``; any other
noun after it names: ``seizième édition``, ``Huitième étape``, ``le second
aqueduc``; alone it ranks: ``se classant troisième``). Results tables
(``1. Olano``) and ``les dix premiers`` (bound max) are ranks too.

French knowledge (words, units, qualifiers, false positives) lives in
``ami_facts.french``; this module is the machinery.
"""

from __future__ import annotations

import bisect
import functools
import itertools
import re
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass

from ami_facts.french import false_positives as fp
from ami_facts.french.calendar import MONTH_FULL
from ami_facts.french.numbers import (
    ALL_NUMBER_WORDS,
    APPROX_MARKS,
    APPROX_NOUNS,
    APPROX_OF_BIG_RE,
    BIG,
    CARDINAL_WORDS,
    DIGIT_MULTIPLIERS,
    ET_DEMI_RE,
    FRACTIONS,
    MULT_ATTACHED_RE,
    MULT_SPACED_RE,
    MULT_WORD_RE,
    ORDINAL_SUFFIX_RE,
    ORDINALS,
    PREMIERS_RE,
    VULGAR_FRACTIONS,
    parse_digits,
    parse_number_words,
    parse_ordinal_words,
)
from ami_facts.french.qualifiers import (
    BELOW_ZERO_RE,
    CHANGE_RE,
    DE_BEFORE,
    DECREASE_RE,
    ENTRE_BEFORE,
    ET_GAP,
    NOT_SIGN_BEFORE,
    OU_GAP,
    POST_APPROX_RE,
    POST_EXACT_RE,
    QUALIFIER_LAST,
    QUALIFIER_RE,
    RANGE_GAP,
    SIGN_RE,
    TIME_QUALIFIER_RE,
    qualifier_family,
)
from ami_facts.french.units import (
    ADJ_PER,
    ADJ_PER_RE,
    HOUR_TAIL_RE,
    INDEX_NAMES_RE,
    PER_RE,
    PRICE_TERMS_RE,
    SECONDS,
    SUBUNIT_RE,
    TALLY_CONTEXT_RE,
    TEMPERATURE_CONTEXT_RE,
    currency_before,
    match_unit,
    per_value,
    unit_kind,
)
from ami_facts.french.words import (
    COMPOUND_TAILS,
    FUNCTION_WORDS,
    PRENOMINAL,
    looks_plural,
    singular,
)
from ami_facts.hits import Bound, FigureHit, FigureKind
from ami_facts.patterns import alternation, by_first_char

Range = tuple[int, int]

_MASK = "\x00"

# --- numeric cores --------------------------------------------------------

# One plain character class first so that the scan skips text fast; the look-behinds
# come right after it (a number never starts inside another).
_DIGITS_RE = re.compile(
    r"[\d,](?:(?<=\d)(?<!\d\d)"
    r"(?:\d{0,2}(?:[ \u00a0\u202f]\d{3}(?!\d))+(?:,\d+)?|\d*(?:\.\d+)*(?:,\d+)?)"
    r"|(?<=,)(?<![\w.,],)\d+)"
)
_DE_RE = re.compile(r"[\s\u00a0]+(?:de[\s\u00a0]+|d['’][\s\u00a0]*)")
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

_APPROX_NOUN_ALT = "|".join(sorted(APPROX_NOUNS, key=len, reverse=True))
_APPROX_RE = re.compile(
    r"(?i:(?P<noun>" + _APPROX_NOUN_ALT + r")(?![^\W_])"
    r"|des[\s\u00a0]+(?P<big>millions|milliards)(?![^\W_]))"
)


# for lower-cased text; the noun is the whole match
_APPROX_LOWER_RE = re.compile(
    # longest first: the noun is the whole word
    by_first_char(re.escape(w) + r"(?![^\W_])" for w in sorted(APPROX_NOUNS, key=len, reverse=True))
    + r"|des[\s\u00a0]+(?P<big>millions|milliards)(?![^\W_])"
)
# The most characters a collective noun (or "millions", "milliards") has before the
# first of its APPROX_MARKS, and from it to its end (a word without one fails here).
_APPROX_WORDS = [*APPROX_NOUNS, "millions", "milliards"]
_MARK_AT = [min(w.find(m) for m in APPROX_MARKS if m in w) for w in _APPROX_WORDS]
_BEFORE_MARK = max(_MARK_AT)
_FROM_MARK = max(len(w) - at for w, at in zip(_APPROX_WORDS, _MARK_AT, strict=True))


def _approx_matches(low: str) -> list[re.Match[str]]:
    """_APPROX_LOWER_RE.finditer(low), read only around the APPROX_MARKS: each match has
    one, a few characters after its start (after "des" and spaces for "des millions")."""
    matches: list[re.Match[str]] = []
    last = 0
    for q in _occurrences(low, APPROX_MARKS):
        if q < last:
            continue
        start = q
        while start > 0 and low[start - 1].isspace():
            start -= 1
        start = max(last, min(q - _BEFORE_MARK, start - len("des")))
        # one character more: the end of the word is read
        m = _APPROX_LOWER_RE.search(low, start, min(len(low), q + _FROM_MARK + 1))
        if m and m.start() <= q < m.end():
            matches.append(m)
            last = m.end()
    return matches


_APPROX_DET_RE = re.compile(
    r"(?<![^\W_])(?i:(?P<det>une|la|des|les|quelques|plusieurs|d['’]une|sa|cette))[\s\u00a0]+$"
)


_WORD_ALT = alternation({*ALL_NUMBER_WORDS, *FRACTIONS, "virgule"})
_SEP = r"(?:[\s\u00a0]*-[\s\u00a0]*|[\s\u00a0]+)"
_WORD = r"(?<![^\W_])(?:" + _WORD_ALT + r")(?![^\W_])"
_WORD_RUN_RE = re.compile(
    r"(?i:" + _WORD + r"(?:" + _SEP + r"(?:(?:et|point)" + _SEP + r")?" + _WORD + r")*)"
)
_DE_WORD_RE = re.compile(r"[\s\u00a0]+(?:de|d['’])[\s\u00a0]*[^\W\d_]")
_POINT_GAP_RE = re.compile(
    r"[\s\u00a0]+(?i:d['’][\s\u00a0]*(?:avance|écart)|de[\s\u00a0]+(?:retard|plus|moins|hausse|baisse))"
    r"(?![^\W_])"
)
_DE_COMPLEMENT_RE = re.compile(r"[\s\u00a0]+(?:de|d['’]|du|des)[\s\u00a0]*[^\W\d_]+")
_NUMBER_BEFORE_RE = re.compile(r"(?:\d|(?i:" + _WORD + r"))[\s\u00a0]*$")
_UN_BEFORE_RE = re.compile(r"(?<![^\W_])(?i:un|une)[\s\u00a0]+$")
_WORD_AFTER_RE = re.compile(r"[\s\u00a0]*([^\W\d_]+)")
_WORD_SPLIT_RE = re.compile(r"[\s-]+")
_WORD_BEFORE_RE = re.compile(r"([^\W\d_]+)[\s\u00a0]*$")
_DE_START_RE = re.compile(r"(?i:de|d['’])")
_DURATION_GAP_RE = re.compile(r"[\s\u00a0]*(?:et|,)?[\s\u00a0]*")
_LIST_GAP_RE = re.compile(r"[\s\u00a0,;]*(?:et|ou|puis)?[\s\u00a0,;]*")
_ALPHA_RE = re.compile(r"[^\W\d_]+")
_RUN_STARTS = frozenset({*ALL_NUMBER_WORDS, *FRACTIONS, "virgule"})


@dataclass(slots=True)
class _Core:
    start: int
    end: int
    value: float
    form: str  # digits | words | time | approx | fraction
    ordinal: bool = False
    approximate: bool = False
    unit: str | None = None
    unit_end: int | None = None
    single_word: str | None = None  # "un", "neuf"... when the core is that one word
    list_neighbour: bool = False
    mult: float = 1.0  # "millions" in "3,6 millions"


@dataclass(slots=True)
class _Fig:
    start: int
    end: int
    number_start: int
    number_end: int
    value: float | None
    form: str
    low: float | None = None
    high: float | None = None
    approximate: bool = False
    bound: str | None = None
    unit: str | None = None
    counted: str | None = None
    per: str | None = None
    kind: str = "count"
    qualified: bool = False
    confidence: float = 0.6
    mult: float = 1.0


# --- helpers -----------------------------------------------------------------


def _masked(text: str, spans: Iterable[Range]) -> str:
    """``text`` with the characters inside ``spans`` replaced by ``_MASK``."""
    pieces: list[str] = []
    done = 0
    for a, b in sorted(spans):
        a = max(a, done)
        if a < b:
            pieces += (text[done:a], _MASK * (b - a))
            done = b
    pieces.append(text[done:])
    return "".join(pieces)


def _spans(cores: list[_Core]) -> list[Range]:
    return [(c.start, c.end) for c in cores]


def _mask_both(work: str, low: str, cores: list[_Core]) -> tuple[str, str]:
    """``work`` and its lower-case copy ``low`` with ``cores`` masked."""
    if len(low) != len(work):
        work = _masked(work, _spans(cores))
        return work, work.lower()  # the copy is not aligned: lower-case anew
    return _masked(work, _spans(cores)), _masked(low, _spans(cores))


def _inside(pos: int, ranges: Sequence[Range]) -> bool:
    return any(a <= pos < b for a, b in ranges)


def _overlaps(start: int, end: int, ranges: Sequence[Range]) -> bool:
    return any(start < b and a < end for a, b in ranges)


def _overlap_test(ranges: Sequence[Range]) -> Callable[[int, int], bool]:
    """``lambda start, end: _overlaps(start, end, ranges)``, in log time per call."""
    if not ranges:
        return lambda start, end: False
    spans = sorted(ranges)
    starts = [a for a, _ in spans]
    reach: list[int] = []  # reach[i]: the largest end among spans[: i + 1]
    top = -1
    for _, b in spans:
        top = max(top, b)
        reach.append(top)

    def test(start: int, end: int) -> bool:
        i = bisect.bisect_left(starts, end)  # spans[:i] start before ``end``
        return i > 0 and reach[i - 1] > start

    return test


def _occurrences(text: str, words: Iterable[str]) -> list[int]:
    """Where ``words`` (or the characters of a string) start in ``text``, in order: for a
    few rare words or characters, str.find is much faster than a regex scan of the text."""
    found = []
    for word in words:
        i = text.find(word)
        while i != -1:
            found.append(i)
            i = text.find(word, i + 1)
    return sorted(found)


_WS = " \t\n\u00a0\u202f"


def _skip_ws(text: str, pos: int, limit: int = 3) -> int:
    if text[pos : pos + 1] not in _WS:
        return pos  # most often: no space to skip
    window = text[pos : pos + limit]
    return pos + len(window) - len(window.lstrip(_WS))


# --- pass 1: cores -----------------------------------------------------------


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


def _approx_cores(text: str, low: str) -> list[_Core]:
    """Collective nouns (``une dizaine``); ``low`` is ``text`` lower-cased."""
    cores: list[_Core] = []
    # lower-case once: a case-sensitive scan of literal words is much faster
    lowered = len(low) == len(text)
    matches = _approx_matches(low) if lowered else list(_APPROX_RE.finditer(text))
    covered = -1
    for m in matches:
        if m.start() < covered:
            continue
        if m.start() > 0 and (text[m.start() - 1].isalnum() or text[m.start() - 1] == "_"):
            continue
        if m.group("big"):
            value = float(BIG[m.group("big").lower()])
            start = m.start()
        else:
            value = float(APPROX_NOUNS[m.group().lower()])
            dm = _APPROX_DET_RE.search(text, max(0, m.start() - 16), m.start())
            det = (dm.group("det") if dm else "").lower()
            start = (
                dm.start()
                if dm and det in ("une", "d'une", "d’une", "la", "des", "les")
                else m.start()
            )
        end = m.end()
        of = APPROX_OF_BIG_RE.match(text, end)  # "des dizaines de milliers"
        if of:
            value *= float(
                APPROX_NOUNS.get(of.group("big").lower()) or BIG[of.group("big").lower()]
            )
            end = of.end()
        cores.append(_Core(start, end, value, "approx", approximate=True))
        covered = end
    return cores


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


# Number words, also inside longer words ("aucun"): the word-start test is left to
# Python, as a look-behind here would be tried at every candidate letter.
_RUN_START_RE = re.compile(
    r"(?:" + alternation({*ALL_NUMBER_WORDS, *FRACTIONS, "virgule"}) + r")(?![^\W_])"
)


def _word_runs(work: str, low: str) -> list[re.Match[str]]:
    """Runs of number words: candidates from a lower-cased trie scan, then the run regex."""
    runs: list[re.Match[str]] = []
    run_end = -1
    lowered = len(low) == len(work)
    starts = _RUN_START_RE.finditer(low) if lowered else _ALPHA_RE.finditer(work)
    for m in starts:
        if m.start() < run_end or m.group().lower() not in _RUN_STARTS:
            continue
        if lowered and m.start() and low[m.start() - 1].isalnum():
            continue  # inside a word
        run = _WORD_RUN_RE.match(work, m.start())
        if run:
            runs.append(run)
            run_end = run.end()
    return runs


def _word_cores(text: str, work: str, low: str) -> list[_Core]:
    cores: list[_Core] = []
    for run in _word_runs(work, low):
        raw, base = run.group(), run.start()
        if raw.isalpha():  # most runs are one word: read once per word
            cores += [
                _Core(base + s, base + e, value, form, ordinal=ordinal, single_word=single)
                for s, e, value, form, ordinal, single in _one_word_run(raw)
            ]
        else:
            cores += _read_run(raw, base, work)
    return cores


@functools.lru_cache(maxsize=1024)
def _one_word_run(raw: str) -> tuple[tuple[int, int, float, str, bool, str | None], ...]:
    """The cores of a run of one word, at their offsets in it: the same words come back
    in every text, and _read_run reads no text after a run of one word."""
    return tuple(
        (c.start, c.end, c.value, c.form, c.ordinal, c.single_word) for c in _read_run(raw, 0, "")
    )


def _read_run(raw: str, base: int, work: str) -> list[_Core]:
    """The cores of the run of number words ``raw`` starting at ``base`` in ``work``."""
    if raw.isalpha():  # most runs are one word
        toks = [(raw.lower(), 0, len(raw))]
    else:
        toks = [(t.group().lower(), t.start(), t.end()) for t in _ALPHA_RE.finditer(raw)]
    words = [t[0] for t in toks]
    # Hyphen groups: a number must not end inside "quatorze-mille".
    group_of: list[int] = []
    g = 0
    for k, (_, s, _e) in enumerate(toks):
        if k and "-" not in raw[toks[k - 1][2] : s]:
            g += 1
        group_of.append(g)
    i = 0
    run_cores: list[_Core] = []
    while i < len(words):
        w = words[i]
        if w in ("et", "point", "virgule") or (
            w not in CARDINAL_WORDS and w not in ORDINALS and w not in FRACTIONS
        ):
            i += 1
            continue
        if (
            w in ("un", "une")
            and i + 1 < len(words)
            and words[i + 1] in ORDINALS
            and not words[i + 1].startswith(("premi", "second"))
        ):
            frac_ord = parse_ordinal_words(words[i + 1 :])
            s1, e1 = base + toks[i][1], base + toks[i + (frac_ord or (0, 1))[1]][2]
            tail = _WORD_AFTER_RE.match(work, e1, min(len(work), e1 + 30))
            if frac_ord and (tail is None or tail.group(1) in ("de", "d")):
                run_cores.append(_Core(s1, e1, 1 / frac_ord[0], "fraction"))
                i += 1 + frac_ord[1]
                continue
        if (
            i + 1 < len(words)
            and words[i + 1] in ("quart", "tiers", "demi")
            and group_of[i] == group_of[i + 1]
            and words[i + 1] == "quart"
        ):
            i += 2  # "quatre-quart" (a cake), not 4 x 1/4
            continue
        rest = words[i:]
        ordinal = parse_ordinal_words(rest)
        cardinal = parse_number_words(rest) if w in CARDINAL_WORDS else None
        if ordinal is not None and (cardinal is None or ordinal[1] > cardinal[1]):
            value, used = ordinal
            s, e = base + toks[i][1], base + toks[i + used - 1][2]
            run_cores.append(_Core(s, e, value, "words", ordinal=True))
            i += used
            continue
        if cardinal is None:
            if w in FRACTIONS:
                s, e = base + toks[i][1], base + toks[i][2]
                run_cores.append(_Core(s, e, FRACTIONS[w], "words", single_word=w))
            i += 1
            continue
        value, used = cardinal
        last = i + used - 1
        if (
            used > 1
            and last + 1 < len(words)
            and group_of[last + 1] == group_of[last]
            and words[last + 1] != "et"
        ):
            # Do not split a hyphenated group: back off to its start.
            k = last
            while k > i and group_of[k] == group_of[last]:
                k -= 1
            if k >= i and group_of[k] != group_of[last]:
                back = parse_number_words(words[i : k + 1])
                if back is not None and back[1] == k + 1 - i:
                    value, used = back
                    last = k
        j = last + 1
        # decimals: "deux virgule cinq", "zéro point trois"
        if j + 1 < len(words) and words[j] in ("virgule", "point"):
            k = j + 1
            zeros = ""
            while k < len(words) and words[k] in ("zéro", "zero"):
                zeros += "0"
                k += 1
            frac = parse_number_words(words[k:]) if k < len(words) else None
            if frac is not None and (frac[0] > 0 or zeros):
                digits = zeros + str(int(frac[0])) if frac[0] > 0 else zeros
                value = float(f"{int(value)}.{digits}")
                last = k + frac[1] - 1 if frac[0] > 0 else k - 1
            elif zeros:
                value = float(f"{int(value)}.{zeros}")
                last = k - 1
        # fractions: "trois quarts", "deux tiers", "un et demi"
        j = last + 1
        if j < len(words) and words[j] in FRACTIONS and words[j] not in ("demi", "demie"):
            value = value * FRACTIONS[words[j]]
            last = j
        elif j + 1 < len(words) and words[j] == "et" and words[j + 1] in ("demi", "demie"):
            # "un milliard et demi": half of the last big number, not 0.5
            scale = BIG.get(words[last], 1000 if words[last] in ("mille", "milles") else 1)
            value += 0.5 * scale
            last = j + 1
        s, e = base + toks[i][1], base + toks[last][2]
        single = w if last == i else None
        run_cores.append(_Core(s, e, value, "words", single_word=single))
        i = last + 1
    return run_cores


# --- pass 2: extend ------------------------------------------------------------


_COUNTED_WORD_RE = re.compile(r"[\s\u00a0]+([^\W\d_][\w'’-]*)")
_COMPOUND_TAIL_RE = re.compile(
    r"[\s\u00a0]+(?P<tail>(?i:" + "|".join(re.escape(t) for t in COMPOUND_TAILS) + r"))(?![^\W_])"
)
_GLUED_WORD_RE = re.compile(r"([^\W\d_][\w'’-]*)")
_DE_NOUN_RE = re.compile(r"[\s\u00a0]+(?:de[\s\u00a0]+|d['’])([^\W\d_][\w-]*)")
_S_TAIL_RE = re.compile(r"[\s\u00a0]?(?P<cs>\d{2})(?!\d|,\d|\.\d|[\s\u00a0]*(?:%|€|\$))")
_M_TAIL_RE = re.compile(r"[\s\u00a0]?(?P<cm>\d{2})(?![\d,.]|[\s\u00a0]*[^\W\d_])")


_LOCUTION_NOUNS = frozenset(["face", "grâce", "suite", "quant", "jusque"])
_A_AFTER_RE = re.compile(r"[\s\u00a0]+(?i:à|au|aux)(?![^\W_])")


def _counted(
    text: str, pos: int, value: float, first: re.Match[str] | None = None
) -> tuple[str, int] | None:
    """The counted noun after ``pos`` (``exemplaires``, ``avions de combat``).

    ``first``: the match of _COUNTED_WORD_RE at ``pos``, if the caller has it.
    """
    m = first or _COUNTED_WORD_RE.match(text, pos)
    if m is None and pos > 0 and text[pos - 1] in " '’\u00a0":
        m = _GLUED_WORD_RE.match(text, pos)
    skipped = 0
    while m and m.group(1).lower() in PRENOMINAL and skipped < 2:
        m2 = _COUNTED_WORD_RE.match(text, m.end())
        if not m2:
            break
        m = m2
        skipped += 1
    if not m:
        return None
    word = m.group(1)
    if "'" in word or "’" in word:
        return None
    low = word.lower()
    if low in _LOCUTION_NOUNS and _A_AFTER_RE.match(text, m.end()):
        return None  # "2 à 1 face à l'Espagne", "grâce à": a preposition, not a noun
    if (
        len(word) < 2
        or not word[0].islower()
        or low in FUNCTION_WORDS
        or low in ALL_NUMBER_WORDS
        or low in ADJ_PER
    ):
        return None
    if value >= 2 and not looks_plural(word):
        return None
    lemma = singular(word)
    end = m.end()
    tm = _COMPOUND_TAIL_RE.match(text, end)
    if tm:
        return lemma + " " + tm.group("tail").lower(), tm.end()
    dm = _DE_NOUN_RE.match(text, end)
    if dm:
        comp = dm.group(1)
        if (
            comp[0].islower()
            and comp.lower() not in FUNCTION_WORDS
            and comp.lower() not in ALL_NUMBER_WORDS
            and match_unit(text, dm.start(1)) is None
        ):
            sep = (
                " d'"
                if dm.group().rstrip(comp).strip().startswith("d'") or "’" in dm.group()
                else " de "
            )
            return lemma + sep + comp.lower(), dm.end()
    return lemma, end


def _unit_at(work: str, pos: int) -> tuple[str, int] | None:
    p = _skip_ws(work, pos)
    found = match_unit(work, p)
    if found is None and p == pos and work[pos : pos + 1] in ("-", "‑"):
        # "demi-litre", "10-secondes": a hyphen before a unit word
        found = match_unit(work, pos + 1)
        if found is not None and (found[1] - pos - 1 < 3 or not work[pos + 1].isalpha()):
            found = None
    if found is None:
        return None
    unit, end = found
    if end < len(work) and work[end - 1].isalpha() and (work[end].isalpha()):
        return None
    if (
        end < len(work)
        and work[end - 1].isalpha()
        and work[end].isdecimal()
        and unit not in ("m", "h")
    ):
        return None
    if end - p == 1 and work[end : end + 1] in ("'", "’") and work[p].isalpha():
        # "20 milliards l'an prochain", "3 m'a dit": an elided article or pronoun
        return None
    if p > pos and unit in ("min", "s") and work[p] in "'’′":
        # "l'an", quotes: a minute/second mark sticks to the number.
        return None
    if unit == "point" and _DE_WORD_RE.match(work, end) and not _POINT_GAP_RE.match(work, end):
        return None  # "points de vente", not "points d'avance" (a gap in a poll)
    return unit, end


def _last_word(text: str, start: int) -> str:
    window = text[max(0, start - 24) : start].rstrip()
    if not window:
        return ""
    word = window.rsplit(None, 1)[-1].lower()
    if "'" not in word and "’" not in word:
        return word
    return word.rsplit("'", 1)[-1].rsplit("’", 1)[-1] if word[-1:] not in "'’" else word[-2:-1]


def _may_qualify(text: str, start: int) -> bool:
    word = _last_word(text, start)
    return word in QUALIFIER_LAST or word.endswith(("à", "de")) or word[:1] in "~≈±><≥≤"


def _may_sign(text: str, start: int) -> bool:
    window = text[max(0, start - 8) : start].rstrip()
    if not window:
        return False
    last = window[-1]
    # "moins", "plus": only an "s" lower-cases to a final "s"
    return last in "-+−–" or (last in "sS" and window.lower().endswith(("moins", "plus")))


def _unit_after(
    work: str, core: _Core
) -> tuple[tuple[str, int] | None, re.Match[str] | None, re.Match[str] | None]:
    """The unit after a core that has none yet: (unit and its end, the "de" after a
    scale word, the word right after the number when it was read)."""
    pos = core.end
    after_de = None  # "3 millions de", "une dizaine de": the unit or noun comes after "de"
    word_after = None
    if (
        core.form == "approx"
        or (core.form == "digits" and work[core.start : core.end].rstrip()[-1:].isalpha())
        or (core.form == "words" and core.value >= 10**6)
    ):
        after_de = _DE_RE.match(work, pos)
    probe = after_de.end() if after_de else pos
    found = _unit_at(work, probe)
    if found is None and after_de is None:
        word_after = _COUNTED_WORD_RE.match(work, pos)
        if word_after and word_after.group(1).lower() in PRENOMINAL:
            found = _unit_at(work, word_after.end())  # "9 petits km/h"
    if found is None and after_de is None and core.form in ("words", "fraction"):
        # "quart de litre", "un tiers de litre": unit after "de"
        de = _DE_RE.match(work, pos) if core.value < 1 else None
        if de:
            found = _unit_at(work, de.end())
    return found, after_de, word_after


# Between a number and the "et demi" after its counted noun ("une fois et demie") there
# are only letters, digits, spaces, apostrophes and hyphens (see _counted and ET_DEMI_RE).
_NOT_IN_COUNTED_RE = re.compile(r"[^\w\s'’-]")


def _one_dropped(text: str, work: str, core: _Core, halves: Sequence[int]) -> bool:
    """Whether _keep would drop this lone "un"/"une" core, told without building it.

    _keep keeps a lone "un" only with a unit, a qualifier, a half after its counted
    noun ("une fois et demie") or in a list (``un, deux, trois``): most are articles,
    and each of these is ruled out here by the same tests as in _build, or by a
    cheaper one that implies them. ``halves``: where "demi" and "quart" start in
    ``work``, in order.
    """
    s, e = core.start, core.end
    if core.list_neighbour:
        return False
    if currency_before(text, s) is not None or BELOW_ZERO_RE.match(work, e):
        return False
    if _unit_after(work, core)[0] is not None:
        return False
    if s > 0 and text[s - 1] in "'’":
        return True  # "d'un", "qu'une": no unit, nothing else keeps it
    if _may_sign(text, s) or _may_qualify(text, s):
        return False
    k = bisect.bisect_left(halves, e)
    if k == len(halves):
        return True
    # no half after the counted noun if something else comes first; read a bounded
    # stretch ("un un un ... demi"), past it _build decides
    return _NOT_IN_COUNTED_RE.search(work, e, min(halves[k], e + 200)) is not None


def _build(text: str, work: str, core: _Core) -> _Fig:
    fig = _Fig(core.start, core.end, core.start, core.end, core.value, core.form)
    fig.approximate = core.approximate
    fig.mult = core.mult
    pos = core.end
    unit = core.unit
    after_de = None  # "3 millions de", "une dizaine de": the unit or noun comes after "de"
    word_after = None  # the word right after the number, once read
    if core.ordinal:
        fig.kind = "rank"
    elif unit is None:
        found, after_de, word_after = _unit_after(work, core)
        if found:
            unit, pos = found
            # "1 m 50", "1 h 30", "2 heures et demie"
            if unit == "m":
                tm = _M_TAIL_RE.match(work, pos)
                if tm and core.form == "digits":
                    fig.value = (fig.value or 0) + int(tm.group("cm")) / 100
                    pos = tm.end()
            if unit == "s" and core.form == "digits":
                # "10 secondes 85", "10 s 85": hundredths of a second
                tm = _S_TAIL_RE.match(work, pos)
                nxt = _WORD_AFTER_RE.match(work, tm.end()) if tm else None
                if tm and (nxt is None or nxt.group(1).lower() in FUNCTION_WORDS):
                    fig.value = (fig.value or 0) + int(tm.group("cs")) / 100
                    pos = tm.end()
            if unit == "h":
                hm = HOUR_TAIL_RE.match(work, pos)
                if hm:
                    mins = hm.group("m") or hm.group("w")
                    mv = parse_digits(mins) if mins[0].isdecimal() else None
                    if mv is None:
                        parsed = parse_number_words(_WORD_SPLIT_RE.split(mins.lower()))
                        mv = parsed[0] if parsed else None
                    if mv is not None:
                        fig.value = (fig.value or 0) * 60 + mv
                        unit = "min"
                        pos = hm.end()
            em = ET_DEMI_RE.match(work, pos)
            if em and fig.value is not None:
                fig.value += 0.25 if em.group("quart") else 0.5
                pos = em.end()
        elif after_de is not None:
            pos = core.end
    prefix = None
    if unit is None and core.form in ("digits", "words") and not core.ordinal:
        prefix = currency_before(text, core.start)
        if prefix:
            unit = prefix[0]
    bz = BELOW_ZERO_RE.match(work, pos)
    if bz and fig.value is not None and (unit is None or unit_kind(unit) == "measure"):
        fig.value = -fig.value
        unit = unit or "°"
        pos = bz.end()
    if unit == "point" and (
        abs(core.value) >= 100 or INDEX_NAMES_RE.search(text, max(0, core.start - 80), core.start)
    ):
        unit = None  # index points ("le CAC 40 a perdu 150 points"): counted below
        pos = core.end
    elif (
        unit == "point"
        and float(core.value).is_integer()
        and "pourcentage" not in work[pos - 30 : pos + 20].lower()
        and TALLY_CONTEXT_RE.search(text, max(0, core.start - 150), core.end + 80)
    ):
        unit = None  # a score or tally ("avec 52 points, l'OM remonte"): counted below
        pos = core.end
    if unit == "°" and TEMPERATURE_CONTEXT_RE.search(
        text, max(0, core.start - 150), min(len(text), pos + 80)
    ):
        unit = "°C"  # "il fera entre 5 et 8 degrés": the weather is in Celsius
    if unit is not None:
        fig.unit = unit
        fig.kind = unit_kind(unit)
        if fig.kind == "money" and fig.value is not None:
            sub = SUBUNIT_RE.match(work, pos)
            if sub:
                n = sub.group("n")
                cents = parse_digits(n) if n[0].isdecimal() else None
                if cents is None and not n[0].isdecimal():
                    parsed = parse_number_words(_WORD_SPLIT_RE.split(n.lower()))
                    cents = parsed[0] if parsed and parsed[0] < 100 else None
                if cents is not None:
                    fig.value += cents / 100
                    pos = sub.end()
    elif not core.ordinal:
        # no unit: the number still ends where the unit was looked for
        probe = after_de.end() if after_de else pos
        counted = _counted(work, probe, core.value, word_after)
        if counted:
            fig.counted, pos = counted
            em = ET_DEMI_RE.match(work, pos)
            if em and fig.value is not None:
                fig.value += 0.25 if em.group("quart") else 0.5
                pos = em.end()
    fig.end = pos  # _extend adds the rate and qualifiers after, if the figure is kept
    # sign and qualifier before
    start = core.start
    sm = SIGN_RE.search(text, max(0, start - 8), start) if _may_sign(text, start) else None
    if sm and core.form in ("digits", "words", "time", "fraction") and not core.ordinal:
        before = text[max(0, sm.start() - 20) : sm.start()]
        sign = (
            -1.0
            if (sm.group("sym") in ("-", "−", "–") or (sm.group("word") or "").lower() == "moins")
            else 1.0
        )
        is_sign = True
        if sm.group("sym"):
            prev = text[sm.start() - 1 : sm.start()] if sm.start() > 0 else ""
            if prev and (prev.isalnum() or prev in "-/"):
                is_sign = False
            elif _NUMBER_BEFORE_RE.search(before):
                is_sign = False  # "10 - 20" is a range, "dix + deux" an operation
        else:
            if NOT_SIGN_BEFORE.search(before) or _NUMBER_BEFORE_RE.search(before):
                is_sign = False
        if is_sign:
            if fig.value is not None:
                fig.value *= sign
            start = sm.start()
            fig.number_start = start
    if prefix is not None:
        start = prefix[1]
        fig.number_start = min(fig.number_start, start)
    qm = QUALIFIER_RE.search(text, max(0, start - 40), start) if _may_qualify(text, start) else None
    if qm:
        # "dès 2025", "jusqu'à 2030", "à partir de 2030" still read as years
        fig.qualified = not TIME_QUALIFIER_RE.match(qm.group())
        family = qualifier_family(qm)
        if family == "approx":
            fig.approximate = True
        elif family in ("min", "max"):
            fig.bound = family
        start = qm.start()
    fig.start = start
    fig.confidence = 0.8 if (fig.unit or fig.counted) else 0.6
    if core.form == "words" and not (fig.unit or fig.counted):
        fig.confidence = 0.5
    return fig


# One match each for what may follow a figure, tried in the order of the rules:
# a rate ("par mois") before its adjective ("mensuels"); "environ" before "pile".
_RATE_RE = re.compile(f"{PER_RE.pattern}|{ADJ_PER_RE.pattern}")
_POST_RE = re.compile(f"(?:{POST_APPROX_RE.pattern})(?P<approx>)|{POST_EXACT_RE.pattern}")


def _extend(work: str, fig: _Fig) -> None:
    """The rate and qualifiers after the figure: ``par mois``, ``environ``, ``pile``.

    Apart from _build: only the figures that _keep keeps need them.
    """
    pos = fig.end
    # rate ("3 500 euros brut par mois")
    if fig.kind == "money":
        tm = PRICE_TERMS_RE.match(work, pos)
        if tm and _RATE_RE.match(work, tm.end()):
            pos = tm.end()
    rate = _RATE_RE.match(work, pos)
    if rate and rate.group("per") is not None:
        fig.per = per_value(rate.group("per"))
        fig.end = rate.end()
    else:
        # a rate after a complement: "12 000 tonnes de blé par an"
        dm = _DE_COMPLEMENT_RE.match(work, pos) if fig.counted or fig.unit else None
        pm = PER_RE.match(work, dm.end()) if dm else None
        if pm:
            fig.per = per_value(pm.group("per"))
            fig.end = pm.end()
        elif rate:  # after "brut"/"net" if any: "euros brut mensuels"
            fig.per = per_value(rate.group("adj"))
            fig.end = rate.end()
    # after-number qualifiers: "10 euros environ", "100 yuan pile"
    post = _POST_RE.match(work, fig.end)
    if post:
        fig.approximate = fig.approximate or post.lastgroup == "approx"
        fig.end = post.end()


# --- pass 3: false positives -------------------------------------------------------


# "les neuf premiers mois de l'année", "des trois derniers mois de 2023": a period
# of a year (the dates read it as a DATE), not a duration that was measured
_PERIOD_OF_YEAR_RE = re.compile(
    r"[\s\u00a0]+(?i:premiers|premières|derniers|dernières)[\s\u00a0]+(?i:mois|semaines|jours)"
    r"[\s\u00a0]+(?i:de[\s\u00a0]+l['’][\s\u00a0]*(?:année|exercice)|d['’][\s\u00a0]*année"
    r"|de[\s\u00a0]+(?:19|20)\d\d\b)"
)

# "au cours des douze derniers mois", "dans les trois prochaines années": a period
# counted back or forward from now (a DATE/DURATION for the dates), not a figure
_PERIOD_FROM_NOW_RE = re.compile(
    r"[\s\u00a0]+(?i:derniers|dernières|prochains|prochaines|écoulés|écoulées|passés|passées)"
    r"(?![^\W_])(?P<unit>[\s\u00a0]+(?i:mois|semaines|jours|années|ans|heures|minutes|décennies"
    r"|trimestres|semestres|saisons|siècles)(?![^\W_]))?"
)
_PERIOD_FROM_NOW_BEFORE_RE = re.compile(r"(?<![^\W_])(?i:les|des|ces)[\s\u00a0]+$")
# "un mois de juin pluvieux": the month named, not a duration of one month
_MONTH_NAMED_RE = re.compile(
    r"[\s\u00a0]+(?i:de|d['’])[\s\u00a0]*(?i:" + alternation(MONTH_FULL) + r")(?![^\W_])"
)


def _keep(text: str, core: _Core, fig: _Fig) -> bool:
    """False positives read on the number, its unit or counted noun, and what precedes it.

    The tests are pure, so each runs as soon as what it reads is known: _false_core
    before _build, _keep after it, _keep_span after _extend.
    """
    s, e = core.start, core.end
    duration = fig.kind == "duration"
    if duration and _PERIOD_OF_YEAR_RE.match(text, e):
        return False
    if not fig.qualified and (duration or not (fig.unit or fig.counted)):
        pm = _PERIOD_FROM_NOW_RE.match(text, e)
        if (
            pm
            and (duration or pm.group("unit"))
            and _PERIOD_FROM_NOW_BEFORE_RE.search(text, max(0, s - 8), s)
        ):
            return False
    if core.form == "digits":
        num_end = s
        while num_end < e and (text[num_end].isdecimal() or text[num_end] in ".,"):
            num_end += 1
        while num_end > s and text[num_end - 1] in ".,":
            num_end -= 1
        plain = num_end == e
        # the rules are pure: the cheap tests of the figure go first
        if plain and not (fig.qualified or fig.unit or fig.counted) and fp.year(text, s, num_end):
            return False
        if not fig.unit and fp.day_of_month(text, s, num_end):
            return False
        if fig.unit in (None, "h", "min") and fp.time_of_day(text, s, num_end):
            return False
        if not fig.unit and not fig.qualified and fp.reference(text, s, num_end):
            return False
        if not fig.unit and not fig.qualified and fp.postcode(text, s, num_end):
            return False
        if not fig.unit and fp.score(text, s, num_end):
            return False
        if not (fig.unit or fig.counted or fig.qualified) and fp.model_or_label(text, s, e):
            return False
    if core.form == "words" and not fig.unit and fp.capitalised_number_word(text, s, e):
        return False
    if core.form == "words" and not core.ordinal:
        if s > 0 and text[s - 1] in "'’" and core.single_word in ("un", "une") and not fig.unit:
            return False
        if core.single_word in ("un", "une"):
            half = fig.value is not None and fig.value > 1
            if fig.unit is None and not core.list_neighbour and not fig.qualified and not half:
                return False
            if fig.unit == "point":
                return False
        if core.single_word == "neuf" and not (
            fig.unit or fig.counted or fig.qualified or core.list_neighbour
        ):
            b = _WORD_BEFORE_RE.search(text, max(0, s - 20), s)
            if b and b.group(1).lower() not in fp.DETERMINERS | {"à", "de", "et", "ou", "sur"}:
                return False
        if core.single_word in FRACTIONS and not fig.unit and not fig.counted:
            return False
        if core.single_word in ("point",):
            return False
        if not fig.unit and fp.day_of_month(text, s, e):
            return False
        if not fig.unit and not fig.qualified and fp.reference(text, s, e):
            return False
    return not fp.tournament_round(text, s, e)


def _keep_span(text: str, core: _Core, fig: _Fig) -> bool:
    """The false positives read on the whole figure, once _extend has ended it."""
    e = core.end
    if fig.unit == "month" and fig.value == 1 and _MONTH_NAMED_RE.match(text, fig.end):
        return False
    if core.form == "digits":
        if e < len(text) and text[e].isalpha() and fig.end == e:
            # glued letters that are not a unit or suffix: "2CV", "Free2Move"
            return False
        slash_after = text[fig.end : fig.end + 2]
        if slash_after[:1] == "/" and slash_after[1:].isdecimal():
            return False  # "24h/24" (see _false_core)
    return not (fig.kind == "duration" and fp.relative_date(text, fig.start, fig.end))


def _false_core(text: str, core: _Core) -> bool:
    """False positives whatever figure the core would make: tested before building it."""
    s, e = core.start, core.end
    if core.form == "digits":
        if fp.name_or_code(text, s, e) and currency_before(text, s) is None:
            return True
        if e < len(text) and (text[e].isdecimal() or text[e] == "/"):
            return True  # "12/20": ratios, grades, codes (fractions are read before)
        if s > 0 and text[s - 1] == "/":
            return True
    if core.ordinal:
        if fp.name_or_code(text, s, e) or fp.day_of_month(text, s, e):
            return True
        if fp.reference_word_before(text, s):
            return True  # "l'article 1er"
        if fp.ordinal_role(text, s, e) is None:
            return True
        if core.form == "digits" and fp.model_or_label(text, s, e):
            return True  # "Lyon 3e", "Paris 16e": a district
    return False


# --- pass 4: join ----------------------------------------------------------------

_COMMA_GAP = re.compile(r"^[\s\u00a0]*,[\s\u00a0]*$")


_DIM_GAP = re.compile(r"[\s\u00a0]*[x×][\s\u00a0]*$")


def _comparable(a: float | None, b: float | None) -> bool:
    """Two sides of one object ("20 x 30 cm"), not a relay ("4 x 100 m")."""
    if a is None or b is None or a <= 0 or b <= 0:
        return False
    return max(a, b) / min(a, b) <= 10


def _join(text: str, figs: list[_Fig]) -> list[_Fig]:
    out: list[_Fig] = []
    i = 0
    n = len(figs)
    while i < n:
        a = figs[i]
        if a.kind == "rank" or a.value is None:
            out.append(a)
            i += 1
            continue
        # dimensions: "2556 x 1179 pixels", "4 × 5 m": the first side takes the unit
        if (
            i + 1 < n
            and a.unit is None
            and a.counted is None
            and figs[i + 1].value is not None
            and figs[i + 1].kind != "rank"
            and _DIM_GAP.match(text, a.end, figs[i + 1].start)
            and _comparable(a.value, figs[i + 1].value)
        ):
            b = figs[i + 1]
            if b.unit is not None:
                _carry(a, b)
            a.counted = b.counted
        # chain of alternatives/lists: a, b, c ou d
        chain = [a]
        gaps: list[str] = []
        j = i + 1
        while j < n:
            prev, nxt = chain[-1], figs[j]
            gap = text[prev.end : nxt.start]
            if (
                gap.strip() == ""
                and text[nxt.start : nxt.start + 1] in "-–"
                and nxt.value is not None
                and nxt.value < 0
                and prev.unit == nxt.unit
                and prev.value is not None
                and prev.value > 0
            ):
                nxt.value = -nxt.value
                nxt.start = nxt.number_start = _skip_ws(text, nxt.start + 1, 5)
                gap = text[prev.end : nxt.start]
            if nxt.kind == "rank" or nxt.value is None or len(gap) > 12:
                break
            if prev.counted or (prev.unit and prev.unit != nxt.unit):
                break
            if (
                _COMMA_GAP.match(gap)
                or OU_GAP.match(gap)
                or ET_GAP.match(gap)
                or RANGE_GAP.match(gap)
            ):
                chain.append(nxt)
                gaps.append(gap.strip().lower())
                j += 1
                if not _COMMA_GAP.match(gap):
                    break
                continue
            break
        if len(chain) == 1:
            out.append(a)
            i += 1
            continue
        _carry_multiplier(chain)
        last_gap = gaps[-1]
        last = chain[-1]
        before_a = text[max(0, a.start - 30) : a.start]
        numbers = [f.value for f in chain if f.value is not None]
        range_like = last_gap in ("-", "–", "—", "à", "a", "au") or (
            last_gap == "et" and ENTRE_BEFORE.search(before_a) and len(chain) == 2
        )
        if range_like and len(chain) == 2:
            de = DE_BEFORE.search(before_a)
            de_start = a.start - len(before_a) + de.start() if de else 0
            cm = CHANGE_RE.search(text, max(0, a.start - 60), de_start) if de else None
            change = cm is not None and not (
                DECREASE_RE.match(cm.group()) and numbers[0] < numbers[1]
            )
            if (
                change
                or numbers[0] >= numbers[1]
                or (
                    a.unit is None
                    and last.unit is None
                    and last_gap in ("-", "–", "—")
                    and a.form != last.form
                )
            ):
                for f in chain:
                    if f.unit is None and last.unit is not None:
                        _carry(f, last)
                    if f.counted is None and f.unit is None and last.counted is not None:
                        f.counted = last.counted
                out.extend(chain)
                i = j
                continue
            out.append(_merge(text, chain, before_a, entre=last_gap == "et"))
            i = j
            continue
        if last_gap in ("ou", "voire") and all(g in (",", "ou", "voire") for g in gaps):
            out.append(_merge(text, chain, before_a, entre=False))
            i = j
            continue
        if last_gap == "et" or all(g == "," for g in gaps):
            if len(chain) == 2 and all(g == "," for g in gaps):
                out.append(a)
                i += 1
                continue
            for f in chain:
                if f.unit is None and last.unit is not None and f.counted is None:
                    _carry(f, last)
            out.extend(chain)
            i = j
            continue
        out.append(a)
        i += 1
    return out


def _carry(f: _Fig, last: _Fig) -> None:
    f.unit = last.unit
    f.kind = last.kind
    f.per = f.per or last.per


def _carry_multiplier(chain: list[_Fig]) -> None:
    """``de 1,2 à 3,6 millions``: the multiplier of the last member applies to all."""
    last = chain[-1]
    if last.mult <= 1:
        return
    for f in chain[:-1]:
        if f.mult == 1 and f.value is not None and f.form == "digits" and abs(f.value) < 1000:
            f.value *= last.mult
            f.mult = last.mult


def _merge(text: str, chain: list[_Fig], before_a: str, *, entre: bool) -> _Fig:
    a, last = chain[0], chain[-1]
    values = [f.value for f in chain if f.value is not None]
    start = a.start
    m = ENTRE_BEFORE.search(before_a) if entre else None
    if m is None and not entre:
        m = DE_BEFORE.search(before_a)
        if m and not _DE_START_RE.match(m.group()):
            m = None
    if m:
        start = a.start - (len(before_a) - m.start())
    merged = _Fig(
        start,
        last.end,
        a.number_start,
        last.number_end,
        None,
        last.form,
        low=min(values),
        high=max(values),
        approximate=any(f.approximate for f in chain),
        bound=None,
        unit=last.unit or a.unit,
        counted=last.counted,
        per=last.per or a.per,
        kind=last.kind if last.unit else a.kind,
        qualified=a.qualified,
        confidence=max(f.confidence for f in chain),
    )
    if a.bound and a.bound == last.bound:
        merged.bound = a.bound
    return merged


def _merge_durations(text: str, figs: list[_Fig]) -> list[_Fig]:
    out: list[_Fig] = []
    for f in figs:
        if out:
            p = out[-1]
            gap = text[p.end : f.start]
            if (
                p.kind == "duration"
                and f.kind == "duration"
                and p.value is not None
                and f.value is not None
                and p.unit in SECONDS
                and f.unit in SECONDS
                and SECONDS[p.unit] > SECONDS[f.unit]
                and _DURATION_GAP_RE.fullmatch(gap)
                and not f.qualified
            ):
                p.value = p.value * SECONDS[p.unit] / SECONDS[f.unit] + f.value
                p.unit = f.unit
                p.end = f.end
                p.number_end = f.number_end
                continue
        out.append(f)
    return out


# A new line, or a stop before a new sentence: one of _SENTENCE_MARKS, then the tests.
_SENTENCE_END = re.compile(r"[.!?…\n](?:(?<=\n)|(?=[\s\u00a0]+[^\W\d_«\"(]|[\s\u00a0]*\n))")


_SENTENCE_MARKS = ".!?…\n"


def _sentence_end_before(text: str, pos: int, lo: int = 0) -> int:
    """The last match of _SENTENCE_END in ``text[lo:pos]`` (-1: none), looked for
    backwards from ``pos``: few figures need it, a scan of the whole text costs more."""
    while pos > lo:
        pos = max(text.rfind(mark, lo, pos) for mark in _SENTENCE_MARKS)
        if pos == -1 or _SENTENCE_END.match(text, pos):
            return pos
    return -1


_DONT_BEFORE_RE = re.compile(r"(?<![^\W_])(?i:dont)[\s\u00a0]+$")


def _carry_counted(text: str, figs: list[_Fig]) -> None:
    """A bare count takes the counted noun of a figure before it in the same sentence;
    a bare amount with a multiplier takes its unit (``19,7 milliards de dollars contre
    18,5 milliards``)."""
    # the figures come in text order: each stretch of text is searched once ("1." * 20000)
    seen, end = 0, -1  # no sentence end between ``end`` and ``seen``
    for i, f in enumerate(figs):
        if f.kind != "count" or f.counted or f.unit:
            continue
        if f.start >= seen:
            found = _sentence_end_before(text, f.start, seen)
            end, seen = (end if found == -1 else found), f.start
            sentence_start = end
        elif end < f.start:
            sentence_start = end
        else:
            sentence_start = _sentence_end_before(text, f.start)
        if i and _DONT_BEFORE_RE.search(text, max(0, f.start - 8), f.start):
            # "cinq ans de prison dont deux avec sursis": a part of the figure before
            p = figs[i - 1]
            if (
                p.unit
                and p.end > sentence_start
                and f.start - p.end < 60
                and p.value is not None
                and f.value is not None
                and f.value * max(p.mult / f.mult, 1) <= p.value
            ):
                if p.mult > 1 and f.mult == 1:
                    f.value *= p.mult  # "12 millions d'euros, dont 3 pour la culture"
                    f.mult = p.mult
                _carry(f, p)
                continue
        if f.mult > 1:
            for p in reversed(figs[max(0, i - 3) : i]):
                if p.end <= sentence_start or f.start - p.end > 150:
                    break
                if p.unit and p.mult == f.mult and p.kind in ("money", "measure"):
                    f.unit, f.kind = p.unit, p.kind
                    break
            if f.unit:
                continue
        best: _Fig | None = None
        for p in reversed(figs[max(0, i - 12) : i]):
            if p.end <= sentence_start or f.start - p.end > 400:
                break
            if not p.counted or p.kind != "count":
                continue
            if best is None:
                best = p
            if p.form == f.form:
                best = p
                break
        if best is not None:
            f.counted = best.counted


# --- entry point ------------------------------------------------------------------


# the figure's kind and bound as the hit's types (any other kind is a count)
_KINDS: dict[str, FigureKind] = {
    "money": "money",
    "percent": "percent",
    "duration": "duration",
    "measure": "measure",
    "rank": "rank",
}
_BOUNDS: dict[str | None, Bound] = {"min": "min", "max": "max"}


def _to_hit(text: str, f: _Fig) -> FigureHit:
    return FigureHit(
        start=f.start,
        end=f.end,
        text=text[f.start : f.end],
        number_start=f.number_start,
        number_end=f.number_end,
        value=f.value,
        low=f.low,
        high=f.high,
        approximate=f.approximate,
        bound=_BOUNDS.get(f.bound),
        unit=f.unit,
        counted=f.counted,
        per=f.per,
        kind=_KINDS.get(f.kind, "count"),
        confidence=f.confidence,
    )


_LIST_START = re.compile(r"(?:^|(?<=[\n.:;)\"”,]))[\s\u00a0]*$")
_RANK_AFTER = re.compile(r"\.[\s\u00a0]+[^\W\d_]")


def find_figures(
    text: str, *, excluded: Sequence[Range] = (), blocked: Sequence[Range] = ()
) -> list[FigureHit]:
    """Return the figures of ``text`` in text order.

    ``excluded``: boilerplate ranges; nothing starting inside them is returned.
    ``blocked``: ranges already read as dates or times (``en 2020``, ``le 25
    juillet``, ``14h30``); numbers inside them are parts of dates, not figures.
    """
    if not text:
        return []
    urls = fp.url_spans(text)
    # each pass masks the cores it found: the text is rebuilt only when it changed,
    # and its lower-case copy for the scans of words with it
    work = _masked(text, urls) if urls else text
    cores = _race_cores(work)
    if cores:
        work = _masked(work, _spans(cores))
    low = work.lower()
    approx = _approx_cores(work, low)
    if approx:
        work, low = _mask_both(work, low, approx)
    fractions = _fraction_cores(work)
    if fractions:
        work, low = _mask_both(work, low, fractions)
    cores += approx
    cores += fractions
    cores += _digit_cores(text, work)
    words = _word_cores(text, work, low)
    _mark_lists(text, words)
    cores += words
    cores.sort(key=lambda c: (c.start, -c.end))
    figs: list[_Fig] = []
    last_end = -1
    is_blocked = _overlap_test(blocked)
    halves = _occurrences(work, ("demi", "quart"))
    for core in cores:
        if core.start < last_end:
            continue
        if (blocked and is_blocked(core.start, core.end)) or _false_core(text, core):
            continue
        if core.single_word in ("un", "une") and _one_dropped(text, work, core, halves):
            continue
        fig = _build(text, work, core)
        if not _keep(text, core, fig):
            continue
        _extend(work, fig)
        if not _keep_span(text, core, fig):
            continue
        _rank_context(text, core, fig)
        figs.append(fig)
        last_end = max(fig.end, core.end)
    figs = _merge_durations(text, figs)
    figs = _join(text, figs)
    _carry_counted(text, figs)
    hits = []
    for f in figs:
        if excluded and _inside(f.start, excluded):
            continue
        hits.append(_to_hit(text, f))
    return hits


def _rank_context(text: str, core: _Core, fig: _Fig) -> None:
    """Results tables (``1. Guidi``) and ``les dix premiers`` are ranks."""
    if core.form == "digits" and not core.ordinal and fig.unit is None and fig.value is not None:
        raw = text[core.start : core.end]
        if (
            raw.isdecimal()
            and len(raw) <= 3
            and _RANK_AFTER.match(text, core.end)
            and _LIST_START.search(text, max(0, core.start - 3), core.start)
        ):
            fig.kind = "rank"
            fig.counted = None
            fig.end = core.end
    if not core.ordinal and fig.unit is None and fig.counted in (None, "premier", "première"):
        pm = PREMIERS_RE.match(text, core.end)
        if pm:
            fig.kind = "rank"
            fig.counted = None
            fig.bound = "max"
            fig.end = pm.end()


def _mark_lists(text: str, words: list[_Core]) -> None:
    """Mark spelled numbers that stand in a list of numbers (``un, deux, trois``)."""
    cardinals = [w for w in words if not w.ordinal]
    for a, b in itertools.pairwise(cardinals):
        gap = text[a.end : b.start]
        if _LIST_GAP_RE.fullmatch(gap) and not (
            a.single_word in ("un", "une") and b.single_word in ("un", "une")
        ):
            a.list_neighbour = True
            b.list_neighbour = True
