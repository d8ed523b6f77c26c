"""Shared fixtures: paths to the copied fixtures and one loaded pipeline per session."""

from __future__ import annotations

import pytest
from spacy.language import Language

from ami_facts.nlp import DEFAULT_MODEL, FAST_MODEL, build_nlp


@pytest.fixture(scope="session")
def nlp() -> Language:
    """The default pipeline (the statistical model plus our components)."""
    return build_nlp(DEFAULT_MODEL)


@pytest.fixture(scope="session")
def fast_nlp() -> Language:
    """The rules-only pipeline."""
    return build_nlp(FAST_MODEL)
