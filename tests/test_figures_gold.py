"""Figures against the gold articles in ``tests/fixtures/gold/``, stage alone.

Scored with the project's own scorer (``ami_facts.evaluate.score_table``): a
prediction matches a gold figure when the spans overlap and the value (or
low/high) is equal; optional gold rows count neither for nor against. Dates are
not available here, so ``blocked`` is empty: years and days must be handled by
the figures extractor itself.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from ami_facts.components.figures import find_figures
from ami_facts.evaluate import GoldArticle, Score, score_table
from fixture_paths import GOLD_FILES

FIELDS = ("kind", "unit", "approximate", "bound", "per", "counted")


def gold_report(paths: list[Path] = GOLD_FILES) -> Score:
    """Score ``find_figures`` alone on every gold file."""
    total = Score()
    for path in paths:
        gold = GoldArticle.read(path)
        body_end = gold.body_end if gold.body_end is not None else len(gold.text)
        hits = find_figures(gold.text, excluded=[(body_end, len(gold.text))], blocked=[])
        predicted = [dict(vars(hit)) for hit in hits]
        total.add(score_table("figures", gold.rows["figures"], predicted, label=path.name[:30]))
    return total


@pytest.fixture(scope="module")
def report() -> Score:
    score = gold_report()
    print(f"\ngold figures: P={score.precision:.3f} R={score.recall:.3f} F1={score.f1:.3f}")
    for name in FIELDS:
        print(f"  {name}: {score.accuracy(name)} ({score.fields.get(name)})")
    wrong = [row for row in score.wrong if row["field"] in FIELDS]
    for row in [*score.missed, *score.spurious, *wrong]:
        print("  ", {k: row.get(k) for k in ("article", "text", "field", "gold", "predicted")})
    return score


def test_figures_gold_f1_floor(report: Score) -> None:
    assert report.f1 >= 0.90


@pytest.mark.parametrize("field", FIELDS)
def test_figures_gold_field_accuracy_floor(report: Score, field: str) -> None:
    accuracy = report.accuracy(field)
    assert accuracy is not None
    assert accuracy >= 0.90
