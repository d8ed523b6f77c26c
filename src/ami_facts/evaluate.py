"""Score the pipeline against gold files (format: tests/fixtures/gold/README.md).

A predicted figure matches a gold figure when their spans overlap and the value
(or low/high) is equal; a date when spans overlap; an entity when spans overlap
and the label is accepted. Optional gold rows are neither rewarded nor counted
as false positives. Field accuracy is computed over matches, for each field the
gold row has.
"""

from __future__ import annotations

import json
import math
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any

from ami_facts.load import build_article
from ami_facts.nlp import Pipeline
from ami_facts.pipeline import ArticleResult, process
from ami_facts.records import ErrorRow

SCORED_TABLES = ("figures", "dates", "entities")
# Fields compared over matches; the matching criterion's own fields are left out.
FIELDS: dict[str, tuple[str, ...]] = {
    "figures": (
        "kind",
        "unit",
        "approximate",
        "bound",
        "per",
        "counted",
        "subject",
        "metric",
        "period_start",
        "period_end",
    ),
    "dates": ("type", "value", "start_date", "end_date", "relative"),
    "entities": ("label", "name"),
}
LARGE_ARTICLE = 10_000_000


@dataclass
class GoldArticle:
    """One gold file and its article text."""

    path: Path
    text: str
    published: date | None
    body_end: int | None
    rows: dict[str, list[dict[str, Any]]]

    @classmethod
    def read(cls, path: Path) -> GoldArticle:
        gold = json.loads(path.read_text(encoding="utf-8"))
        text = (path.parent / gold["article"]).read_text(encoding="utf-8")
        published = gold.get("published_for_test")
        return cls(
            path=path,
            text=text,
            published=date.fromisoformat(published) if published else None,
            body_end=gold.get("body_end"),
            rows={table: gold.get(table, []) for table in SCORED_TABLES},
        )


@dataclass
class Score:
    """Counts and field agreement for one table."""

    tp: int = 0
    fp: int = 0
    fn: int = 0
    fields: dict[str, list[int]] = field(default_factory=dict)  # field -> [correct, total]
    missed: list[dict[str, Any]] = field(default_factory=list)
    spurious: list[dict[str, Any]] = field(default_factory=list)
    wrong: list[dict[str, Any]] = field(default_factory=list)

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

    def accuracy(self, name: str) -> float | None:
        correct, total = self.fields.get(name, [0, 0])
        return correct / total if total else None

    def add(self, other: Score) -> None:
        self.tp += other.tp
        self.fp += other.fp
        self.fn += other.fn
        for name, (correct, total) in other.fields.items():
            mine = self.fields.setdefault(name, [0, 0])
            mine[0] += correct
            mine[1] += total
        self.missed.extend(other.missed)
        self.spurious.extend(other.spurious)
        self.wrong.extend(other.wrong)

    def as_dict(self) -> dict[str, Any]:
        return {
            "tp": self.tp,
            "fp": self.fp,
            "fn": self.fn,
            "precision": round(self.precision, 4),
            "recall": round(self.recall, 4),
            "f1": round(self.f1, 4),
            "fields": {
                name: {"correct": c, "total": t, "accuracy": round(c / t, 4) if t else None}
                for name, (c, t) in sorted(self.fields.items())
            },
        }


def _overlap(a: dict[str, Any], b: dict[str, Any]) -> int:
    return int(min(a["end"], b["end"]) - max(a["start"], b["start"]))


def _same_number(a: float | None, b: float | None) -> bool:
    if a is None or b is None:
        return a is None and b is None
    return math.isclose(float(a), float(b), rel_tol=1e-9, abs_tol=1e-9)


def _figure_agrees(gold: dict[str, Any], pred: dict[str, Any]) -> bool:
    if gold.get("value") is not None:
        return _same_number(gold["value"], pred.get("value"))
    if gold.get("low") is not None or gold.get("high") is not None:
        return _same_number(gold.get("low"), pred.get("low")) and _same_number(
            gold.get("high"), pred.get("high")
        )
    return True


def _entity_agrees(gold: dict[str, Any], pred: dict[str, Any]) -> bool:
    accepted = gold.get("labels") or [gold.get("label")]
    return pred.get("label") in accepted


def _always(gold: dict[str, Any], pred: dict[str, Any]) -> bool:
    return True


AGREES: dict[str, Callable[[dict[str, Any], dict[str, Any]], bool]] = {
    "figures": _figure_agrees,
    "dates": _always,
    "entities": _entity_agrees,
}


