"""Run a snippet through a pipeline the way `extract` does (shared by the tests)."""

from __future__ import annotations

from datetime import date

from ami_facts.load import build_article
from ami_facts.nlp import Pipeline
from ami_facts.pipeline import ArticleResult, process


def run_text(nlp: Pipeline, text: str, published: date | None) -> ArticleResult:
    """The result of one article made of ``text``, published on ``published``."""
    raw = build_article(text, {}, source="t", fallback_published=published, max_chars=10**7)
    [result] = list(process([raw], nlp))
    assert isinstance(result, ArticleResult), result
    return result
