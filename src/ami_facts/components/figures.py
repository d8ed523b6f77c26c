"""Figures: every number that counts, measures, prices, ranks or lasts something."""

from __future__ import annotations

from collections.abc import Sequence

from ami_facts.hits import FigureHit

Range = tuple[int, int]


def find_figures(
    text: str, *, excluded: Sequence[Range] = (), blocked: Sequence[Range] = ()
) -> list[FigureHit]:
    """Return the figures of ``text`` in text order.

    ``excluded``: boilerplate ranges; nothing starting inside them is returned.
    ``blocked``: ranges already read as dates or times (``en 2020``, ``le 25
    juillet``, ``14h30``); numbers inside them are parts of dates, not figures.
    """
    raise NotImplementedError
