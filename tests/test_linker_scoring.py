"""The linker's logistic choice among candidates, on weights of our own."""

from __future__ import annotations

import math

import pytest

from ami_facts.components.linker.scoring import Candidate, FieldModel, field_models

MODEL = FieldModel(bias=-1.0, weights={"near": 2.0, "far": -1.0}, threshold=0.5)


def _sigmoid(z: float) -> float:
    return 1.0 / (1.0 + math.exp(-z))


def test_candidate_keeps_the_strongest_value_of_each_evidence() -> None:
    candidate = Candidate("Lyon")
    candidate.note(near=1.0, far=0.2)
    candidate.note(near=0.5, far=0.7)
    assert candidate.evidence == {"near": 1.0, "far": 0.7}


@pytest.mark.parametrize(
    ("evidence", "z"),
    [
        ({}, -1.0),
        ({"near": 1.0}, 1.0),
        ({"near": 0.5, "far": 1.0}, -1.0),
        ({"unknown": 1.0}, -1.0),  # evidence without a weight counts zero
        ({"near": 100.0}, 30.0),  # clamped
        ({"far": 100.0}, -30.0),
    ],
)
def test_field_model_probability_is_the_logistic_of_the_weighed_evidence(
    evidence: dict[str, float], z: float
) -> None:
    # the same arithmetic: equal to the last bit (the clamp moves it by 1e-14 only)
    assert MODEL.probability(evidence) == _sigmoid(z)


def test_field_model_gives_the_chosen_probability_and_abstains_at_the_edges() -> None:
    """The choice itself: test_linker_resolver.py."""
    near = Candidate("près", {"near": 1.0})
    chosen = MODEL.choose([near])
    assert chosen is not None and chosen[1] == pytest.approx(_sigmoid(1.0))
    assert MODEL.choose([]) is None
    at_threshold = FieldModel(bias=0.0, weights={}, threshold=0.5)
    assert at_threshold.choose([Candidate("x")]) is not None


def test_field_model_keeps_the_first_of_equally_probable_candidates() -> None:
    first, second = Candidate("premier", {"near": 1.0}), Candidate("second", {"near": 1.0})
    chosen = MODEL.choose([first, second])
    assert chosen is not None and chosen[0] is first


def test_field_models_read_the_shipped_weights() -> None:
    subject = field_models()["subject"]
    assert 0.0 < subject.threshold < 1.0
    assert subject.weights["main_subject"] > 0 > subject.weights["source"]
