"""Pass 1, numbers written in words: collective nouns (``une dizaine``, ``des
millions``) and runs of number words (``deux mille six cent neuf``,
``vingt-cinquième``, ``deux virgule cinq``, ``trois quarts``), and which of them
stand in a list (``un, deux, trois``).
"""

from __future__ import annotations

import functools
import itertools
import re

from ami_facts.components.figures.figure_types import _Core
from ami_facts.components.figures.scanning import _WORD_AFTER_RE, _occurrences
from ami_facts.french.numbers import (
    ALL_NUMBER_WORDS,
    APPROX_MARKS,
    APPROX_NOUNS,
    APPROX_OF_BIG_RE,
    BIG,
    CARDINAL_WORDS,
    COLLECTIVE_FACTOR_BEFORE_RE,
    FRACTIONS,
    ORDINALS,
    RATIO_NOUN_RE,
    RATIO_NOUNS,
    RATIO_SUR_RE,
    parse_digits,
    parse_number_words,
    parse_ordinal_words,
)
from ami_facts.french.units import match_unit
from ami_facts.french.words import FUNCTION_WORDS
from ami_facts.patterns import alternation, by_first_char

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

_LIST_GAP_RE = re.compile(r"[\s\u00a0,;]*(?:et|ou|puis)?[\s\u00a0,;]*")
_ALPHA_RE = re.compile(r"[^\W\d_]+")
_RUN_STARTS = frozenset({*ALL_NUMBER_WORDS, *FRACTIONS, "virgule"})


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
                if dm and det in ("une", "la", "des", "les")
                # (``d'une vingtaine de lits``: the figure opens on ``une``, the
                # preposition is not part of it)
                else dm.start() + 2
                if dm and det in ("d'une", "d’une")
                else m.start()
            )
            # "trois douzaines", "une demi-douzaine": a number before the noun multiplies it
            factor = COLLECTIVE_FACTOR_BEFORE_RE.search(text, max(0, m.start() - 12), m.start())
            times = _ratio_number(factor.group("n")) if factor and factor.group("n") else 0.5
            if factor and (factor.group("demi") or m.group().lower().endswith("s")) and times:
                value *= times
                start = factor.start()
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
            if frac_ord and (tail is None or tail.group(1) in ("de", "d", "des", "du")):
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
        # fractions: "trois quarts", "deux tiers", "trois cinquièmes", "un et demi",
        # "trois et deux tiers" (a whole and a fraction: their sum)
        j = last + 1
        form = "words"
        if j < len(words) and words[j] in FRACTIONS and words[j] not in ("demi", "demie"):
            value = value * FRACTIONS[words[j]]
            last = j
            form = "fraction"
        elif j < len(words) and _denominator(words[j]):
            value = value / ORDINALS[words[j]]
            last = j
            form = "fraction"
        elif j + 2 < len(words) and words[j] == "et" and _fraction_after(words[j + 1 :]):
            part, used_part = _fraction_after(words[j + 1 :])  # type: ignore[misc]
            value += part
            last = j + used_part
        elif j + 1 < len(words) and words[j] == "et" and words[j + 1] in ("demi", "demie"):
            # "un milliard et demi": half of the last big number, not 0.5
            scale = BIG.get(words[last], 1000 if words[last] in ("mille", "milles") else 1)
            value += 0.5 * scale
            last = j + 1
        s, e = base + toks[i][1], base + toks[last][2]
        single = w if last == i else None
        run_cores.append(_Core(s, e, value, form, single_word=single))
        i = last + 1
    return run_cores


def _denominator(word: str) -> bool:
    """A plural ordinal after a cardinal is a denominator: ``trois cinquièmes`` (3/5);
    not ``premiers``, ``seconds`` (``les trois premiers``)."""
    return word.endswith("s") and word in ORDINALS and ORDINALS[word] >= 3


