"""Print the share of mutants killed per module from mutmut's results (``make mutate``).

    .venv/bin/python tests/mutation_score.py [mutants]

Killed: a selected test failed (or the run timed out, which a hang also is). Survived:
every test that calls the mutated function passed; no tests: none of the selected tests
calls it. The share is killed over all mutants checked (survivors and mutants without a
test count against it). Equivalent mutants are listed, with reasons, in tests/MUTANTS.md.
"""

from __future__ import annotations

import json
import sys
from collections import Counter
from pathlib import Path

KILLED = {1, 3, 24, -24, 36, 152, 255}
SURVIVED = {0}
NO_TESTS = {5, 33}


def main(root: Path) -> int:
    metas = sorted((root / "src").rglob("*.py.meta"))
    if not metas:
        print(f"no mutmut results under {root}: run `make mutate`", file=sys.stderr)
        return 1
    print(f"{'module':<48} {'mutants':>7} {'killed':>6} {'survived':>8} {'no test':>7}  share")
    total: Counter[str] = Counter()
    for meta in metas:
        codes = json.loads(meta.read_text(encoding="utf-8"))["exit_code_by_key"].values()
        count = Counter(
            "killed"
            if code in KILLED
            else "survived"
            if code in SURVIVED
            else "no tests"
            if code in NO_TESTS
            else "unchecked"
            for code in codes
        )
        checked = count["killed"] + count["survived"] + count["no tests"]
        total.update(count)
        module = str(meta.relative_to(root / "src")).removesuffix(".meta")
        share = f"{count['killed'] / checked:6.1%}" if checked else "   n/a"
        unchecked = f"  ({count['unchecked']} not checked)" if count["unchecked"] else ""
        print(
            f"{module:<48} {checked:>7} {count['killed']:>6} {count['survived']:>8}"
            f" {count['no tests']:>7} {share}{unchecked}"
        )
    checked = total["killed"] + total["survived"] + total["no tests"]
    if checked:
        print(
            f"{'all':<48} {checked:>7} {total['killed']:>6} {total['survived']:>8}"
            f" {total['no tests']:>7} {total['killed'] / checked:6.1%}"
        )
    return 0


if __name__ == "__main__":
    sys.exit(main(Path(sys.argv[1] if len(sys.argv) > 1 else "mutants")))
