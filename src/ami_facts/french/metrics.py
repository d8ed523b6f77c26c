"""The metric lexicon: which words say what a figure measures (data/metrics.json)."""

from __future__ import annotations

import json
from dataclasses import dataclass
from functools import lru_cache
from importlib.resources import files


@dataclass(frozen=True)
class MetricLexicon:
    """Word -> metric tables, one per kind of clue."""

    after: dict[str, str]
    before: dict[str, str]
    units: dict[str, str]
    duration_verbs: dict[str, str]
    percent_verbs: dict[str, str]
    verbs: dict[str, str]
    pronominal_verbs: dict[str, str]
    nouns: dict[str, str]
    kinds: dict[str, str]


@lru_cache(maxsize=1)
def metric_lexicon() -> MetricLexicon:
    """Load the lexicon once per process."""
    raw = json.loads(files("ami_facts.french").joinpath("data/metrics.json").read_text("utf-8"))
    return MetricLexicon(**{name: raw[name] for name in MetricLexicon.__dataclass_fields__})


@lru_cache(maxsize=1)
def anaphoric_nouns() -> dict[str, str]:
    """Lemma -> entity label for definite nouns that refer back (``la marque``)."""
    raw = json.loads(files("ami_facts.french").joinpath("data/anaphora.json").read_text("utf-8"))
    return {lemma: label for label, lemmas in raw.items() if label != "_doc" for lemma in lemmas}
