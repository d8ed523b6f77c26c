"""Overlapping candidates: the longest wins, then the pattern listed first.

Only candidates that overlap another need their reader's early verdict: one it
rejects leaves its place to the next.
"""

from __future__ import annotations

import re

from ami_facts.components.dates.context import _Ctx
from ami_facts.components.dates.patterns import _PATTERNS


def _contested(cands: list[tuple[int, int, int, re.Match[str]]]) -> set[tuple[int, int, int]]:
    """Candidates overlapping another one: only those need a handler's early verdict."""
    out: set[tuple[int, int, int]] = set()
    by_start = sorted(cands, key=lambda c: (c[0], c[1]))
    best_end = -1
    best: tuple[int, int, int] | None = None
    for s, e, idx, _m in by_start:
        if best is not None and s < best_end:
            out.add(best)
            out.add((s, e, idx))
        if e > best_end:
            best_end, best = e, (s, e, idx)
    return out


def _keep_longest(
    cands: list[tuple[int, int, int, re.Match[str]]], text: str, dry: _Ctx
) -> list[tuple[int, int, int, re.Match[str]]]:
    """The candidates ``(start, end, pattern index, match)`` that no longer one (or one of
    an earlier pattern) overlaps, in text order. ``dry``: a context for the readers'
    early verdicts, with no year or day named yet."""
    # longest first, then pattern order, then leftmost
    cands.sort(key=lambda c: (-(c[1] - c[0]), c[2], c[0]))
    occupied = bytearray(len(text))
    kept: list[tuple[int, int, int, re.Match[str]]] = []
    contested = _contested(cands)
    for c in cands:
        s, e = c[0], c[1]
        if any(occupied[s:e]):
            continue
        if (s, e, c[2]) in contested:
            try:
                ok = _PATTERNS[c[2]].handler(c[3], dry) is not None
            except (ValueError, OverflowError, KeyError):
                ok = False
            if not ok:
                continue
        occupied[s:e] = b"\x01" * (e - s)
        kept.append(c)
    kept.sort(key=lambda c: c[0])
    return kept
