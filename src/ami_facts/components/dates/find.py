"""``find_dates``: the temporal expressions of a text, in text order.

The patterns run near their gate words; of overlapping candidates the longest is
kept; the kept ones are read in text order, with a context that remembers the
last year and day named; then neighbouring hits are joined.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from datetime import date

from ami_facts.components.dates.anchoring import _date_times_from_following_day, _shift_by_duration
from ami_facts.components.dates.context import NEWS, Range, Resolution, TenseOf, _Ctx
from ami_facts.components.dates.gated_search import _matches
from ami_facts.components.dates.gates import DIGIT_JOIN
from ami_facts.components.dates.overlaps import _keep_longest
from ami_facts.components.dates.patterns import _GATE_TOKENS, _PATTERNS
from ami_facts.components.dates.ranges import (
    _complete_ranges,
    _join_day_and_clock,
    _mark_bounds,
    _merge_day_time,
    _merge_ranges,
)
from ami_facts.hits import DateHit


def find_dates(
    text: str,
    *,
    anchor: date | None,
    excluded: Sequence[Range] = (),
    resolution: Resolution = NEWS,
    tense_of: TenseOf | None = None,
) -> list[DateHit]:
    """Return the temporal expressions of ``text`` in text order.

    Relative expressions are resolved against ``anchor``; without one they stay
    unresolved (``XXXX-02``), never resolved against today's date. ``tense_of`` gives
    the tense of the verb near a position where the model's morphology is known
    (``tense.morph_tenses``); elsewhere the verb endings tell it. A hit whose reading
    asked for the tense has ``extra["tense"]``.
    """
    if not text:
        return []
    original = text
    # one-to-one character normalisation: offsets stay valid on the original text
    text = _normalise(text)
    cands: list[tuple[int, int, int, re.Match[str]]] = []
    # only the gate words are looked for: one regex pass, no Python work per token
    positions = _GATE_TOKENS.positions(text.lower())
    joined = [m.start() for m in DIGIT_JOIN.finditer(text)]
    n = len(text)
    for idx, pat in enumerate(_PATTERNS):
        # (a pattern gated by a requirement runs only on texts that hold it)
        if pat.requires is not None and pat.requires.search(text) is None:
            continue
        for m in _matches(pat, text, positions, joined, n):
            s, e = m.span()
            if s == e:
                continue
            if pat.check is not None and not pat.check(m, text):
                continue
            cands.append((s, e, idx, m))
    dry = _Ctx(text, anchor, resolution, tense_of=tense_of)  # to drop rejected candidates
    kept = _keep_longest(cands, text, dry)
    ctx = _Ctx(text, anchor, resolution, dry.bounds, tense_of)
    ctx.tenses, ctx.known = dry.tenses, dry.known  # same text, same sentences: same tenses
    hits: list[DateHit] = []
    for s, e, idx, m in kept:
        pat = _PATTERNS[idx]
        ctx.asked = False
        try:
            b = pat.handler(m, ctx)
        except (ValueError, OverflowError, KeyError):
            b = None
        if b is None:
            continue
        hs = b.start if b.start is not None else s
        he = b.end if b.end is not None else e
        # trim spaces and a trailing comma from spans
        while he > hs and text[he - 1] in " \t\n,":
            he -= 1
        while hs < he and text[hs].isspace():
            hs += 1
        if b.type in ("DATE", "TIME"):
            # TimeML: a preposition before the expression is a signal, not part of it
            # ("dès mardi soir", "à l'automne", "au début des années 60")
            lead = _LEADING_SIGNAL.match(text, hs, he)
            if lead is not None and lead.end() < he:
                hs = lead.end()
        if hs >= he:
            continue
        if b.year is not None:
            ctx.years.append((hs, b.year))
        elif b.type == "DATE" and _YEAR_PREFIX.match(b.value):
            ctx.years.append((hs, int(b.value[:4])))
        if b.day is not None:
            ctx.days.append((he, b.day))
        elif b.type == "DATE" and b.start_date and b.start_date == b.end_date:
            ctx.days.append((he, date.fromisoformat(b.start_date)))
        if any(xs <= hs < xe for xs, xe in excluded):
            continue
        hits.append(
            DateHit(
                start=hs,
                end=he,
                text=original[hs:he],
                type=b.type,
                value=b.value,
                start_date=b.start_date,
                end_date=b.end_date,
                relative=b.relative,
                anchor=anchor.isoformat() if (anchor is not None and b.relative) else None,
                extra={k: v for k, v in b.extra.items() if v is not None},
            )
        )
        if ctx.asked and b.relative:
            hits[-1].extra["tense"] = "asked"
    _date_times_from_following_day(ctx, hits)
    hits = _join_day_and_clock(ctx, hits, original)
    hits = _shift_by_duration(ctx, hits, original)
    _mark_bounds(ctx, hits)
    _complete_ranges(ctx, hits)
    if resolution.merge_ranges:
        hits = _merge_ranges(ctx, hits, original)
    if resolution.merge_day_time:
        hits = _merge_day_time(ctx, hits, original)
    return hits


_NORM_TABLE = str.maketrans(
    {
        "’": "'",
        "ʼ": "'",
        "ʻ": "'",
        "՚": "'",
        "ꞌ": "'",
        "＇": "'",
        "′": "'",
        "‵": "'",
        "ʹ": "'",
        "‘": "'",
        "`": "'",
        "´": "'",
        "\u00a0": " ",
        "\u202f": " ",
        "\u2009": " ",
        "\u2007": " ",
        "–": "-",
        "‑": "-",
        "″": '"',
        "“": '"',
        "”": '"',
    }
)
_NORM_PAIRS = [(chr(c), str(t)) for c, t in _NORM_TABLE.items()]
_NORM_RE = re.compile("[" + "".join(re.escape(k) for k, _ in _NORM_PAIRS) + "]")


def _normalise(text: str) -> str:
    """``text.translate(_NORM_TABLE)``, faster: most texts hold few of these characters."""
    if _NORM_RE.search(text) is None:
        return text
    for k, v in _NORM_PAIRS:
        if k in text:
            text = text.replace(k, v)
    return text


_YEAR_PREFIX = re.compile(r"\d{4}(?:$|-)")
_LEADING_SIGNAL = re.compile(
    r"(?i:à|au|aux|dès|depuis|en|pour|pendant|durant|vers|jusqu'\s*(?:à|au|en))[ \t]+(?=\w)"
)
