"""French TimeBank documents (peers/dev.jsonl, source ftib): span and value F1 per half.

The 1999 documents are split into a dev and a blind half by the rule of the gold files
(``ami_facts.evaluate.gold_split`` on the document's gold name, ``frtimebank_<id>``), so a
document that is also a gold article falls in the same half. Misses are printed for the
dev half only; the blind half gives its scores.
"""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

import pytest

from ami_facts.components.dates import find_dates
from ami_facts.evaluate import gold_split
from date_scoring import Score, score_doc

DEV = Path(__file__).parent / "fixtures" / "peers" / "dev.jsonl"


def _rows() -> list[dict[str, object]]:
    rows = [json.loads(line) for line in DEV.read_text(encoding="utf-8").splitlines() if line]
    return [r for r in rows if r["source"] == "ftib" and r["dim"] == "time"]


def ftib_half(row_id: str) -> str:
    """``ftib/1999-05-17-0121`` -> the half of the gold file ``frtimebank_1999-05-17-0121``."""
    return gold_split("frtimebank_" + row_id.split("/", 1)[1])


def _score(half: str) -> Score:
    score = Score()
    for r in _rows():
        if ftib_half(str(r["id"])) != half:
            continue
        text = str(r["text"])
        anchor = date.fromisoformat(str(r["reference_time"])[:10])
        gold = r["expected"]["entities"]  # type: ignore[index]
        pred = find_dates(text, anchor=anchor)
        score_doc(score, text, gold, pred, tag=str(r["id"]))
    return score


def test_ftib_halves_are_both_there() -> None:
    halves = [ftib_half(str(r["id"])) for r in _rows()]
    assert halves.count("dev") >= 20 and halves.count("blind") >= 20


def test_ftib_dev_span_and_value_f1() -> None:
    score = _score("dev")
    print()
    print(score.summary("ftib dev"))
    for line in score.misses + score.false_pos + score.wrong_value:
        print("  ", line)
    assert score.overlap[2] >= 0.95  # 0.9728
    assert score.strict[2] >= 0.92  # 0.9456
    assert score.value[2] >= 0.89  # 0.9116


@pytest.mark.parametrize("measure", ["overlap", "strict", "value"])
def test_ftib_blind_scores(measure: str) -> None:
    score = _score("blind")
    print()
    print(score.summary("ftib blind"))  # scores only: its misses are not read
    floors = {"overlap": 0.94, "strict": 0.92, "value": 0.90}  # 0.962, 0.9494, 0.9241
    assert getattr(score, measure)[2] >= floors[measure]
