"""Dates against the hand-checked gold articles (tests/fixtures/gold)."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path
from typing import Any

import pytest

from ami_facts.components.dates import find_dates
from date_scoring import Score, score_doc

GOLD = Path(__file__).parent / "fixtures" / "gold"
FILES = sorted(GOLD.glob("*.gold.json"))


def _load(path: Path) -> tuple[dict[str, Any], str]:
    g = json.loads(path.read_text(encoding="utf-8"))
    text = (GOLD / g["article"]).read_text(encoding="utf-8")
    return g, text


def _predict(g: dict[str, Any], text: str) -> list[Any]:
    anchor = date.fromisoformat(g["published_for_test"]) if g.get("published_for_test") else None
    excluded = []
    if g.get("body_end") is not None:
        excluded.append((g["body_end"], len(text)))
    for x in g.get("excluded") or []:
        excluded.append((x["start"], x["end"]) if isinstance(x, dict) else tuple(x))
    return find_dates(text, anchor=anchor, excluded=excluded)


def test_gold_dates_f1() -> None:
    total = Score()
    print()
    for path in FILES:
        g, text = _load(path)
        score = Score()
        pred = _predict(g, text)
        score_doc(score, text, g.get("dates", []), pred, tag=path.name[:30])
        score_doc(total, text, g.get("dates", []), pred, tag=path.name[:30])
        print(score.summary(path.name[:40]))
    print(total.summary("ALL"))
    for line in total.misses + total.false_pos + total.wrong_value:
        print("  ", line)
    assert total.overlap[2] >= 0.85


def test_gold_nothing_after_body_end() -> None:
    for path in FILES:
        g, text = _load(path)
        if g.get("body_end") is None:
            continue
        assert all(h.start < g["body_end"] for h in _predict(g, text))


SEED = GOLD / "citroen-ami-emancipation.gold.json"


@pytest.mark.parametrize("row", json.loads(SEED.read_text(encoding="utf-8"))["dates"], ids=str)
def test_seed_article_every_date_right(row: dict[str, Any]) -> None:
    g, text = _load(SEED)
    pred = _predict(g, text)
    hits = [h for h in pred if h.start < row["end"] and row["start"] < h.end]
    if row.get("optional"):
        return
    assert hits, f"missed {row['text']!r}"
    h = hits[0]
    assert (h.type, h.value, h.relative) == (row["type"], row["value"], row["relative"])
    if "start_date" in row:
        assert (h.start_date, h.end_date) == (row["start_date"], row["end_date"])