def _fraction_after(words: list[str]) -> tuple[float, int] | None:
    """``deux tiers``, ``trois cinquièmes`` at the start of ``words``: (value, words used)."""
    read = parse_number_words(words[:1])
    if read is None or len(words) < 2:
        return None
    if words[1] in FRACTIONS and words[1] not in ("demi", "demie"):
        part = read[0] * FRACTIONS[words[1]]
    elif _denominator(words[1]):
        part = read[0] / ORDINALS[words[1]]
    else:
        return None
    return (part, 2) if part < 1 else None


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


def _ratio_number(raw: str) -> float | None:
    """The value of one side of ``N sur M`` (digits or number words)."""
    if raw[:1].isdecimal():
        return parse_digits(raw)
    tokens = [t.lower() for t in _ALPHA_RE.findall(raw)]
    read = parse_number_words(tokens)
    return read[0] if read is not None and read[1] == len(tokens) else None


def _whole_of_ratio(raw: str) -> tuple[float, int] | None:
    """The whole of ``N sur M`` and where it ends in ``raw``: its longest start that is
    a number (``deux`` in ``deux et un car``: the pattern reads ``et`` inside numbers,
    as in ``vingt et un``)."""
    ends = [m.end() for m in re.finditer(r"[^\s\u00a0-]+", raw)]
    for end in reversed(ends):
        value = _ratio_number(raw[:end])
        if value is not None:
            return value, end
    return None


def _ratio_sur(work: str, m: re.Match[str]) -> _Core | None:
    """``un Français sur trois``, ``1 sur 20``: a part of a whole, N/M."""
    whole = _whole_of_ratio(m.group("m"))
    n, d = _ratio_number(m.group("n")), whole[0] if whole else None
    if n is None or d is None or d < 2 or not 0 < n <= d:
        return None
    for word in _ALPHA_RE.findall(m.group("noun")):
        low = word.lower()
        if low in FUNCTION_WORDS or low in ALL_NUMBER_WORDS or low in BIG:
            return None  # "3 milliards sur 10 ans", "deux sur les trois"
    noun = m.group("noun").lstrip()
    if noun and match_unit(noun, 0) is not None:
        return None  # "5 km sur 10": a measure, not a part of a whole
    end = m.start("m") + whole[1] if whole else m.end()
    after = _skip_spaces(work, end)
    if match_unit(work, after) is not None:
        return None  # "3 sur 10 ans"
    return _Core(m.start(), end, n / d, "ratio")


def _skip_spaces(text: str, pos: int) -> int:
    while pos < len(text) and text[pos] in " \u00a0\u202f":
        pos += 1
    return pos


def _ratio_cores(work: str, low: str) -> list[_Core]:
    """Ratios: ``un Français sur trois``, ``1 sur 20``, ``la moitié des``, ``le quart de``."""
    cores: list[_Core] = []
    last = -1
    for q in _occurrences(low, (" sur ",)):
        after = low[q + 5 : q + 18].split(None, 1)
        first = after[0].split("-", 1)[0].rstrip(".,;:!?)»") if after else ""
        if q < last or not (first[:1].isdecimal() or first in CARDINAL_WORDS):
            continue  # "sur" before anything but a number: no ratio
        m = RATIO_SUR_RE.search(work, max(0, q - 60, last), min(len(work), q + 40))
        if m and m.start() <= q < m.end():
            core = _ratio_sur(work, m)
            if core is not None:
                cores.append(core)
                last = core.end
    for q in _occurrences(low, ("moitié", "tiers", "quart")):
        if q == 0 or not low[q - 1].isspace():
            continue  # inside a word: "quartier"
        m = RATIO_NOUN_RE.search(work, max(0, q - 5), min(len(work), q + 12))
        if m is None or not m.start() <= q < m.end():
            continue
        if not any(c.start < m.end() and m.start() < c.end for c in cores):
            value = RATIO_NOUNS[(m.group("noun") or m.group("noun2")).lower()]
            cores.append(_Core(m.start(), m.end(), value, "ratio"))
    cores.sort(key=lambda c: c.start)
    return cores
