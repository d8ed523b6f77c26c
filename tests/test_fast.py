"""--fast: the rules alone over plain text, with the figures and dates of the full pipeline."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

import pytest
from spacy.language import Language

from ami_facts.components.dates import find_dates
from ami_facts.nlp import Pipeline, RulesOnly
from ami_facts.pipeline import ArticleResult
from fixture_paths import GOLD_FILES
from pipeline_helpers import run_text

_result = run_text


def test_fast_pipeline_needs_no_spacy_model(fast_nlp: Pipeline) -> None:
    assert isinstance(fast_nlp, RulesOnly)


@pytest.mark.parametrize("gold", GOLD_FILES, ids=lambda p: p.name[:30])
def test_fast_keeps_the_figures_and_dates_of_the_full_pipeline(
    nlp: Language, fast_nlp: Pipeline, gold: Path
) -> None:
    meta = json.loads(gold.read_text(encoding="utf-8"))
    text = (gold.parent / meta["article"]).read_text(encoding="utf-8")
    published = (
        date.fromisoformat(meta["published_for_test"]) if meta["published_for_test"] else None
    )
    full, fast = _result(nlp, text, published), _result(fast_nlp, text, published)

    def figures(result: ArticleResult) -> list[tuple[object, ...]]:
        return [(f.start, f.end, f.value, f.low, f.high, f.unit, f.per) for f in result.figures]

    assert figures(fast) == figures(full)
    # Same dates; a value that hangs on the tense of a verb may differ: the full pipeline
    # reads it from the morphologizer, --fast from the verb endings (issue 19, item 7).
    by_tense = {(h.start, h.end) for h in find_dates(text, anchor=published) if "tense" in h.extra}
    assert [(d.start, d.end) for d in fast.dates] == [(d.start, d.end) for d in full.dates]
    assert [(d.start, d.value) for d in fast.dates if (d.start, d.end) not in by_tense] == [
        (d.start, d.value) for d in full.dates if (d.start, d.end) not in by_tense
    ]


def test_fast_has_no_entities_but_keeps_periods(fast_nlp: Pipeline) -> None:
    result = _result(fast_nlp, "En 2019, Renault a vendu 4.500 voitures.", date(2021, 4, 15))
    assert result.entities == []
    [figure] = result.figures
    assert (figure.value, figure.period_start, figure.subject) == (4500, "2019-01-01", None)
