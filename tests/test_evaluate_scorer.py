"""The scorer's arithmetic, computed by hand on tiny gold/prediction pairs.

Table-level precision, recall and F1; optional gold rows (neither rewarded nor counted
as false positives); accepted label lists; field accuracy over matches; dates matched
on span alone and on span and value (``date_value_score``). Subject, metric and period
precision and recall are checked in ``test_evaluate_links.py``.
"""

from __future__ import annotations

from typing import Any

import pytest

from ami_facts.evaluate import (
    DATE_VALUES,
    Evaluation,
    Score,
    date_value_score,
    format_report,
    match_rows,
    score_table,
)
from ami_facts.pipeline import ArticleResult
from ami_facts.records import Article, DateMention


def _row(start: int, end: int, **fields: Any) -> dict[str, Any]:
    return {"start": start, "end": end, "text": "x" * (end - start), **fields}


FIGURES_GOLD = [
    _row(0, 5, value=10, kind="count", unit=None, approximate=False),
    _row(10, 15, value=20, kind="money", unit="EUR"),
    _row(20, 25, value=30),  # missed: the prediction here has another value
    _row(30, 35, value=40, optional=True),  # found, but optional: not a true positive
    _row(40, 45, value=50, optional=True),  # not found, but optional: not a miss
    _row(60, 65, low=1, high=2, kind="count"),
]
FIGURES_PREDICTED = [
    _row(0, 5, value=10.0, kind="count", unit=None, approximate=True),
    _row(11, 14, value=20, kind="money", unit="USD"),
    _row(20, 25, value=31),
    _row(31, 34, value=40),
    _row(50, 55, value=1),
    _row(59, 63, value=None, low=1, high=2, kind="count"),
]


@pytest.fixture(scope="module")
def figures() -> Score:
    return score_table("figures", FIGURES_GOLD, FIGURES_PREDICTED, label="a")


def test_scorer_counts_true_false_positives_and_misses(figures: Score) -> None:
    # matched: 0-5, 10-15 and the range 60-65; missed: 20-25 (value 30 against 31);
    # spurious: the 31 and the 1; the optional rows count neither way
    assert (figures.tp, figures.fp, figures.fn) == (3, 2, 1)
    assert [row["start"] for row in figures.missed] == [20]
    assert [row["start"] for row in figures.spurious] == [20, 50]
    assert all(row["article"] == "a" for row in [*figures.missed, *figures.spurious])


def test_scorer_precision_recall_f1_by_hand(figures: Score) -> None:
    assert figures.precision == pytest.approx(3 / 5)
    assert figures.recall == pytest.approx(3 / 4)
    assert figures.f1 == pytest.approx(2 * (3 / 5) * (3 / 4) / (3 / 5 + 3 / 4))  # 2/3


def test_scorer_field_accuracy_over_the_matches_whose_gold_has_the_field(figures: Score) -> None:
    # kind: all three matches give it, all right; unit: given by two, one right (USD);
    # approximate: given by one, wrong
    assert figures.fields["kind"] == [3, 3]
    assert figures.accuracy("unit") == pytest.approx(1 / 2)
    assert figures.accuracy("approximate") == 0.0
    assert figures.accuracy("per") is None
    wrong = {(row["field"], row["start"]): (row["gold"], row["predicted"]) for row in figures.wrong}
    assert wrong == {("unit", 10): ("EUR", "USD"), ("approximate", 0): (False, True)}


@pytest.mark.parametrize(
    ("tp", "fp", "fn", "precision", "recall", "f1"),
    [
        (0, 0, 0, 1.0, 1.0, 1.0),  # nothing to find, nothing found
        (0, 2, 0, 0.0, 1.0, 0.0),
        (0, 0, 3, 1.0, 0.0, 0.0),
        (0, 1, 1, 0.0, 0.0, 0.0),
        (1, 3, 0, 0.25, 1.0, 0.4),
        (2, 0, 6, 1.0, 0.25, 0.4),
    ],
)
def test_scorer_precision_recall_f1_at_the_edges(
    tp: int, fp: int, fn: int, precision: float, recall: float, f1: float
) -> None:
    score = Score(tp=tp, fp=fp, fn=fn)
    assert (score.precision, score.recall) == (precision, recall)
    assert score.f1 == pytest.approx(f1)


