"""Span/value scoring of DateHits against gold rows (shared by the date tests)."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

from ami_facts.hits import DateHit


@dataclass
class Score:
    tp_overlap: int = 0
    tp_strict: int = 0
    tp_value: int = 0
    tp_type: int = 0
    n_pred: int = 0
    n_gold: int = 0
    misses: list[str] = field(default_factory=list)
    false_pos: list[str] = field(default_factory=list)
    wrong_value: list[str] = field(default_factory=list)

    @staticmethod
    def _f1(tp: int, n_pred: int, n_gold: int) -> tuple[float, float, float]:
        p = tp / n_pred if n_pred else 1.0
        r = tp / n_gold if n_gold else 1.0
        f = 2 * p * r / (p + r) if p + r else 0.0
        return p, r, f

    @property
    def overlap(self) -> tuple[float, float, float]:
        return self._f1(self.tp_overlap, self.n_pred, self.n_gold)

    @property
    def strict(self) -> tuple[float, float, float]:
        return self._f1(self.tp_strict, self.n_pred, self.n_gold)

    @property
    def value(self) -> tuple[float, float, float]:
        return self._f1(self.tp_value, self.n_pred, self.n_gold)

    def summary(self, name: str) -> str:
        po, ro, fo = self.overlap
        fs = self.strict[2]
        fv = self.value[2]
        acc_t = self.tp_type / self.tp_overlap if self.tp_overlap else 0.0
        acc_v = self.tp_value / self.tp_overlap if self.tp_overlap else 0.0
        return (
            f"{name}: gold={self.n_gold} pred={self.n_pred} | overlap P={po:.3f} R={ro:.3f} "
            f"F1={fo:.3f} | strict F1={fs:.3f} | value F1={fv:.3f} | "
            f"type acc={acc_t:.3f} value acc={acc_v:.3f} (over matches)"
        )


def score_doc(
    score: Score, text: str, gold: Sequence[dict[str, Any]], pred: Sequence[DateHit], tag: str = ""
) -> None:
    """One-to-one overlap matching; optional gold rows neither count for nor against."""
    used: set[int] = set()
    required = [g for g in gold if not g.get("optional")]
    optional = [g for g in gold if g.get("optional")]
    matched_pred: set[int] = set()
    for g in required:
        best = None
        for i, p in enumerate(pred):
            if i in used or not (p.start < g["end"] and g["start"] < p.end):
                continue
            # prefer an exact span, then an equal value
            rank = (
                (p.start, p.end) == (g["start"], g["end"]),
                p.value == g.get("value"),
            )
            if best is None or rank > best[0]:
                best = (rank, i)
        if best is None:
            score.misses.append(f"{tag} MISS {g['text']!r} {g.get('type')} {g.get('value')}")
            continue
        i = best[1]
        used.add(i)
        matched_pred.add(i)
        p = pred[i]
        score.tp_overlap += 1
        if (p.start, p.end) == (g["start"], g["end"]):
            score.tp_strict += 1
        if p.type == g.get("type"):
            score.tp_type += 1
        if p.value == g.get("value"):
            score.tp_value += 1
        else:
            score.wrong_value.append(
                f"{tag} VAL {g['text']!r} gold={g.get('type')} {g.get('value')} "
                f"pred={p.text!r} {p.type} {p.value}"
            )
    # predictions overlapping only optional rows are ignored
    ignored = set()
    for i, p in enumerate(pred):
        if i in used:
            continue
        if any(p.start < g["end"] and g["start"] < p.end for g in optional):
            ignored.add(i)
    for i, p in enumerate(pred):
        if i not in used and i not in ignored:
            ctx = text[max(0, p.start - 30) : p.end + 10].replace("\n", " ")
            score.false_pos.append(f"{tag} FP {p.text!r} {p.type} {p.value} | {ctx}")
    score.n_gold += len(required)
    score.n_pred += len(pred) - len(ignored)
