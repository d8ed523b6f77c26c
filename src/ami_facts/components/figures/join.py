"""Pass 4, joining neighbours: ranges (``entre 5 et 10``), alternatives (``250 ou 300
dm3``), lists (``respectivement 40 et 54 €``), dimensions (``20 x 30 cm``), changes
(``passe de 575 à 593 l``: two figures), compound durations (``1 h 30``); a bare
count takes the counted noun of a figure before it in its sentence, a bare amount
with a multiplier its unit (``19,7 milliards de dollars contre 18,5 milliards``).
"""

from __future__ import annotations

import re

from ami_facts.components.figures.figure_types import _Fig
from ami_facts.components.figures.scanning import _skip_ws
from ami_facts.french.linking import SCORE_WORDS
from ami_facts.french.numbers import reading_on_a_scale
from ami_facts.french.qualifiers import (
    CHANGE_RE,
    DE_BEFORE,
    DECREASE_RE,
    ENTRE_BEFORE,
    ET_GAP,
    OU_GAP,
    RANGE_GAP,
)
from ami_facts.french.units import SECONDS

_DE_START_RE = re.compile(r"(?i:de|d['’])")
_DURATION_GAP_RE = re.compile(r"[\s\u00a0]*(?:et|,)?[\s\u00a0]*")

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


# A capitalised word right after a number: a name (``huit Canadair``, ``45 A220``).
_NAME_AFTER_RE = re.compile(r"[\s\u00a0]+[A-ZÀ-Ý]")


# ``29 à 28``, ``3-1``: the two numbers of a score.
_SCORE_PAIR_RE = re.compile(r"\d+[\s\u00a0]*(?:à|-|–)[\s\u00a0]*\d+")
_SCORE_WORDS_BEFORE = 60


def _in_a_score(text: str, f: _Fig) -> bool:
    """Whether the figure is one of the two numbers of a score a score word announces
    (``l'ont emporté sur un score de 29 à 28``)."""
    pair = next(
        (
            m
            for m in _SCORE_PAIR_RE.finditer(text, max(0, f.start - 8), min(len(text), f.end + 8))
            if m.start() <= f.start and f.end <= m.end()
        ),
        None,
    )
    if pair is None:
        return False
    before = text[max(0, pair.start() - _SCORE_WORDS_BEFORE) : pair.start()].lower()
    return any(word in before for word in SCORE_WORDS)


def _carry_counted(text: str, figs: list[_Fig]) -> None:
    """A bare count takes the counted noun of a figure before it in the same sentence;
    a bare amount with a multiplier takes its unit (``19,7 milliards de dollars contre
    18,5 milliards``)."""
    # the figures come in text order: each stretch of text is searched once ("1." * 20000)
    seen, end = 0, -1  # no sentence end between ``end`` and ``seen``
    for i, f in enumerate(figs):
        if f.kind != "count" or f.counted or f.unit:
            continue
        if _NAME_AFTER_RE.match(text, f.end):
            continue  # ``600 pompiers, appuyés par huit Canadair``: the name is what it counts
        if _in_a_score(text, f):
            continue  # ``les deux équipes ... sur un score de 29 à 28``: points, not teams
        if reading_on_a_scale(text, f.start):
            continue  # ``190 000 habitants ... de magnitude 8,2``: a reading, not habitants
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
            if (
                p.counted
                and p.kind == "count"
                and p.end > sentence_start
                and f.start - p.end < 60
                and (p.value is None or f.value is None or f.value <= p.value)
            ):
                # "18 personnes blessées, dont trois grièvement": the nearest figure's
                # noun, whatever the form of the figures before it
                f.counted = p.counted
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
