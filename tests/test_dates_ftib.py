"""French TimeBank documents (peers/dev.jsonl, source ftib): span and value F1."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

from ami_facts.components.dates import find_dates
from date_scoring import Score, score_doc

DEV = Path(__file__).parent / "fixtures" / "peers" / "dev.jsonl"


def _rows() -> list[dict[str, object]]:
    rows = [json.loads(line) for line in DEV.read_text(encoding="utf-8").splitlines() if line]
    return [r for r in rows if r["source"] == "ftib" and r["dim"] == "time"]


def _score() -> Score:
    score = Score()
    for r in _rows():
        text = str(r["text"])
        anchor = date.fromisoformat(str(r["reference_time"])[:10])
        gold = r["expected"]["entities"]  # type: ignore[index]
        pred = find_dates(text, anchor=anchor)
        score_doc(score, text, gold, pred, tag=str(r["id"]))
    return score


def test_ftib_span_and_value_f1() -> None:
    score = _score()
    print()
    print(score.summary("ftib"))
    for line in score.misses + score.false_pos + score.wrong_value:
        print("  ", line)
    assert score.overlap[2] >= 0.88
    assert score.value[2] >= 0.80
