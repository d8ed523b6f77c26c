"""evaluate --detail and --html: misses and spurious items, in context and on the page."""

from __future__ import annotations

from pathlib import Path

import pytest
from typer.testing import CliRunner

from ami_facts.cli import app
from ami_facts.evaluate import (
    Evaluation,
    detail_rows,
    format_detail,
    gold_split,
    score_table,
    sentence_around,
    write_html,
)
from fixture_paths import SEED_GOLD
from review_helpers import SEEDLIKE_TEXT, seedlike


@pytest.mark.parametrize(
    ("fragment", "sentence"),
    [
        ("2.609", "En 2020, la Citroën Ami s'est écoulée à 2.609 exemplaires en France."),
        ("3 mois", "Il faut compter 3 mois d'attente."),
        ("5 euros", "Autre article à 5 euros"),
    ],
)
def test_sentence_around_finds_the_sentence(fragment: str, sentence: str) -> None:
    start = SEEDLIKE_TEXT.index(fragment)
    assert sentence_around(SEEDLIKE_TEXT, start, start + len(fragment)) == sentence


def evaluation_of_seedlike() -> Evaluation:
    result = seedlike()
    start = SEEDLIKE_TEXT.index("2.609")
    gold = {
        "figures": [
            {"start": start, "end": start + 17, "text": "2.609 exemplaires", "value": 2609},
            {"start": 0, "end": 7, "text": "En 2020", "value": 2020},
        ],
        "dates": [],
        "entities": [],
    }
    evaluation = Evaluation()
    name = result.article.article_id
    evaluation.per_article[name] = {
        table: score_table(
            table, gold[table], [r.model_dump() for r in getattr(result, table)], label=name
        )
        for table in gold
    }
    evaluation.results[name] = result
    evaluation.gold[name] = gold
    return evaluation


@pytest.mark.parametrize(
    ("table", "problem", "text"),
    [
        ("figures", "missed", "En 2020"),
        ("figures", "spurious", "3 mois"),
        ("dates", "spurious", "En 2020"),
        ("entities", "spurious", "France"),
    ],
)
def test_evaluate_detail_lists_each_problem_with_its_sentence(
    table: str, problem: str, text: str
) -> None:
    rows = detail_rows(evaluation_of_seedlike(), show_blind=True)["a1"]
    match = [r for r in rows if (r["table"], r["problem"], r["text"]) == (table, problem, text)]
    assert len(match) == 1
    assert text in match[0]["sentence"]


def test_evaluate_detail_text_names_article_and_context() -> None:
    report = format_detail(evaluation_of_seedlike(), show_blind=True)
    assert report.startswith("== a1:")
    assert "figures  missed   'En 2020' [0:7] value=2020" in report
    assert "      in: Il faut compter 3 mois d'attente." in report


def test_evaluate_html_shows_gold_layer_with_flags(tmp_path: Path) -> None:
    index = write_html(evaluation_of_seedlike(), tmp_path, show_blind=True)
    page = (tmp_path / "articles" / "a1.html").read_text(encoding="utf-8")
    assert index.exists()
    assert "gold-figure" in page
    # "En 2020": a gold figure we missed, under a date no gold row asked for.
    assert 'class="date gold-figure missed spurious"' in page
    assert "spurious" in page


def test_evaluate_detail_and_html_hide_the_misses_of_the_blind_half(tmp_path: Path) -> None:
    # "a1" falls in the blind half (gold_split): its scores are read, not its misses
    evaluation = evaluation_of_seedlike()
    assert gold_split("a1") == "blind"
    assert "a1" not in detail_rows(evaluation)
    report = format_detail(evaluation)
    assert "== a1" not in report
    assert "1 article of the blind half not listed" in report
    write_html(evaluation, tmp_path)
    page = (tmp_path / "articles" / "a1.html").read_text(encoding="utf-8")
    assert "gold-figure" not in page.split("<style>")[-1].split("</style>")[-1]


def test_cli_evaluate_detail_and_html(tmp_path: Path) -> None:
    result = CliRunner().invoke(
        app,
        [
            *("evaluate", str(SEED_GOLD), "--published-from-gold", "--fast"),
            *("--detail", "--html", str(tmp_path)),
        ],
    )
    assert result.exit_code == 0, result.output
    assert "figures" in result.output
    assert (tmp_path / "index.html").exists()