def test_scorer_optional_row_takes_no_prediction_a_required_row_needs() -> None:
    gold = [_row(0, 10, value=5, optional=True), _row(4, 6, value=5)]
    score = score_table("figures", gold, [_row(3, 8, value=5)])
    assert (score.tp, score.fp, score.fn) == (1, 0, 0)


def test_scorer_gold_row_takes_the_prediction_it_overlaps_most() -> None:
    gold = [_row(10, 20, value=7)]
    predicted = [_row(8, 12, value=7), _row(12, 20, value=7), _row(19, 25, value=7)]
    [(_, best)] = match_rows("figures", gold, predicted)
    assert best == 1
    score = score_table("figures", gold, predicted)
    assert (score.tp, score.fp, score.fn) == (1, 2, 0)


def test_scorer_one_prediction_matches_one_gold_row() -> None:
    gold = [_row(0, 4, value=3), _row(2, 8, value=3)]
    score = score_table("figures", gold, [_row(1, 6, value=3)])
    assert (score.tp, score.fp, score.fn) == (1, 0, 1)


def test_scorer_touching_spans_do_not_overlap() -> None:
    score = score_table("figures", [_row(0, 5, value=1)], [_row(5, 9, value=1)])
    assert (score.tp, score.fp, score.fn) == (0, 1, 1)


@pytest.mark.parametrize(
    ("gold", "label", "matched"),
    [
        ({"labels": ["ORG", "PRODUCT"]}, "PRODUCT", True),
        ({"labels": ["ORG", "PRODUCT"]}, "ORG", True),
        ({"labels": ["ORG", "PRODUCT"]}, "LOC", False),
        ({"label": "PER"}, "PER", True),
        ({"label": "PER"}, "ORG", False),
        # a list of labels is what counts when both are given
        ({"label": "PER", "labels": ["LOC", "MISC"]}, "PER", False),
    ],
)
def test_scorer_entity_label_is_one_the_gold_accepts(
    gold: dict[str, Any], label: str, matched: bool
) -> None:
    score = score_table(
        "entities", [_row(0, 6, name="Lyon", **gold)], [_row(0, 6, label=label, name="Lyon")]
    )
    assert (score.tp, score.fp, score.fn) == ((1, 0, 0) if matched else (0, 1, 1))


def test_scorer_entity_name_accuracy_and_label_list_not_scored_as_a_field() -> None:
    gold = [
        _row(0, 4, labels=["ORG", "PRODUCT"], name="Kobo"),
        _row(10, 14, label="LOC", name="Lyon"),
        _row(20, 24, label="PER", name="Léa Roux"),
    ]
    predicted = [
        _row(0, 4, label="PRODUCT", name="Kobo"),
        _row(10, 14, label="LOC", name="Lyons"),
        _row(20, 24, label="PER", name="Léa Roux"),
    ]
    score = score_table("entities", gold, predicted)
    assert score.fields["name"] == [2, 3]
    # a gold row with a list of labels has no "label" field to compare
    assert score.fields["label"] == [2, 2]


DATES_GOLD = [
    _row(0, 9, type="DATE", value="2024-03", start_date="2024-03-01", end_date="2024-03-31"),
    _row(20, 25, type="DATE", value="2024-03-14", start_date="2024-03-14"),
    _row(30, 36, type="DURATION", value="P2M"),
    _row(40, 44, type="DATE", value="2024", optional=True),
]
DATES_PREDICTED = [
    # span overlaps, value right, end of the interval wrong
    _row(3, 9, type="DATE", value="2024-03", start_date="2024-03-01", end_date="2024-03-30"),
    # span overlaps, value wrong (a day early)
    _row(20, 25, type="DATE", value="2024-03-13", start_date="2024-03-13"),
    # nothing in the gold here
    _row(50, 55, type="DATE", value="2025"),
    # on the optional row, another value: ignored on spans alone, a false positive on
    # values (as a figure with another value on an optional figure)
    _row(40, 44, type="DATE", value="2023"),
]


