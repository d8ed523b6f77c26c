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
        ["extract", "-", "--model", "fr_no_such_model"],
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


@pytest.mark.parametrize("command", [["extract"], ["parse"], ["review"], ["evaluate"], ["schema"]])
def test_cli_help_shows_flags_without_a_type(command: list[str]) -> None:
    result = runner.invoke(app, [*command, "--help"], terminal_width=80)
    assert result.exit_code == 0
    assert "<bool>" not in result.output
    assert "--help" in result.output


def test_cli_parse_prints_one_block_per_item_within_80_columns() -> None:
    result = runner.invoke(
        app,
        ["parse", "La marque a écoulé 2.609 exemplaires en 2020.", "--fast"],
        terminal_width=80,
    )
    assert result.exit_code == 0, result.output
    blocks = result.output.strip().split("\n\n")
    assert blocks[0].splitlines()[0] == "figure 1: 2.609 exemplaires"
    fields = dict(line.strip().split(": ", 1) for line in blocks[0].splitlines()[1:])
    assert fields["value"] == "2609"
    assert fields["counted"] == "exemplaire"
    assert "bound" not in fields and "per" not in fields  # nulls left out
    assert blocks[1].splitlines()[0] == "date 1: 2020"
    assert blocks[-1] == "1 figure, 1 date, 0 entities"
    assert max(len(line) for line in result.output.splitlines()) <= 80


def test_cli_parse_error_is_one_sentence_and_exit_1() -> None:
    result = runner.invoke(app, ["parse", "", "--fast"])
    assert result.exit_code == 1
    assert "empty" in result.output and "Traceback" not in result.output


def test_cli_extract_reads_one_article_from_standard_input(tmp_path: Path) -> None:
    text = SEED_TEXT.read_text(encoding="utf-8")
    out = tmp_path / "out"
    args = ["extract", "-", "--out", str(out), "--fast", "--published", "2021-04-15"]
    result = runner.invoke(app, args, input=text.encode("utf-8"))
    assert result.exit_code == 0, result.output
    [article] = pd.read_parquet(out / "articles.parquet").itertuples()
    assert (article.source, article.text) == ("<stdin>", text)
    assert len(pd.read_parquet(out / "figures.parquet")) > 5
    again = runner.invoke(app, args, input=text.encode("utf-8"))
    assert "0 articles processed (1 already in the tables, kept)" in again.output


def test_cli_extract_reads_json_lines_from_standard_input(tmp_path: Path) -> None:
    lines = [
        json.dumps({"id": "a", "text": "Il a vendu 3 voitures hier.", "published": "15/04/2021"}),
        "{oops",
        json.dumps({"id": "b", "text": "Elle a vendu 4 vélos."}),
    ]
    out = tmp_path / "out"
    result = runner.invoke(
        app,
        ["extract", "-", "--format", "jsonl", "--out", str(out), "--fast", "--quiet"],
        input="\n".join(lines),
    )
    assert result.exit_code == 0, result.output
    articles = pd.read_parquet(out / "articles.parquet")
    assert list(articles.source) == ["<stdin>:1", "<stdin>:3"]
    assert list(articles.published.fillna("")) == ["2021-04-15", ""]
    [error] = pd.read_parquet(out / "errors.parquet").itertuples()
    assert (error.source, error.line) == ("<stdin>", 2)
    assert error.error.startswith("<stdin> line 2: the line is not valid JSON")


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["extract"], "give at least one INPUT"),
        (["extract", "ftp://example.org/a"], "not an http(s) URL"),
        (["extract", "-", "-"], "can be given once"),
        (["extract", "-", "--format", "pdf"], "--format must be one of"),
        (["extract", ".", "--format", "jsonl"], "give - as an INPUT"),
        (["extract", "-", "--urls", "-"], "not both"),
        (["extract", "--urls", "no/such/file.txt"], "cannot be read"),
    ],
)
def test_cli_extract_input_usage_errors_say_what_is_wrong(args: list[str], message: str) -> None:
    result = runner.invoke(app, [*args, "--fast"], input="")
    assert result.exit_code == 2
    assert message in result.output
