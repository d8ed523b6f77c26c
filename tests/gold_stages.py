"""Each extractor alone on the gold articles, run as the pipeline runs it.

The ranges an extractor must skip come from our own boilerplate detection
(``build_article``), never from the gold's ``body_end``: a regression in finding the
boilerplate shows in these scores. Scores are per half of the gold (``gold_split``);
the floors are in ``gold_floors.py`` under the tables ``figures alone`` and ``entities
alone``. The dates have no such table: the pipeline's dates are ``find_dates`` alone,
floored as ``dates``.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

from spacy.language import Language
from spacy.tokens import Doc

from ami_facts.components.entities import find_entities
from ami_facts.components.figures import find_figures
from ami_facts.evaluate import (
    LARGE_ARTICLE,
    GoldArticle,
    Score,
    gold_name,
    gold_split,
    score_table,
)
from ami_facts.hits import EntityHit
from ami_facts.load import RawArticle, build_article
from fixture_paths import GOLD_FILES

Halves = dict[str, Score]
EntityFinder = Callable[..., list[EntityHit]]
# The statistical model, or a function that gives its Doc of a text (parsed once).
Parser = Callable[[str], Doc]
FIGURE_FIELDS = ("kind", "unit", "approximate", "bound", "per", "counted")


def as_read(gold: GoldArticle) -> RawArticle:
    """The article as ``extract`` reads it: our boilerplate ranges, the gold's date."""
    return build_article(
        gold.text,
        {"id": gold_name(gold.path)},
        source=str(gold.path),
        fallback_published=gold.published,
        max_chars=LARGE_ARTICLE,
    )


def _add(halves: Halves, path: Path, table: str, gold: GoldArticle, hits: Sequence[Any]) -> None:
    predicted = [dict(vars(hit)) for hit in hits]
    score = score_table(table, gold.rows[table], predicted)
    halves.setdefault(gold_split(gold_name(path)), Score()).add(score)


def figures_alone(paths: Sequence[Path] = GOLD_FILES) -> Halves:
    """``find_figures`` with no dates to block: years and days are its own to skip."""
    halves: Halves = {}
    for path in paths:
        gold = GoldArticle.read(path)
        hits = find_figures(gold.text, excluded=as_read(gold).outside_body, blocked=[])
        _add(halves, path, "figures", gold, hits)
    return halves


def entities_alone(
    model: Parser, finder: EntityFinder = find_entities, paths: Sequence[Path] = GOLD_FILES
) -> Halves:
    """``finder`` on the statistical model's Doc (no pipeline components of ours)."""
    halves: Halves = {}
    for path in paths:
        gold = GoldArticle.read(path)
        hits = finder(model(gold.text), excluded=as_read(gold).outside_body)
        _add(halves, path, "entities", gold, hits)
    return halves


Measures = dict[tuple[str, str, str], float | None]


def _measures(table: str, halves: Halves, fields: Sequence[str], *, p_r: bool = False) -> Measures:
    found: Measures = {}
    for half, score in halves.items():
        found[(half, table, "f1")] = score.f1
        if p_r:
            found[(half, table, "precision")] = score.precision
            found[(half, table, "recall")] = score.recall
        for name in fields:
            found[(half, table, name)] = score.accuracy(name)
    return found


def figure_measures() -> Measures:
    return _measures("figures alone", figures_alone(), FIGURE_FIELDS)


def entity_measures(model: Parser) -> Measures:
    return _measures("entities alone", entities_alone(model), ("name",), p_r=True)


def stage_measures(model: Language) -> Measures:
    """Every stage's measures, keyed as in ``gold_floors.FLOORS``."""
    return {**figure_measures(), **entity_measures(model)}


def floor_id(value: object) -> str:
    """A test id for a floor's key or value: ``dev-figures alone-f1``."""
    return "-".join(value) if isinstance(value, tuple) else str(value)
