"""Hand-made ArticleResults for the review and analysis tests (no extractor needed)."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from ami_facts.pipeline import ArticleResult
from ami_facts.records import Article, DateMention, Entity, Figure


def make_result(
    text: str,
    *,
    figures: Sequence[tuple[str, dict[str, Any]]] = (),
    dates: Sequence[tuple[str, dict[str, Any]]] = (),
    entities: Sequence[tuple[str, dict[str, Any]]] = (),
    article_id: str = "a1",
    body_end: int | None = None,
    excluded: str | None = None,
    title: str | None = None,
) -> ArticleResult:
    """An ArticleResult whose items are given as (exact substring, fields); first match wins."""

    def span(fragment: str) -> dict[str, Any]:
        start = text.index(fragment)
        return {"start": start, "end": start + len(fragment), "text": fragment}

    figure_rows = [
        Figure(article_id=article_id, figure_id=f"{article_id}-f{i:03d}", **span(s), **f)
        for i, (s, f) in enumerate(figures, start=1)
    ]
    date_rows = [
        DateMention(article_id=article_id, date_id=f"{article_id}-d{i:03d}", **span(s), **f)
        for i, (s, f) in enumerate(dates, start=1)
    ]
    entity_rows = [
        Entity(article_id=article_id, entity_id=f"{article_id}-e{i:03d}", **span(s), **f)
        for i, (s, f) in enumerate(entities, start=1)
    ]
    article = Article(
        article_id=article_id,
        source=f"{article_id}.txt",
        title=title,
        published="2021-04-15",
        text=text,
        body_start=0,
        body_end=len(text) if body_end is None else body_end,
        excluded=excluded,
        n_figures=len(figure_rows),
        n_dates=len(date_rows),
        n_entities=len(entity_rows),
    )
    return ArticleResult(
        article=article, figures=figure_rows, dates=date_rows, entities=entity_rows
    )


SEEDLIKE_TEXT = (
    "En 2020, la Citroën Ami s'est écoulée à 2.609 exemplaires en France. "
    "Il faut compter 3 mois d'attente.\nRecent Posts\nAutre article à 5 euros"
)


def seedlike() -> ArticleResult:
    """A short article shaped like the seed: a sales figure, a duration, boilerplate."""
    return make_result(
        SEEDLIKE_TEXT,
        figures=[
            (
                "2.609 exemplaires",
                {
                    "value": 2609.0,
                    "counted": "exemplaire",
                    "metric": "sales",
                    "subject": "Citroën Ami",
                    "period_start": "2020-01-01",
                    "period_end": "2020-12-31",
                    "period_text": "En 2020",
                    "sentence_start": 0,
                    "sentence_end": 68,
                },
            ),
            ("3 mois", {"value": 3.0, "kind": "duration", "unit": "month"}),
        ],
        dates=[
            (
                "En 2020",
                {
                    "type": "DATE",
                    "value": "2020",
                    "start_date": "2020-01-01",
                    "end_date": "2020-12-31",
                },
            ),
            ("3 mois", {"type": "DURATION", "value": "P3M"}),
        ],
        entities=[
            ("Citroën Ami", {"label": "PRODUCT", "name": "Citroën Ami"}),
            ("Citroën", {"label": "ORG", "name": "Citroën"}),
            ("France", {"label": "LOC", "name": "France"}),
        ],
        body_end=SEEDLIKE_TEXT.index("Recent Posts"),
        title="Ami",
    )
