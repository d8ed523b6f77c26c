"""Print the gold scores as the floor table of ``gold_floors.py`` (measured less 0.02).

    .venv/bin/python tests/measure_gold_floors.py > tests/gold_floors.py

Run it after a change that raises a score, then read the diff: a floor must never go
down without a reason written in the commit.
"""

from __future__ import annotations

import math
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))

from ami_facts.evaluate import FIELDS, LINKED_FIELDS, evaluate
from ami_facts.nlp import build_nlp
from fixture_paths import GOLD_FILES

MARGIN = 0.02
HEADER = '''"""Floors of the gold scores, one table for every gold test (per half of the gold).

Each floor is the score measured when it was set, less a margin of about 0.02, so
that a small regression fails a test. When a change raises a score, raise its
floor here (the measured value is in the comment): ``measure_gold_floors.py`` prints
this table anew. Keys: (half, table, measure), where measure is ``f1``, a field's
accuracy over matched rows, or ``FIELD precision`` / ``FIELD recall`` for subject,
metric and period (see ``ami_facts.evaluate``).
"""

from __future__ import annotations

FLOORS: dict[tuple[str, str, str], float] = {'''


def main() -> None:
    evaluation = evaluate(GOLD_FILES, build_nlp(), published_from_gold=True)
    print(HEADER)
    for half, tables in sorted(evaluation.splits.items()):
        for table, score in tables.items():
            measured: dict[str, float | None] = {"f1": score.f1}
            measured.update({name: score.accuracy(name) for name in FIELDS[table]})
            if table == "figures":
                for name in LINKED_FIELDS:
                    measured[f"{name} precision"] = score.link_precision(name)
                    measured[f"{name} recall"] = score.link_recall(name)
            for measure, value in measured.items():
                if value is None:
                    continue
                floor = max(0.0, math.floor((value - MARGIN) * 100) / 100)
                print(f"    ({half!r}, {table!r}, {measure!r}): {floor:.2f},  # {value:.4f}")
    print("}")


if __name__ == "__main__":
    main()
