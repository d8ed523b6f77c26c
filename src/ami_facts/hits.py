"""What the rule extractors find, before linking and validation.

Hits are plain dataclasses with character offsets into the article text.
They travel on spaCy docs as dicts (``dataclasses.asdict``) so that they
survive multiprocessing, and become pydantic records in ``records.py``.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Literal

FigureKind = Literal["count", "money", "percent", "duration", "measure", "rank", "ratio"]
Bound = Literal["min", "max"]
DateType = Literal["DATE", "TIME", "DURATION", "SET"]
EntityLabel = Literal["PER", "ORG", "LOC", "PRODUCT", "MISC"]


@dataclass
class FigureHit:
    """One figure: a number that measures, counts, prices, ranks or lasts something.

    ``start``/``end`` cover the whole expression (qualifier, number, unit, counted
    noun, rate) as it reads in the text; ``number_start``/``number_end`` cover the
    numeric core only (the linker looks up its token in the parse).
    """

    start: int
    end: int
    text: str
    number_start: int
    number_end: int
    value: float | None = None
    low: float | None = None
    high: float | None = None
    approximate: bool = False
    bound: Bound | None = None
    unit: str | None = None
    counted: str | None = None
    per: str | None = None
    kind: FigureKind = "count"
    # Filled by the linker.
    period_start: str | None = None
    period_end: str | None = None
    period_text: str | None = None
    subject: str | None = None
    subject_start: int | None = None
    subject_end: int | None = None
    metric: str | None = None
    confidence: float = 0.5


@dataclass
class DateHit:
    """One TIMEX3 temporal expression, resolved against the anchor when it needs one."""

    start: int
    end: int
    text: str
    type: DateType
    value: str
    start_date: str | None = None
    end_date: str | None = None
    relative: bool = False
    anchor: str | None = None
    # Extra TIMEX3-ish detail kept for the linker (not exported).
    extra: dict[str, str] = field(default_factory=dict)


@dataclass
class EntityHit:
    """One named entity mention with its canonical name within the article."""

    start: int
    end: int
    text: str
    label: EntityLabel
    name: str
