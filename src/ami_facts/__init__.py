"""ami-facts: figures, dates and entities of French news articles, as typed tables.

``from ami_facts import extract, Extractor`` (see ``ami_facts.api``). The names
are loaded on first use, so that importing a submodule (``ami_facts.analysis``)
does not load spaCy.
"""

from __future__ import annotations

from importlib import import_module
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from ami_facts.api import Extraction, ExtractionError, Extractor, extract, to_frames

__all__ = ["Extraction", "ExtractionError", "Extractor", "extract", "to_frames"]


def __getattr__(name: str) -> Any:
    if name in __all__:
        return getattr(import_module("ami_facts.api"), name)
    raise AttributeError(f"module 'ami_facts' has no attribute {name!r}")