def test_scorer_dates_match_on_span_and_compare_fields() -> None:
    score = score_table("dates", DATES_GOLD, DATES_PREDICTED)
    assert (score.tp, score.fp, score.fn) == (2, 1, 1)
    assert score.f1 == pytest.approx(2 / 3)
    assert score.fields["value"] == [1, 2]
    assert score.fields["start_date"] == [1, 2]
    # only the first gold row gives its end
    assert score.fields["end_date"] == [0, 1]
    assert score.fields["type"] == [2, 2]


def test_scorer_date_values_count_a_date_only_with_the_gold_value() -> None:
    score = score_table(DATE_VALUES, DATES_GOLD, DATES_PREDICTED)
    # 2024-03 found; 2024-03-14 read as 2024-03-13 is a miss and a false positive, so
    # is 2023 on the optional 2024; P2M missed
    assert (score.tp, score.fp, score.fn) == (1, 3, 2)
    assert score.precision == pytest.approx(1 / 4)
    assert score.recall == pytest.approx(1 / 3)
    assert score.f1 == pytest.approx(2 / 7)


def _dates_result(article_id: str, predicted: list[dict[str, Any]]) -> ArticleResult:
    text = "x" * 60
    article = Article(article_id=article_id, source="s", text=text, body_start=0, body_end=60)
    dates = [
        DateMention(article_id=article_id, date_id=f"{article_id}-d{i}", **row)
        for i, row in enumerate(predicted)
    ]
    return ArticleResult(article=article, dates=dates)


@pytest.mark.parametrize(
    ("split", "tp", "fp", "fn"),
    [(None, 2, 3, 3), ("dev", 1, 3, 2), ("blind", 1, 0, 1)],
)
def test_date_value_score_adds_up_the_articles_of_a_half(
    split: str | None, tp: int, fp: int, fn: int
) -> None:
    # citroen-ami-emancipation is a dev article, mr4ap_alerte_rouge a blind one
    evaluation = Evaluation()
    halves = {
        "citroen-ami-emancipation": (DATES_GOLD, DATES_PREDICTED),
        "mr4ap_alerte_rouge": (DATES_GOLD[:2], DATES_PREDICTED[:1]),
    }
    for name, (gold, predicted) in halves.items():
        evaluation.results[name] = _dates_result(name, predicted)
        evaluation.gold[name] = {"figures": [], "dates": gold, "entities": []}
    score = date_value_score(evaluation, split)  # type: ignore[arg-type]
    assert (score.tp, score.fp, score.fn) == (tp, fp, fn)


def test_scorer_scores_add_up_across_articles() -> None:
    first = score_table("dates", DATES_GOLD, DATES_PREDICTED)
    second = score_table("dates", DATES_GOLD[:1], DATES_PREDICTED[:1])
    total = Score()
    total.add(first)
    total.add(second)
    assert (total.tp, total.fp, total.fn) == (3, 1, 1)
    assert total.fields["value"] == [2, 3]
    assert len(total.missed) == 1 and len(total.spurious) == 1
    assert total.as_dict()["fields"]["value"] == {"correct": 2, "total": 3, "accuracy": 0.6667}
    assert total.as_dict()["f1"] == round(2 * 0.75 * 0.75 / 1.5, 4)


def test_report_prints_the_counts_and_accuracies() -> None:
    evaluation = Evaluation()
    evaluation.scores["dates"].add(score_table("dates", DATES_GOLD, DATES_PREDICTED))
    report = format_report(evaluation)
    assert "dates     P=0.667 R=0.667 F1=0.667  (tp=2 fp=1 fn=1)" in report
    assert "value         0.500  (1/2)" in report
