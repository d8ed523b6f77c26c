"""Searching a pattern near its gate words only (fast on long texts), with the same
matches as a search over the whole text.
"""

from __future__ import annotations

import contextlib
import re
from collections.abc import Iterator

from ami_facts.components.dates.patterns import _Pattern
from ami_facts.fast_regex import case_sensitive_class, compile_fast

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


# By pattern name: its finder (below), None where it has none.
_FINDERS: dict[str, re.Pattern[str] | None] = {}


def _finder(pat: _Pattern) -> re.Pattern[str] | None:
    """A regex matching the first character of each match of the pattern, where it
    matches, opening with a case-sensitive class: a search with it skips fast to the
    characters a match can start with (the pattern itself opens with a look-ahead,
    which the engine tries at every position)."""
    if pat.name not in _FINDERS:
        _FINDERS[pat.name] = None
        if pat.head is not None:
            opening = f"(?=[{pat.head}])"
            assert pat.regex.pattern.startswith(opening)
            rest = pat.regex.pattern[len(opening) :]
            first = case_sensitive_class(pat.head, pat.regex.flags)
            # the first character, where the pattern matches from it (a back-reference
            # in a look-behind does not compile: then the plain search)
            with contextlib.suppress(re.error):
                _FINDERS[pat.name] = compile_fast(
                    f"(?-i:{first})(?<=(?={rest})(?s:.))", pat.regex.flags
                )
    return _FINDERS[pat.name]


def _whole_text(pat: _Pattern, text: str) -> Iterator[re.Match[str]]:
    """``pat.regex.finditer(text)``, faster (its matches are never empty)."""
    if pat.before is not None:
        yield from _matches_at(pat.regex, text, pat.before.starts(text))
        return
    finder = _finder(pat)
    if finder is None:
        yield from pat.regex.finditer(text)
        return
    pos = 0
    while (first := finder.search(text, pos)) is not None:
        m = pat.regex.match(text, first.start())
        if m is None:  # cannot happen: the same regex, at the same position
            break
        yield m
        pos = max(m.end(), m.start() + 1)


def _matches_at(regex: re.Pattern[str], text: str, starts: list[int]) -> Iterator[re.Match[str]]:
    """``regex.finditer(text)`` when its matches can only start at ``starts`` (in order)."""
    pos = 0
    for at in starts:
        if at >= pos and (m := regex.match(text, at)) is not None:
            yield m
            pos = max(m.end(), at + 1)


def _matches(
    pat: _Pattern, text: str, positions: dict[str, list[int]], joined: list[int], n: int
) -> Iterator[re.Match[str]]:
    """Matches of a pattern, searched only near the words that gate it (fast on long texts).

    ``positions``: where each gate word is; ``joined``: where a digit is joined to what
    follows it (``gates.DIGIT_JOIN``), near which the patterns gated by marks run.
    """
    if pat.needs is None:
        yield from _whole_text(pat, text)
        return
    hits = [p for w in pat.needs if w in positions for p in positions[w]]
    if pat.marks is not None:
        hits += pat.marks.starts(text, joined)
    hits.sort()
    if not hits:
        return
    if len(hits) * (_WINDOW_BEFORE + _WINDOW_AFTER) >= n:
        yield from _whole_text(pat, text)
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
