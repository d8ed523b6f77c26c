"""Helpers for the input tests: extractors that work, or empty stand-ins while they are stubs."""

from __future__ import annotations

import hashlib
from pathlib import Path

import pytest

import ami_facts.nlp as nlp_module


def extractors_work() -> bool:
    """True once the figure, date and entity extractors are implemented."""
    try:
        nlp_module.find_figures("Il a vendu 12 voitures.")
        nlp_module.find_dates("le 3 mars 2021", anchor=None)
    except NotImplementedError:
        return False
    return True


def use_extractors_or_stubs(monkeypatch: pytest.MonkeyPatch) -> bool:
    """Keep the real extractors when they work, else make them find nothing."""
    if extractors_work():
        return True
    monkeypatch.setattr(nlp_module, "find_figures", lambda text, **_: [])
    monkeypatch.setattr(nlp_module, "find_dates", lambda text, **_: [])
    monkeypatch.setattr(nlp_module, "find_entities", lambda doc, **_: [])
    return False


def digests(folder: Path) -> dict[str, str]:
    """sha256 of every table file in ``folder``."""
    return {
        path.name: hashlib.sha256(path.read_bytes()).hexdigest()
        for path in sorted(folder.iterdir())
        if path.suffix in {".csv", ".parquet"}
    }
