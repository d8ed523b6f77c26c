"""What produced an article's rows: ``articles.extractor``.

``ami-facts=0.1.0 model=fr_core_news_md-3.8.0 published=2021-04-15``: the package
version, the spaCy pipeline (name and version, or ``fast`` for the rules alone) and
the ``--published`` date the run was given (``none``). An incremental run keeps the
rows of an article only when they were made the way it would make them; the others
are made again (``rows_are_current``).
"""

from __future__ import annotations

from datetime import date
from functools import cache
from importlib.metadata import PackageNotFoundError, version
from pathlib import Path
from typing import Any

PACKAGE = "ami-facts"
FAST_LABEL = "fast"
# The model name the API and the CLI give for the rules alone (``nlp.FAST_MODEL``).
BLANK = "blank"


@cache
def package_version() -> str:
    """The installed version of ami-facts (``0+unknown`` when it runs from a checkout)."""
    try:
        return version(PACKAGE)
    except PackageNotFoundError:
        return "0+unknown"


def meta_label(meta: dict[str, Any]) -> str:
    """``fr_core_news_md-3.8.0`` from a spaCy pipeline's meta (lang, name, version)."""
    return f"{meta.get('lang', 'xx')}_{meta.get('name', 'pipeline')}-{meta.get('version', '0')}"


def model_label(model: str) -> str:
    """The label of an installed pipeline (package or folder) without loading it."""
    if model == BLANK:
        return FAST_LABEL
    import spacy.util

    try:
        path = Path(model) if Path(model).is_dir() else spacy.util.get_package_path(model)
        return meta_label(spacy.util.get_model_meta(path))
    except (OSError, ValueError, ImportError):
        return model


def extractor_label(model: str, published: date | None) -> str:
    """``ami-facts=VERSION model=MODEL published=DATE|none``; ``model`` is a label."""
    given = published.isoformat() if published else "none"
    return f"{PACKAGE}={package_version()} model={model} published={given}"


def _fields(label: str) -> dict[str, str]:
    return dict(part.split("=", 1) for part in label.split() if "=" in part)


def rows_are_current(stored: str | None, published_source: str | None, current: str) -> bool:
    """Whether rows made as ``stored`` says are those a run made as ``current`` gives.

    Package version and model must be the same; the ``--published`` date only counts
    for an article that had no date of its own (``published_source`` neither
    ``metadata`` nor ``byline``): the others do not read it.
    """
    if stored is None:
        return False
    old, new = _fields(stored), _fields(current)
    keys = [PACKAGE, "model"]
    if published_source not in ("metadata", "byline"):
        keys.append("published")
    return all(old.get(key) == new.get(key) for key in keys)
