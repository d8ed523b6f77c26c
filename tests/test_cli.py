"""The command line, called in-process: tables written, clear errors, exit codes."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pandas as pd
import pytest
from typer.testing import CliRunner

from ami_facts.cli import app
from ami_facts.export import TABLES
from fixture_paths import GOLD_DIR

runner = CliRunner()
SEED_TEXT = GOLD_DIR / "articles" / "citroen-ami-emancipation.txt"


@pytest.fixture(scope="module")
def extracted(tmp_path_factory: pytest.TempPathFactory) -> Path:
    raw = tmp_path_factory.mktemp("raw")
    shutil.copy(SEED_TEXT, raw / "seed.txt")
    (raw / "broken.json").write_text("{not json", encoding="utf-8")
    lines = [
        json.dumps({"id": "w1", "text": "Environ 290 personnes sont mortes vendredi soir."}),
        "oops",
    ]
    (raw / "batch.jsonl").write_text("\n".join(lines), encoding="utf-8")
    out = tmp_path_factory.mktemp("out")
    result = runner.invoke(
        app, ["extract", str(raw), "--out", str(out), "--published", "2021-04-15"]
    )
    assert result.exit_code == 0, result.output
    assert "articles" in result.output
    return out


@pytest.mark.parametrize("table", TABLES)
@pytest.mark.parametrize("suffix", ["parquet", "csv"])
def test_cli_extract_writes_every_table_in_both_formats(
    extracted: Path, table: str, suffix: str
) -> None:
    assert (extracted / f"{table}.{suffix}").exists()


def test_cli_extract_broken_inputs_become_error_rows(extracted: Path) -> None:
    errors = pd.read_parquet(extracted / "errors.parquet")
    assert len(errors) == 2
    assert sorted(errors["line"].dropna().astype(int)) == [2]
    articles = pd.read_parquet(extracted / "articles.parquet")
    assert len(articles) == 2


def test_cli_extract_csv_and_parquet_hold_the_same_rows(extracted: Path) -> None:
    for table in TABLES:
        parquet = pd.read_parquet(extracted / f"{table}.parquet")
        csv = pd.read_csv(extracted / f"{table}.csv")
        assert list(parquet.columns) == list(csv.columns)
        assert len(parquet) == len(csv)


def test_cli_extract_offsets_index_article_text(extracted: Path) -> None:
    texts = pd.read_parquet(extracted / "articles.parquet").set_index("article_id")["text"]
    for table in ("figures", "dates", "entities"):
        for row in pd.read_parquet(extracted / f"{table}.parquet").itertuples():
            assert texts[row.article_id][row.start : row.end] == row.text


@pytest.mark.parametrize(
    "args",
    [
        ["extract", "does/not/exist"],
        ["extract", "--no-such-option"],
        ["extract", ".", "--published", "15/04/2021"],
        ["parse", "x", "--published", "yesterday"],
    ],
)
def test_cli_usage_errors_exit_2_without_traceback(args: list[str]) -> None:
    result = runner.invoke(app, args)
    assert result.exit_code == 2
    assert "Traceback" not in result.output


def test_cli_extract_exits_1_when_nothing_was_processed(tmp_path: Path) -> None:
    (tmp_path / "empty.txt").write_text("", encoding="utf-8")
    result = runner.invoke(
        app, ["extract", str(tmp_path), "--out", str(tmp_path / "out"), "--fast"]
    )
    assert result.exit_code == 1
    assert pd.read_parquet(tmp_path / "out" / "errors.parquet")["error"].str.contains("empty").all()


@pytest.mark.parametrize("command", [[], ["extract"], ["parse"], ["evaluate"]])
def test_cli_help_explains_every_command(command: list[str]) -> None:
    result = runner.invoke(app, [*command, "--help"])
    assert result.exit_code == 0
    assert "Usage" in result.output


def test_cli_parse_prints_figures_as_json() -> None:
    result = runner.invoke(app, ["parse", "Elle coûte environ 7 000 euros.", "--json", "--fast"])
    assert result.exit_code == 0, result.output
    figures = json.loads(result.output)["figures"]
    assert figures[0]["value"] == 7000
    assert figures[0]["unit"] == "EUR"
    assert figures[0]["approximate"] is True
