"""The metric lexicon: which words say what a figure measures (data/metrics.json)."""

from __future__ import annotations

import json
from dataclasses import dataclass
from functools import lru_cache
from importlib.resources import files


@dataclass(frozen=True)
class MetricLexicon:
    """Word -> metric tables, one per kind of clue."""

    verbs: dict[str, str]
    nouns: dict[str, str]
    phrases: dict[str, str]
    units: dict[str, str]
    kinds: dict[str, str]


@lru_cache(maxsize=1)
def metric_lexicon() -> MetricLexicon:
    """Load the lexicon once per process."""
    raw = json.loads(files("ami_facts.french").joinpath("data/metrics.json").read_text("utf-8"))
    return MetricLexicon(
        verbs=raw["verbs"],
        nouns=raw["nouns"],
        phrases=raw["phrases"],
        units=raw["units"],
        kinds=raw["kinds"],
    )
