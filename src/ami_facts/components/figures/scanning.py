"""What the passes share to scan the text: masking what a pass has read (so that the
next one skips it), overlap tests, finding rare words or characters fast.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Callable, Iterable, Sequence

Range = tuple[int, int]

_MASK = "\x00"

_WORD_AFTER_RE = re.compile(r"[\s\u00a0]*([^\W\d_]+)")


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
