"""Extraction scored against the gold articles (tests/fixtures/gold)."""

from __future__ import annotations

import json

import pytest
from spacy.language import Language

from ami_facts.evaluate import (
    SCORED_TABLES,
    SPLITS,
    Evaluation,
    date_value_score,
    evaluate,
    format_report,
    gold_split,
)
from ami_facts.load import build_article
from ami_facts.pipeline import ArticleResult, process
from fixture_paths import BLIND_GOLD, DEV_GOLD, GOLD_FILES, SEED_GOLD
from gold_floors import FLOORS


@pytest.fixture(scope="module")
def seed_evaluation(nlp: Language) -> Evaluation:
    return evaluate([SEED_GOLD], nlp, published_from_gold=True)


@pytest.fixture(scope="module")
def all_evaluation(nlp: Language) -> Evaluation:
    evaluation = evaluate(GOLD_FILES, nlp, published_from_gold=True)
    print("\n" + format_report(evaluation))
    return evaluation


@pytest.fixture(scope="module")
def seed_result(nlp: Language) -> ArticleResult:
    gold = json.loads(SEED_GOLD.read_text(encoding="utf-8"))
    from datetime import date

    text = (SEED_GOLD.parent / gold["article"]).read_text(encoding="utf-8")
    raw = build_article(
        text, {}, source="seed", fallback_published=date(2021, 4, 15), max_chars=10**7
    )
    [result] = list(process([raw], nlp))
    assert isinstance(result, ArticleResult)
    return result


@pytest.mark.parametrize("table", SCORED_TABLES)
def test_gold_seed_f1_floors(seed_evaluation: Evaluation, table: str) -> None:
    floor = FLOORS[("seed", table, "f1")]
    assert seed_evaluation.scores[table].f1 >= floor, format_report(seed_evaluation)


def test_gold_seed_nothing_extracted_after_body_end(seed_evaluation: Evaluation) -> None:
    assert seed_evaluation.after_body_end == 0


@pytest.mark.parametrize(
    "gold_text",
    [
        "2.609 exemplaires",
        "326 chaque mois",
        "aux environs de 650 commandes chaque mois",
        "près de 2000",
        "15.429 exemplaires",
        "entre 5 et 10 exemplaires",
        "250 ou 300 dm3",
    ],
)
def test_gold_seed_headline_figures_are_matched(
    seed_evaluation: Evaluation, gold_text: str
) -> None:
    missed = [row["text"] for row in seed_evaluation.scores["figures"].missed]
    assert gold_text not in missed


def _figure_at(result: ArticleResult, text: str) -> dict[str, object]:
    for figure in result.figures:
        if text in figure.text or figure.text in text:
            return figure.model_dump()
    raise AssertionError(f"no figure for {text!r}")


def test_gold_seed_2609_is_ami_sales_in_2020(seed_result: ArticleResult) -> None:
    figure = _figure_at(seed_result, "2.609 exemplaires")
    assert figure["value"] == 2609
    assert (figure["subject"], figure["metric"]) == ("Citroën Ami", "sales")
    assert (figure["period_start"], figure["period_end"]) == ("2020-01-01", "2020-12-31")


def test_gold_seed_650_is_approximate_monthly_orders(seed_result: ArticleResult) -> None:
    figure = _figure_at(seed_result, "650 commandes")
    assert figure["value"] == 650
    assert (figure["metric"], figure["per"], figure["approximate"]) == ("orders", "month", True)


def test_gold_every_span_indexes_article_text(nlp: Language) -> None:
    for path in GOLD_FILES:
        gold = json.loads(path.read_text(encoding="utf-8"))
        text = (path.parent / gold["article"]).read_text(encoding="utf-8")
        raw = build_article(text, {}, source=path.name, fallback_published=None, max_chars=10**7)
        [result] = list(process([raw], nlp))
        assert isinstance(result, ArticleResult)
        for record in [*result.figures, *result.dates, *result.entities]:
            assert text[record.start : record.end] == record.text


def test_gold_all_files_report_baseline(all_evaluation: Evaluation) -> None:
    """Every gold article is read and scored (floors: test_gold_scores_hold_their_floors)."""
    assert all_evaluation.errors == []
    assert set(all_evaluation.per_article) == {
        p.name.removesuffix(".gold.json") for p in GOLD_FILES
    }


@pytest.mark.parametrize(
    ("gold_text", "subject", "metric"),
    [
        ("2.609 exemplaires", "Citroën Ami", "sales"),
        ("650 commandes", "Citroën Ami", "orders"),
        ("entre 5 et 10 exemplaires", "Citroën Ami", "deliveries"),
        ("250 ou 300 dm3", "Citroën Ami Pro", "capacity"),
    ],
)
def test_gold_seed_facts_say_who_and_what(
    seed_result: ArticleResult, gold_text: str, subject: str, metric: str
) -> None:
    figure = _figure_at(seed_result, gold_text)
    assert (figure["subject"], figure["metric"]) == (subject, metric)


def _floor_id(value: object) -> str:
    return "-".join(value) if isinstance(value, tuple) else str(value)


def _measured(evaluation: Evaluation, half: str, table: str, measure: str) -> float | None:
    score = evaluation.splits[half][table]
    if measure == "f1":
        return score.f1
    if measure == "value f1":
        return date_value_score(evaluation, half).f1  # type: ignore[arg-type]
    if measure.endswith(" precision"):
        return score.link_precision(measure.removesuffix(" precision"))
    if measure.endswith(" recall"):
        return score.link_recall(measure.removesuffix(" recall"))
    return score.accuracy(measure)


# The whole pipeline's floors; the seed's are above, each extractor's in its own test.
PIPELINE_FLOORS = {
    key: floor for key, floor in FLOORS.items() if key[0] in SPLITS and key[1] in SCORED_TABLES
}


@pytest.mark.parametrize(("key", "floor"), sorted(PIPELINE_FLOORS.items()), ids=_floor_id)
def test_gold_scores_hold_their_floors(
    all_evaluation: Evaluation, key: tuple[str, str, str], floor: float
) -> None:
    measured = _measured(all_evaluation, *key)
    assert measured is not None, f"{key}: nothing to score"
    assert measured >= floor, f"{key}: {measured:.4f} < {floor}\n" + format_report(all_evaluation)


def test_gold_both_halves_hold_articles() -> None:
    """The split rule gives each half a fair share of the gold articles."""
    assert DEV_GOLD and BLIND_GOLD
    assert set(DEV_GOLD) | set(BLIND_GOLD) == set(GOLD_FILES)
    assert abs(len(DEV_GOLD) - len(BLIND_GOLD)) <= len(GOLD_FILES) // 3


@pytest.mark.parametrize(
    ("name", "half"),
    [
        ("citroen-ami-emancipation", "dev"),
        ("frtimebank_1999-05-20-1029", "blind"),
        ("mr4ap_alerte_rouge", "blind"),
        ("mr4ap_le_lycee_chaptal_ouvre_ses_portes", "dev"),
    ],
)
def test_gold_split_rule_is_fixed_by_the_name(name: str, half: str) -> None:
    """The rule must not drift: a moved article would turn blind scores into tuned ones."""
    assert gold_split(name) == half