def _field_equal(gold_value: Any, pred_value: Any) -> bool:
    if isinstance(gold_value, int | float) and not isinstance(gold_value, bool):
        return isinstance(pred_value, int | float) and _same_number(gold_value, pred_value)
    return bool(gold_value == pred_value)


def score_table(
    table: str,
    gold_rows: Sequence[dict[str, Any]],
    predicted: Sequence[dict[str, Any]],
    *,
    label: str = "",
) -> Score:
    """Match predictions to gold rows one to one, best overlap first, required rows first."""
    score = Score()
    agrees = AGREES[table]
    used: set[int] = set()
    ordered = sorted(gold_rows, key=lambda row: bool(row.get("optional")))
    for gold in ordered:
        candidates = [
            (i, _overlap(gold, pred))
            for i, pred in enumerate(predicted)
            if i not in used and _overlap(gold, pred) > 0 and agrees(gold, pred)
        ]
        if not candidates:
            if not gold.get("optional"):
                score.fn += 1
                score.missed.append({**gold, "article": label})
            continue
        best = max(candidates, key=lambda item: item[1])[0]
        used.add(best)
        if gold.get("optional"):
            continue
        score.tp += 1
        pred = predicted[best]
        for name in FIELDS[table]:
            if name not in gold:
                continue
            tally = score.fields.setdefault(name, [0, 0])
            tally[1] += 1
            if _field_equal(gold[name], pred.get(name)):
                tally[0] += 1
            else:
                score.wrong.append(
                    {
                        "article": label,
                        "field": name,
                        "text": gold["text"],
                        "gold": gold[name],
                        "predicted": pred.get(name),
                    }
                )
    for i, pred in enumerate(predicted):
        if i not in used:
            score.fp += 1
            score.spurious.append({**pred, "article": label})
    return score


@dataclass
class Evaluation:
    """Scores per table over all gold files, plus anything found in boilerplate."""

    scores: dict[str, Score] = field(default_factory=lambda: {t: Score() for t in SCORED_TABLES})
    per_article: dict[str, dict[str, Score]] = field(default_factory=dict)
    after_body_end: int = 0
    errors: list[str] = field(default_factory=list)
    results: dict[str, ArticleResult] = field(default_factory=dict)
    gold: dict[str, dict[str, list[dict[str, Any]]]] = field(default_factory=dict)

    def as_dict(self) -> dict[str, Any]:
        return {
            "tables": {table: score.as_dict() for table, score in self.scores.items()},
            "articles": {
                name: {table: score.as_dict() for table, score in tables.items()}
                for name, tables in self.per_article.items()
            },
            "extracted_after_body_end": self.after_body_end,
            "errors": self.errors,
        }


def _rows(result: ArticleResult, table: str) -> list[dict[str, Any]]:
    records: Iterable[Any] = getattr(result, table)
    return [record.model_dump() for record in records]


def evaluate(
    gold_paths: Sequence[Path], nlp: Pipeline, *, published_from_gold: bool = True
) -> Evaluation:
    """Run the pipeline on each gold article and score every table."""
    golds = [GoldArticle.read(path) for path in gold_paths]
    raws = [
        build_article(
            gold.text,
            {"id": gold.path.name.removesuffix(".gold.json")},
            source=str(gold.path),
            fallback_published=gold.published if published_from_gold else None,
            max_chars=LARGE_ARTICLE,
        )
        for gold in golds
    ]
    evaluation = Evaluation()
    for gold, raw, result in zip(golds, raws, process(raws, nlp), strict=True):
        name = raw.article_id
        if isinstance(result, ErrorRow):
            evaluation.errors.append(f"{name}: {result.error}")
            continue
        # Gold body_end wins over our own boilerplate detection when scoring leaks.
        body_end = gold.body_end if gold.body_end is not None else len(gold.text)
        per_table: dict[str, Score] = {}
        for table in SCORED_TABLES:
            predicted = _rows(result, table)
            evaluation.after_body_end += sum(1 for row in predicted if row["start"] >= body_end)
            score = score_table(table, gold.rows[table], predicted, label=name)
            per_table[table] = score
            evaluation.scores[table].add(score)
        evaluation.per_article[name] = per_table
        evaluation.results[name] = result
        evaluation.gold[name] = gold.rows
    return evaluation


