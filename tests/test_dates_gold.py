"""Dates against the hand-checked gold articles (tests/fixtures/gold), as ``extract`` finds them.

The dates of the whole pipeline are ``find_dates`` alone: their floors (spans, fields,
values) are those of the table ``dates`` in ``gold_floors.py``, checked by test_gold.py.
Here: nothing is found in the boilerplate the gold marks, and every date of the seed
article is right. The ranges to skip come from our own boilerplate detection.
"""

from __future__ import annotations

import json
from typing import Any

import pytest

from ami_facts.components.dates import find_dates
from ami_facts.evaluate import GoldArticle, gold_name
from ami_facts.hits import DateHit
from fixture_paths import GOLD_FILES, SEED_GOLD
from gold_stages import as_read


def _predict(gold: GoldArticle) -> list[DateHit]:
    raw = as_read(gold)
    return find_dates(gold.text, anchor=raw.published, excluded=raw.outside_body)


@pytest.mark.parametrize(
    "path", [p for p in GOLD_FILES if GoldArticle.read(p).body_end is not None], ids=gold_name
)
def test_gold_dates_nothing_found_after_the_gold_body_end(path: Any) -> None:
    gold = GoldArticle.read(path)
    assert gold.body_end is not None
    assert all(hit.start < gold.body_end for hit in _predict(gold))


@pytest.fixture(scope="module")
def seed_hits() -> list[DateHit]:
    return _predict(GoldArticle.read(SEED_GOLD))


@pytest.mark.parametrize(
    "row",
    [
        row
        for row in json.loads(SEED_GOLD.read_text(encoding="utf-8"))["dates"]
        if not row.get("optional")
    ],
    ids=str,
)
def test_seed_article_every_date_right(seed_hits: list[DateHit], row: dict[str, Any]) -> None:
    hits = [h for h in seed_hits if h.start < row["end"] and row["start"] < h.end]
    assert hits, f"missed {row['text']!r}"
    h = hits[0]
    assert (h.type, h.value, h.relative) == (row["type"], row["value"], row["relative"])
    if "start_date" in row:
        assert (h.start_date, h.end_date) == (row["start_date"], row["end_date"])
