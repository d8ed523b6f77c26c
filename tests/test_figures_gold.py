"""Figures against the gold articles in ``tests/fixtures/gold/``, stage alone.

Scored with the project's own scorer (``ami_facts.evaluate.score_table``): a
prediction matches a gold figure when the spans overlap and the value (or
low/high) is equal; optional gold rows count neither for nor against. Dates are
not available here, so ``blocked`` is empty: years and days must be handled by
the figures extractor itself. The boilerplate to skip is our own detection's, as in
``extract``; the floors are the table ``figures alone`` of ``gold_floors.py``.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from ami_facts.components.figures import find_figures
from ami_facts.evaluate import GoldArticle, gold_name
from fixture_paths import DEV_GOLD, GOLD_FILES
from gold_floors import FLOORS
from gold_stages import (
    FIGURE_FIELDS,
    Measures,
    as_read,
    figure_measures,
    figures_alone,
    floor_id,
)

STAGE_FLOORS = {key: floor for key, floor in FLOORS.items() if key[1] == "figures alone"}


@pytest.fixture(scope="module")
def measured() -> Measures:
    found = figure_measures()
    # Misses of the dev half only: the blind half's scores are read, never its misses.
    dev = figures_alone(DEV_GOLD)["dev"]
    print(f"\ndev figures alone: P={dev.precision:.3f} R={dev.recall:.3f} F1={dev.f1:.3f}")
    wrong = [row for row in dev.wrong if row["field"] in FIGURE_FIELDS]
    for row in [*dev.missed, *dev.spurious, *wrong]:
        print("  ", {k: row.get(k) for k in ("text", "start", "field", "gold", "predicted")})
    return found


@pytest.mark.parametrize(("key", "floor"), sorted(STAGE_FLOORS.items()), ids=floor_id)
def test_figures_gold_scores_hold_their_floors(
    measured: Measures, key: tuple[str, str, str], floor: float
) -> None:
    value = measured[key]
    assert value is not None and value >= floor, f"{key}: {value} < {floor}"


@pytest.mark.parametrize(
    "path", [p for p in GOLD_FILES if GoldArticle.read(p).body_end is not None], ids=gold_name
)
def test_figures_gold_nothing_found_after_the_gold_body_end(path: Path) -> None:
    gold = GoldArticle.read(path)
    assert gold.body_end is not None
    hits = find_figures(gold.text, excluded=as_read(gold).outside_body, blocked=[])
    assert all(hit.start < gold.body_end for hit in hits)
