"""Subject, metric and period scored as precision over values given, recall over gold values.

Counts computed by hand on a tiny gold/prediction pair.
"""

from __future__ import annotations

from typing import Any

from ami_facts.evaluate import score_table


def _figure(start: int, value: float, **fields: Any) -> dict[str, Any]:
    return {"start": start, "end": start + 2, "text": "xx", "value": value, **fields}


GOLD = [
    _figure(0, 1, subject="A", metric="sales", period_start="2020-01-01", period_end="2020-12-31"),
    _figure(10, 2, subject="B", metric=None, period_start=None, period_end=None),
    _figure(20, 3, subject=None, metric="price", period_start=None, period_end=None),
    _figure(30, 4, subject="D", metric="share", period_start="2021-01-01", period_end="2021-12-31"),
]
PREDICTED = [
    # subject right, metric right, period right
    _figure(0, 1, subject="A", metric="sales", period_start="2020-01-01", period_end="2020-12-31"),
    # subject wrong, metric extra, period null (right)
    _figure(10, 2, subject="C", metric="orders"),
    # subject extra, metric right, period extra
    _figure(20, 3, subject="Z", metric="price", period_start="2019-01-01", period_end="2019-12-31"),
    # subject missing, metric missing, period with a wrong end
    _figure(30, 4, period_start="2021-01-01", period_end="2021-06-30"),
]


def test_link_precision_counts_only_the_values_given() -> None:
    score = score_table("figures", GOLD, PREDICTED)
    # subject given 3 times (A, C, Z), right once
    assert score.links["subject"][:2] == [1, 3]
    assert score.link_precision("subject") == 1 / 3
    # metric given 3 times (sales, orders, price), right twice
    assert score.link_precision("metric") == 2 / 3
    # period given 3 times, right once (the 2021 one has a wrong end)
    assert score.link_precision("period") == 1 / 3


def test_link_recall_counts_only_the_values_the_gold_gives() -> None:
    score = score_table("figures", GOLD, PREDICTED)
    # gold subjects A, B, D: only A found
    assert score.links["subject"][2:] == [1, 3]
    assert score.link_recall("subject") == 1 / 3
    # gold metrics sales, price, share: two found
    assert score.link_recall("metric") == 2 / 3
    # gold periods 2020, 2021: one found
    assert score.link_recall("period") == 1 / 2


def test_accuracy_counts_a_null_that_must_be_null_as_right() -> None:
    score = score_table("figures", GOLD, PREDICTED)
    assert score.fields["subject"] == [1, 4]
    assert score.fields["metric"] == [2, 4]
    # 2020 right, the second figure's null right, the third's extra wrong, 2021 wrong
    assert score.fields["period"] == [2, 4]


def test_wrong_values_say_whether_missing_extra_or_wrong() -> None:
    score = score_table("figures", GOLD, PREDICTED)
    problems = {(row["field"], row["start"]): row["problem"] for row in score.wrong}
    assert problems[("subject", 10)] == "wrong"
    assert problems[("subject", 20)] == "extra"
    assert problems[("subject", 30)] == "missing"
    assert problems[("metric", 10)] == "extra"
    assert problems[("period", 30)] == "wrong"
