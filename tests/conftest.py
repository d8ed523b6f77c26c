"""Shared fixtures: paths to the copied fixtures and one loaded pipeline per session."""

from __future__ import annotations

from pathlib import Path

import pytest
from spacy.language import Language

from ami_facts.nlp import DEFAULT_MODEL, FAST_MODEL, build_nlp

FIXTURES = Path(__file__).parent / "fixtures"
GOLD_DIR = FIXTURES / "gold"
GOLD_FILES = sorted(GOLD_DIR.glob("*.gold.json"))
SEED_GOLD = GOLD_DIR / "citroen-ami-emancipation.gold.json"


@pytest.fixture(scope="session")
def nlp() -> Language:
    """The default pipeline (the statistical model plus our components)."""
    return build_nlp(DEFAULT_MODEL)


@pytest.fixture(scope="session")
def fast_nlp() -> Language:
    """The rules-only pipeline."""
    return build_nlp(FAST_MODEL)
