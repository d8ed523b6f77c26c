"""Run a snippet through a pipeline the way `extract` does (shared by the tests)."""

from __future__ import annotations

from datetime import date
from typing import Any

from ami_facts.load import build_article
from ami_facts.nlp import Pipeline
from ami_facts.pipeline import ArticleResult, process


def run_text(nlp: Pipeline, text: str, published: date | None) -> ArticleResult:
    """The result of one article made of ``text``, published on ``published``."""
    raw = build_article(text, {}, source="t", fallback_published=published, max_chars=10**7)
    [result] = list(process([raw], nlp))
    assert isinstance(result, ArticleResult), result
    return result


def figure_containing(
    nlp: Pipeline, text: str, number: str, published: date | None
) -> dict[str, Any]:
    """The first figure of ``text`` whose text holds ``number``, as a dict."""
    for figure in run_text(nlp, text, published).figures:
        if number in figure.text:
            return figure.model_dump()
    raise AssertionError(f"no figure {number!r} in {text!r}")
