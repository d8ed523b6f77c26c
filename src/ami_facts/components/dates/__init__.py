"""Dates: TIMEX3 temporal expressions resolved against the publication date.

Machinery only: the French vocabulary lives in ``ami_facts.french.calendar``.

How it works, and where each step lives:

1. ``find.py``, ``find_dates``: the entry point. It normalises quotes and spaces
   (offsets unchanged) and runs every pattern of the table (``patterns.py``, built
   from ``regex_parts.py``) near its gate words (``gates.py``, ``gated_search.py``);
   a cheap, state-free check may veto a match (``not_a_date.py``: ``2000
   commandes`` is not a year).
2. Overlapping candidates are resolved greedily (``overlaps.py``): longest span
   first, then the pattern listed first.
3. The kept candidates are read into ``DateHit``\\ s in text order by the reader of
   their pattern: ``calendar_dates.py``, ``clock_times.py``,
   ``durations_and_sets.py``, ``relative_expressions.py``. A small state
   (``context.py``: the last explicit year of the sentence, the last day
   mentioned) lets ``en 97 (en janvier ...)`` and ``mardi vers 21 h 45`` resolve
   as a reader would; ``anchoring.py`` gives a year, week or day to what does not
   name it (``fin février``), ``periods.py`` turns them into values and ranges.
   Without an anchor, nothing relative is resolved against today.
4. Hits that follow each other are joined (``anchoring.py``: ``trois jours après
   le 14 juillet``; ``ranges.py``: ``à partir du 8 mars``, and as ``Resolution``
   asks, ``du 13 au 15 juillet`` and ``demain à 11 h``).

``byline.py``, ``find_byline_date``: the publication date of a byline (``Publié le
21/07/2021 ... Mis à jour le 24/12/2021``).
"""

from __future__ import annotations

from ami_facts.components.dates.byline import find_byline_date
from ami_facts.components.dates.context import (
    NEWS,
    SENTENCE_END,
    DateDirection,
    Resolution,
    WeekdayDirection,
)
from ami_facts.components.dates.find import find_dates

__all__ = [
    "NEWS",
    "SENTENCE_END",
    "DateDirection",
    "Resolution",
    "WeekdayDirection",
    "find_byline_date",
    "find_dates",
]
