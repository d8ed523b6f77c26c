"""Figures against the 8 gold articles in ``tests/fixtures/gold/``.

A prediction matches a gold figure when the spans overlap and the value (or
low/high) is equal; optional gold rows count neither for nor against. Dates
are not available here, so ``blocked`` is empty: years and days must be
handled by the figures extractor itself.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ami_facts.components.figures import find_figures
from ami_facts.hits import FigureHit

GOLD_DIR = Path(__file__).parent / "fixtures" / "gold"
FIELDS = ("kind", "unit", "approximate", "bound", "per", "counted")


@dataclass
class GoldReport:
    tp: int = 0
    fp: int = 0
    fn: int = 0
    value_mismatch: int = 0
    field_total: dict[str, int] = field(default_factory=dict)
    field_ok: dict[str, int] = field(default_factory=dict)
    errors: list[str] = field(default_factory=list)

    @property
    def precision(self) -> float:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 1.0

    @property
    def recall(self) -> float:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 1.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    def field_accuracy(self, name: str) -> float:
        total = self.field_total.get(name, 0)
        return self.field_ok.get(name, 0) / total if total else 1.0


def _same_value(hit: FigureHit, row: dict[str, Any]) -> bool:
    def eq(a: float | None, b: float | None) -> bool:
        return a is not None and b is not None and abs(a - b) < 1e-6 * max(1.0, abs(b))

    if row.get("value") is not None:
        return eq(hit.value, row["value"])
    return eq(hit.low, row.get("low")) and eq(hit.high, row.get("high"))


def _overlap(hit: FigureHit, row: dict[str, Any]) -> bool:
    return hit.start < row["end"] and row["start"] < hit.end


def gold_report() -> GoldReport:
    """Score ``find_figures`` on every gold file (reusable by the CLI's evaluate)."""
    report = GoldReport()
    for path in sorted(GOLD_DIR.glob("*.gold.json")):
        gold = json.loads(path.read_text(encoding="utf-8"))
        text = (GOLD_DIR / "articles" / (path.name.removesuffix(".gold.json") + ".txt")).read_text(
            encoding="utf-8"
        )
        body_end = gold.get("body_end") or len(text)
        excluded = [(body_end, len(text)), *[tuple(r) for r in gold.get("excluded") or []]]
        hits = find_figures(text, excluded=excluded, blocked=[])
        rows = gold.get("figures", [])
        used: set[int] = set()
        for row in rows:
            match = None
            for k, hit in enumerate(hits):
                if k not in used and _overlap(hit, row) and _same_value(hit, row):
                    match = k
                    break
            if row.get("optional"):
                if match is None:
                    for k, hit in enumerate(hits):
                        if k not in used and _overlap(hit, row):
                            match = k
                            break
                if match is not None:
                    used.add(match)
                continue
            if match is None:
                report.fn += 1
                near = [h.text for h in hits if _overlap(h, row)]
                report.errors.append(
                    f"{path.name[:30]} MISS {row['text']!r} {row.get('value')} near={near}"
                )
                continue
            used.add(match)
            report.tp += 1
            hit = hits[match]
            for name in FIELDS:
                if name not in row:
                    continue
                report.field_total[name] = report.field_total.get(name, 0) + 1
                if getattr(hit, name) == row[name]:
                    report.field_ok[name] = report.field_ok.get(name, 0) + 1
                else:
                    report.errors.append(
                        f"{path.name[:30]} FIELD {name} {row['text']!r}: "
                        f"{getattr(hit, name)!r} != {row[name]!r}"
                    )
        for k, hit in enumerate(hits):
            if k not in used:
                report.fp += 1
                report.errors.append(f"{path.name[:30]} EXTRA {hit.text!r} {hit.value} {hit.kind}")
    return report


def print_gold_report(report: GoldReport) -> None:
    print(
        f"\ngold figures: P={report.precision:.3f} R={report.recall:.3f} F1={report.f1:.3f}"
        f" (tp={report.tp} fp={report.fp} fn={report.fn})"
    )
    for name in FIELDS:
        print(f"  {name}: {report.field_accuracy(name):.3f} over {report.field_total.get(name, 0)}")
    for line in report.errors:
        print("  ", line)


def test_figures_gold_f1_and_fields() -> None:
    report = gold_report()
    print_gold_report(report)
    assert report.f1 >= 0.90
    for name in FIELDS:
        assert report.field_accuracy(name) >= 0.90, name
