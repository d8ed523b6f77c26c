"""Searching a pattern near its gate words only (fast on long texts), with the same
matches as a search over the whole text.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from ami_facts.components.dates.patterns import _Pattern
from ami_facts.fast_regex import compile_fast

# A pattern's gate words are words its matches hold (a month, a unit), so a match
# starts a little before one: a determiner and a number in words at most ("au cours
# des quatre-vingt-dix-neuf derniers jours": 35 characters before "derniers").
# The test comparing with a search over the whole text fails with 20 here.
_WINDOW_BEFORE = 60
_WINDOW_AFTER = 20
# Start positions one call tries: a window's last calls take fewer, so few positions
# past the window are tried.
_STARTS_WIDE, _STARTS_NARROW = _WINDOW_BEFORE + _WINDOW_AFTER + 1, 9


def _starting_within(pat: _Pattern, starts: int) -> re.Pattern[str]:
    """The pattern as a match that may start at any of ``starts`` positions from where
    it is tried: the first that matches, like a search. Unlike a search with an
    ``endpos``, the match may run past the window (the text is not cut)."""
    rx = rf"(?s:.{{0,{starts - 1}}}?)(?P<_start>{pat.regex.pattern})"
    return compile_fast(rx, pat.regex.flags)


def _matches(
    pat: _Pattern, text: str, positions: dict[str, list[int]], joined: list[int], n: int
) -> Iterator[re.Match[str]]:
    """Matches of a pattern, searched only near the words that gate it (fast on long texts).

    ``positions``: where each gate word is; ``joined``: where a digit is joined to what
    follows it (``gates.DIGIT_JOIN``), near which the patterns gated by marks run.
    """
    if pat.needs is None:
        yield from pat.regex.finditer(text)
        return
    hits = [p for w in pat.needs if w in positions for p in positions[w]]
    if pat.marks is not None:
        hits += pat.marks.starts(text, joined)
    hits.sort()
    if not hits:
        return
    if len(hits) * (_WINDOW_BEFORE + _WINDOW_AFTER) >= n:
        yield from pat.regex.finditer(text)
        return
    # merged windows around the sorted hits (hits are >= 0, so cur_e >= 0 below)
    windows: list[tuple[int, int]] = []
    cur_s, cur_e = max(0, hits[0] - _WINDOW_BEFORE), hits[0] + _WINDOW_AFTER
    for p in hits:
        ws = p - _WINDOW_BEFORE
        if ws <= cur_e:
            cur_e = p + _WINDOW_AFTER
        else:
            windows.append((cur_s, cur_e))
            cur_s, cur_e = ws, p + _WINDOW_AFTER
    windows.append((cur_s, cur_e))
    seen: set[tuple[int, int]] = set()
    if pat.within is None:
        pat.within = (
            _starting_within(pat, _STARTS_WIDE),
            _starting_within(pat, _STARTS_NARROW),
        )
    wide, narrow = pat.within
    # The matches a search over the whole text would find that start in a window.
    for ws, we in windows:
        pos, we = ws, min(we, n)
        while pos <= we:
            if we - pos >= _STARTS_WIDE - 1:
                starts, found = _STARTS_WIDE, wide.match(text, pos)
            else:
                starts, found = _STARTS_NARROW, narrow.match(text, pos)
            if found is None:
                pos += starts
                continue
            # the pattern's own match at that start (same groups, same span)
            m = pat.regex.match(text, found.start("_start"))
            if m is None:  # cannot happen: the same regex, at the same position
                break
            if m.span() not in seen:
                seen.add(m.span())
                yield m
            pos = max(m.end(), m.start() + 1)
