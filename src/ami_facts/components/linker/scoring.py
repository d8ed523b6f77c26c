"""Candidates described by named evidence, scored by a logistic model, kept above a threshold.

Each field the linker resolves by candidates (subject, period) has a ``FieldModel``:
a bias, one weight per piece of evidence and the probability under which the field
abstains (null: a wrong answer is worse than none). The models are learned from the
dev half of the gold articles by ``ami_facts.components.linker.train`` and stored in
``weights.json`` beside this file; evidence a model has no weight for counts zero.
"""

from __future__ import annotations

import json
import math
from collections.abc import Sequence
from dataclasses import dataclass, field
from functools import cache
from importlib.resources import files
from typing import Generic, TypeVar

T = TypeVar("T")
WEIGHTS_FILE = "weights.json"


@dataclass
class Candidate(Generic[T]):
    """A possible value of a field and what speaks for or against it."""

    value: T
    evidence: dict[str, float] = field(default_factory=dict)

    def note(self, **evidence: float) -> None:
        """Add evidence, keeping the strongest value of each piece."""
        for name, value in evidence.items():
            if value > self.evidence.get(name, 0.0):
                self.evidence[name] = value


@dataclass(frozen=True)
class FieldModel:
    """Logistic weights over named evidence, and the probability a choice needs."""

    bias: float
    weights: dict[str, float]
    threshold: float

    def probability(self, evidence: dict[str, float]) -> float:
        z = self.bias + sum(self.weights.get(name, 0.0) * v for name, v in evidence.items())
        return 1.0 / (1.0 + math.exp(-max(-30.0, min(30.0, z))))

    def choose(self, candidates: Sequence[Candidate[T]]) -> tuple[Candidate[T], float] | None:
        """The most probable candidate, or None when even it falls under the threshold."""
        best: tuple[Candidate[T], float] | None = None
        for candidate in candidates:
            p = self.probability(candidate.evidence)
            if best is None or p > best[1]:
                best = (candidate, p)
        if best is None or best[1] < self.threshold:
            return None
        return best


@cache
def field_models() -> dict[str, FieldModel]:
    """The learned model of each field (subject, period), read once per process."""
    raw = json.loads(files("ami_facts.components.linker").joinpath(WEIGHTS_FILE).read_text("utf-8"))
    return {
        name: FieldModel(
            bias=float(model["bias"]),
            weights={k: float(v) for k, v in model["weights"].items()},
            threshold=float(model["threshold"]),
        )
        for name, model in raw["fields"].items()
    }
