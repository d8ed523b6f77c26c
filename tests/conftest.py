"""Shared fixtures: paths to the copied fixtures and one loaded pipeline per session."""

from __future__ import annotations

from collections.abc import Iterator
from functools import cache

import pytest
import spacy
from spacy.language import Language

from ami_facts.gemm import one_blas_thread
from ami_facts.nlp import DEFAULT_MODEL, FAST_MODEL, Pipeline, build_nlp


@pytest.fixture(scope="session", autouse=True)
def _blas_on_one_thread() -> Iterator[None]:
    """BLAS on one thread for the whole session, as extract runs the model.

    Many tests call ``nlp(text)`` directly, outside the runs that hold BLAS to one
    thread themselves; on two shared cores, OpenBLAS's own threads made them 2-5x
    slower. Tests of thread counts set the counts they check.
    """
    with one_blas_thread():
        yield


@cache
def _pipeline(model: str) -> Pipeline:
    """One pipeline per model for the process: ``make mutate`` forks a pytest run per
    mutant from a process that built it once (mutmut); each would build it again."""
    return build_nlp(model)


@pytest.fixture(scope="session")
def nlp() -> Language:
    """The default pipeline (the statistical model plus our components)."""
    return _pipeline(DEFAULT_MODEL)


@pytest.fixture(scope="session")
def tokenizer() -> Language:
    """A blank French pipeline: the tokenizer only."""
    return spacy.blank("fr")


@pytest.fixture(scope="session")
def fast_nlp() -> Pipeline:
    """The rules-only pipeline."""
    return _pipeline(FAST_MODEL)
