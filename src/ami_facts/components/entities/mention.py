"""A mention as the layers find it, before it becomes an ``EntityHit``."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

Range = tuple[int, int]
Label = Literal["PER", "ORG", "LOC", "PRODUCT", "MISC"]


@dataclass
class _Mention:
    start: int
    end: int
    label: Label
    name: str
    source: str  # "lexicon" | "ner"
    brand: str | None = None
    model: str | None = None
    cue: Label | None = None  # a label the context gives (``le groupe X``, ``chez X``)
