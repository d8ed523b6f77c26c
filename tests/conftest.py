"""Shared fixtures: paths to the copied fixtures and one loaded pipeline per session."""

from __future__ import annotations

import pytest
import spacy
from spacy.language import Language

from ami_facts.nlp import DEFAULT_MODEL, FAST_MODEL, Pipeline, build_nlp


@pytest.fixture(scope="session")
def nlp() -> Language:
    """The default pipeline (the statistical model plus our components)."""
    return build_nlp(DEFAULT_MODEL)


@pytest.fixture(scope="session")
def tokenizer() -> Language:
    """A blank French pipeline: the tokenizer only."""
    return spacy.blank("fr")


@pytest.fixture(scope="session")
def fast_nlp() -> Pipeline:
    """The rules-only pipeline."""
    return build_nlp(FAST_MODEL)
