"""``find_figures``: the figures of a text, in text order, through the four passes."""

from __future__ import annotations

from collections.abc import Sequence

from ami_facts.components.figures.build import _build, _extend, _rank_context
from ami_facts.components.figures.figure_types import _Core, _Fig
from ami_facts.components.figures.join import _carry_counted, _join, _merge_durations
from ami_facts.components.figures.not_a_figure import _false_core, _keep, _keep_span, _one_dropped
from ami_facts.components.figures.read_digits import (
    _digit_cores,
    _fraction_cores,
    _race_cores,
    _second_fraction_cores,
)
from ami_facts.components.figures.read_words import (
    _approx_cores,
    _mark_lists,
    _ratio_cores,
    _word_cores,
)
from ami_facts.components.figures.scanning import (
    Range,
    _masked,
    _occurrences,
    _overlap_test,
)
from ami_facts.french import false_positives as fp
from ami_facts.hits import Bound, FigureHit, FigureKind


def _spans(cores: list[_Core]) -> list[Range]:
    return [(c.start, c.end) for c in cores]


def _mask_both(work: str, low: str, cores: list[_Core]) -> tuple[str, str]:
    """``work`` and its lower-case copy ``low`` with ``cores`` masked."""
    if len(low) != len(work):
        work = _masked(work, _spans(cores))
        return work, work.lower()  # the copy is not aligned: lower-case anew
    return _masked(work, _spans(cores)), _masked(low, _spans(cores))


# the figure's kind and bound as the hit's types (any other kind is a count)
_KINDS: dict[str, FigureKind] = {
    "money": "money",
    "percent": "percent",
    "duration": "duration",
    "measure": "measure",
    "rank": "rank",
    "ratio": "ratio",
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
    cores = _race_cores(work) + _second_fraction_cores(work)
    if cores:
        work = _masked(work, _spans(cores))
    low = work.lower()
    ratios = _ratio_cores(work, low)
    if ratios:
        work, low = _mask_both(work, low, ratios)
        cores += ratios
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
    is_excluded = _overlap_test(excluded)
    return [_to_hit(text, f) for f in figs if not is_excluded(f.start, f.start + 1)]