def format_report(evaluation: Evaluation) -> str:
    """A plain-text report: P/R/F1 per table and field accuracy over matches."""
    lines = []
    for table, score in evaluation.scores.items():
        lines.append(
            f"{table:<9} P={score.precision:.3f} R={score.recall:.3f} F1={score.f1:.3f}"
            f"  (tp={score.tp} fp={score.fp} fn={score.fn})"
        )
        for name in FIELDS[table]:
            accuracy = score.accuracy(name)
            if accuracy is not None:
                correct, total = score.fields[name]
                lines.append(f"    {name:<13} {accuracy:.3f}  ({correct}/{total})")
    lines.append(f"extracted after body_end: {evaluation.after_body_end}")
    lines.extend(f"error: {error}" for error in evaluation.errors)
    return "\n".join(lines)


ID_FIELDS = {"figures": "figure_id", "dates": "date_id", "entities": "entity_id"}


def sentence_around(text: str, start: int, end: int) -> str:
    """The sentence holding ``text[start:end]`` (cut at . ! ? followed by a space, or a line)."""
    left = max(text.rfind("\n", 0, start), *(text.rfind(p, 0, start) for p in (". ", "! ", "? ")))
    left = 0 if left < 0 else left + 1
    rights = [i for i in (text.find(c, end) for c in ("\n", ". ", "! ", "? ")) if i >= 0]
    right = min(rights) + 1 if rights else len(text)
    return " ".join(text[left:right].split())


def _describe(table: str, row: dict[str, Any]) -> str:
    if table == "figures":
        if row.get("value") is not None:
            number = f"value={row['value']:g}"
        else:
            number = f"low={row.get('low')} high={row.get('high')}"
        extras = [f"{k}={row[k]}" for k in ("unit", "metric", "subject") if row.get(k)]
        return " ".join([number, *extras])
    if table == "dates":
        return f"{row.get('type')} {row.get('value')}"
    return f"{row.get('label') or '|'.join(row.get('labels') or [])} {row.get('name') or ''}"


def detail_rows(evaluation: Evaluation) -> dict[str, list[dict[str, Any]]]:
    """Per article, each missed, spurious and wrong item with its sentence."""
    detail: dict[str, list[dict[str, Any]]] = {}
    for name, tables in evaluation.per_article.items():
        text = evaluation.results[name].article.text
        rows: list[dict[str, Any]] = []
        for table, score in tables.items():
            for problem, items in (("missed", score.missed), ("spurious", score.spurious)):
                for item in items:
                    rows.append(
                        {
                            "table": table,
                            "problem": problem,
                            "start": item["start"],
                            "end": item["end"],
                            "text": item["text"],
                            "fields": _describe(table, item),
                            "sentence": sentence_around(text, item["start"], item["end"]),
                        }
                    )
            for wrong in score.wrong:
                rows.append(
                    {
                        "table": table,
                        "problem": "wrong",
                        "text": wrong["text"],
                        "fields": f"{wrong['field']}: gold {wrong['gold']!r}, "
                        f"predicted {wrong['predicted']!r}",
                    }
                )
        detail[name] = rows
    return detail


def format_detail(evaluation: Evaluation) -> str:
    """A plain-text listing per article: what was missed, spurious or wrong, in context."""
    lines: list[str] = []
    for name, rows in detail_rows(evaluation).items():
        lines.append(f"== {name}: {len(rows)} problems")
        for row in rows:
            where = f" [{row['start']}:{row['end']}]" if "start" in row else ""
            lines.append(
                f"  {row['table']:<8} {row['problem']:<8} {row['text']!r}{where} {row['fields']}"
            )
            if row.get("sentence"):
                lines.append(f"      in: {row['sentence']}")
    return "\n".join(lines)


def write_html(evaluation: Evaluation, out_dir: Path) -> Path:
    """The review pages with the gold spans as a second layer; returns the index path."""
    from ami_facts.review import write_review

    missed: dict[str, set[tuple[str, int, int]]] = {}
    spurious: dict[str, set[str]] = {}
    for name, tables in evaluation.per_article.items():
        missed[name] = {
            (table, int(row["start"]), int(row["end"]))
            for table, score in tables.items()
            for row in score.missed
        }
        spurious[name] = {
            str(row[ID_FIELDS[table]]) for table, score in tables.items() for row in score.spurious
        }
    summary = write_review(
        evaluation.results.values(),
        out_dir,
        title="ami-facts evaluation: predictions and gold",
        gold=evaluation.gold,
        missed=missed,
        spurious=spurious,
    )
    return summary.index
