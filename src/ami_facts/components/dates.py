"""Dates: TIMEX3 temporal expressions resolved against the publication date."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date

from ami_facts.hits import DateHit

Range = tuple[int, int]


def find_dates(
    text: str, *, anchor: date | None, excluded: Sequence[Range] = ()
) -> list[DateHit]:
    """Return the temporal expressions of ``text`` in text order.

    Relative expressions are resolved against ``anchor``; without one they stay
    unresolved (``XXXX-02``), never resolved against today's date.
    """
    raise NotImplementedError
