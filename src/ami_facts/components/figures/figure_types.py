"""The two records the passes hand each other: ``_Core``, a number as read (pass 1),
and ``_Fig``, the figure built around it (passes 2 to 4).
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(slots=True)
class _Core:
    start: int
    end: int
    value: float
    form: str  # digits | words | time | approx | fraction
    ordinal: bool = False
    approximate: bool = False
    unit: str | None = None
    unit_end: int | None = None
    single_word: str | None = None  # "un", "neuf"... when the core is that one word
    list_neighbour: bool = False
    mult: float = 1.0  # "millions" in "3,6 millions"


@dataclass(slots=True)
class _Fig:
    start: int
    end: int
    number_start: int
    number_end: int
    value: float | None
    form: str
    low: float | None = None
    high: float | None = None
    approximate: bool = False
    bound: str | None = None
    unit: str | None = None
    counted: str | None = None
    per: str | None = None
    kind: str = "count"
    qualified: bool = False
    confidence: float = 0.6
    mult: float = 1.0
