"""Real inputs and bad inputs through the CLI: one error row per bad input, nothing lost,
idempotent and incremental runs, previous tables untouched by failed or killed runs."""

from __future__ import annotations

import json
import os
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

import pandas as pd
import pyarrow.parquet as pq
import pytest
from typer.testing import CliRunner

import ami_facts.export as export_module
from ami_facts.cli import app
from ami_facts.export import TABLES
from fixture_paths import FIXTURES, GOLD_DIR
from helpers_inputs import digests

runner = CliRunner()
BAD_DIR = FIXTURES / "bad"
SRC_DIR = Path(__file__).resolve().parents[1] / "src"
MAX_CHARS = "12000"
# Bad inputs of tests/fixtures/bad: (file, JSONL line or None) -> words the error says.
EXPECTED_ERRORS = {
    ("date-invalide.json", None): "cannot be read as a date",
    ("empty.txt", None): "empty",
    ("english.txt", None): "does not look French",
    ("image.txt", None): "binary",
    ("menu-seul.html", None): "no article text",
    ("trop-long.txt", None): "--max-chars",
    ("lot.jsonl", 2): "not valid JSON",
    ("lot.jsonl", 3): "cannot be read as a date",
    ("lot.jsonl", 4): "no article text",
}
GOOD = {
    "bornes-utf8.txt": "utf-8",
    "festival-utf16.txt": "utf-16",
    "ventes-cp1252.txt": "cp1252",
    "lot.jsonl:1": "utf-8",
    "lot.jsonl:5": "utf-8",
}


def _extract(input_path: Path, out: Path, *extra: str) -> tuple[int, str]:
    result = runner.invoke(
        app, ["extract", str(input_path), "--out", str(out), "--fast", "--quiet", *extra]
    )
    return result.exit_code, result.output


def _articles(out: Path) -> pd.DataFrame:
    return pd.read_parquet(out / "articles.parquet")


def _write_articles(folder: Path, names: list[str]) -> None:
    folder.mkdir(parents=True, exist_ok=True)
    for name in names:
        shutil.copy(GOLD_DIR / "articles" / name, folder / name)


GOLD_NAMES = sorted(p.name for p in (GOLD_DIR / "articles").glob("*.txt"))


def test_inputs_bad_corpus_gives_one_error_per_bad_input_and_keeps_the_rest(
    tmp_path: Path,
) -> None:
    out = tmp_path / "out"
    code, output = _extract(BAD_DIR, out, "--max-chars", MAX_CHARS)
    assert code == 0, output
    errors = pd.read_parquet(out / "errors.parquet")
    found = {
        (Path(row.source).name, None if pd.isna(row.line) else int(row.line)): row.error
        for row in errors.itertuples()
    }
    assert len(errors) == len(EXPECTED_ERRORS)
    assert set(found) == set(EXPECTED_ERRORS)
    for key, words in EXPECTED_ERRORS.items():
        sentence = found[key]
        assert words in sentence
        assert sentence.startswith(key[0]) and sentence.endswith(".")
        assert "Traceback" not in sentence
    articles = _articles(out)
    assert {
        Path(s).name: e for s, e in zip(articles.source, articles.encoding, strict=True)
    } == GOOD
    assert (articles.status == "ok").all()


def test_inputs_decoded_text_is_the_original_text(tmp_path: Path) -> None:
    out = tmp_path / "out"
    _extract(BAD_DIR, out, "--max-chars", MAX_CHARS)
    articles = _articles(out)
    texts = dict(zip(articles.source.map(lambda s: Path(s).name), articles.text, strict=True))
    assert texts["ventes-cp1252.txt"] == (BAD_DIR / "ventes-cp1252.txt").read_bytes().decode(
        "cp1252"
    )
    assert "€" in texts["ventes-cp1252.txt"] and "électriques" in texts["ventes-cp1252.txt"]
    assert texts["festival-utf16.txt"].startswith("Le festival a accueilli")


def test_inputs_byline_gives_published_and_html_metadata_is_read(tmp_path: Path) -> None:
    out = tmp_path / "out"
    _extract(BAD_DIR, out, "--max-chars", MAX_CHARS)
    rows = _articles(out).set_index(_articles(out).source.map(lambda s: Path(s).name))
    assert rows.loc["bornes-utf8.txt", "published"] == "2023-03-14"
    assert rows.loc["bornes-utf8.txt", "published_source"] == "byline"
    assert rows.loc["lot.jsonl:5", "title"] == "Le port bat son record"
    assert rows.loc["lot.jsonl:5", "published"] == "2022-09-01"


def test_inputs_strict_fails_and_leaves_previous_tables_untouched(tmp_path: Path) -> None:
    good = tmp_path / "good"
    _write_articles(good, GOLD_NAMES[:2])
    out = tmp_path / "out"
    assert _extract(good, out)[0] == 0
    before = digests(out)
    code, _ = _extract(BAD_DIR, out, "--strict", "--max-chars", MAX_CHARS)
    assert code == 1
    assert digests(out) == before
    assert not list(out.glob("*.tmp-*"))


@pytest.mark.parametrize("name", ["empty.txt", "english.txt", "image.txt"])
def test_inputs_exit_1_when_no_article_was_processed(tmp_path: Path, name: str) -> None:
    raw = tmp_path / "raw"
    raw.mkdir()
    shutil.copy(BAD_DIR / name, raw / name)
    code, _ = _extract(raw, tmp_path / "out")
    assert code == 1
    assert len(pd.read_parquet(tmp_path / "out" / "errors.parquet")) == 1


def test_inputs_second_identical_run_gives_byte_identical_tables(tmp_path: Path) -> None:
    raw = tmp_path / "raw"
    _write_articles(raw, GOLD_NAMES)
    shutil.copy(BAD_DIR / "empty.txt", raw / "empty.txt")
    out = tmp_path / "out"
    assert _extract(raw, out)[0] == 0
    first = digests(out)
    assert _extract(raw, out)[0] == 0
    assert digests(out) == first
    assert len(_articles(out)) == len(GOLD_NAMES)
    assert len(pd.read_parquet(out / "errors.parquet")) == 1


def test_inputs_grown_folder_adds_only_new_articles_without_duplicates(tmp_path: Path) -> None:
    raw = tmp_path / "raw"
    _write_articles(raw, GOLD_NAMES[:3])
    out = tmp_path / "out"
    assert _extract(raw, out)[0] == 0
    before = {table: pd.read_parquet(out / f"{table}.parquet") for table in TABLES}
    _write_articles(raw, GOLD_NAMES[3:])
    assert _extract(raw, out)[0] == 0
    after = {table: pd.read_parquet(out / f"{table}.parquet") for table in TABLES}
    articles = after["articles"]
    assert len(articles) == len(GOLD_NAMES)
    assert articles.article_id.is_unique
    # Previous rows first, unchanged, then the new ones.
    for table in ("articles", "figures", "dates", "entities", "facts"):
        old = before[table]
        pd.testing.assert_frame_equal(after[table].iloc[: len(old)], old)
        assert not after[table].duplicated().any()
    assert set(articles.source.iloc[3:].map(lambda s: Path(s).name)) == set(GOLD_NAMES[3:])
    # The CSV holds the same rows as the Parquet.
    assert len(pd.read_csv(out / "articles.csv")) == len(GOLD_NAMES)


def test_inputs_force_rebuilds_from_input_alone(tmp_path: Path) -> None:
    raw = tmp_path / "raw"
    _write_articles(raw, GOLD_NAMES[:2])
    out = tmp_path / "out"
    _extract(raw, out)
    (raw / GOLD_NAMES[0]).unlink()
    _extract(raw, out)
    assert len(_articles(out)) == 2  # incremental: kept
    _extract(raw, out, "--force")
    assert list(_articles(out).source.map(lambda s: Path(s).name)) == [GOLD_NAMES[1]]


def test_inputs_errors_table_holds_the_latest_run_only(tmp_path: Path) -> None:
    raw = tmp_path / "raw"
    _write_articles(raw, GOLD_NAMES[:1])
    shutil.copy(BAD_DIR / "empty.txt", raw / "empty.txt")
    out = tmp_path / "out"
    _extract(raw, out)
    assert len(pd.read_parquet(out / "errors.parquet")) == 1
    (raw / "empty.txt").write_text(GOLD_NAMES and "Un texte court mais lisible.", encoding="utf-8")
    _extract(raw, out)
    assert len(pd.read_parquet(out / "errors.parquet")) == 0
    assert len(_articles(out)) == 2


def test_inputs_same_article_twice_in_a_run_is_one_row_and_one_error(tmp_path: Path) -> None:
    raw = tmp_path / "raw"
    _write_articles(raw, GOLD_NAMES[:1])
    shutil.copy(raw / GOLD_NAMES[0], raw / "copie.txt")
    out = tmp_path / "out"
    assert _extract(raw, out)[0] == 0
    assert len(_articles(out)) == 1
    [error] = pd.read_parquet(out / "errors.parquet").error
    assert "same article id" in error


def test_inputs_kill_between_table_replacements_leaves_readable_consistent_tables(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    raw = tmp_path / "raw"
    _write_articles(raw, GOLD_NAMES[:3])
    out = tmp_path / "out"
    _extract(raw, out)
    _write_articles(raw, GOLD_NAMES[3:])
    real_replace = os.replace
    calls = {"n": 0}

    def dying_replace(src: str | os.PathLike[str], dst: str | os.PathLike[str]) -> None:
        calls["n"] += 1
        if calls["n"] > 3:
            raise RuntimeError("killed between two replacements")
        real_replace(src, dst)

    monkeypatch.setattr(export_module.os, "replace", dying_replace)
    result = runner.invoke(app, ["extract", str(raw), "--out", str(out), "--fast", "-q"])
    assert isinstance(result.exception, RuntimeError)
    assert calls["n"] == 4
    monkeypatch.setattr(export_module.os, "replace", real_replace)
    for table in TABLES:
        pq.read_table(out / f"{table}.parquet")
        pd.read_csv(out / f"{table}.csv")
    assert len(_articles(out)) == 3  # the articles table, replaced last, is the old one
    assert _extract(raw, out)[0] == 0
    assert len(_articles(out)) == len(GOLD_NAMES)
    for table in ("figures", "dates", "entities", "facts"):
        assert not pd.read_parquet(out / f"{table}.parquet").duplicated().any()


def _big_jsonl(path: Path, n: int) -> None:
    text = (GOLD_DIR / "articles" / GOLD_NAMES[0]).read_text(encoding="utf-8")
    with path.open("w", encoding="utf-8") as handle:
        for i in range(n):
            handle.write(json.dumps({"id": f"big-{i}", "text": f"{text}\nNuméro {i}."}) + "\n")


def test_inputs_sigkill_during_extract_leaves_previous_tables_intact(tmp_path: Path) -> None:
    raw = tmp_path / "raw"
    _write_articles(raw, GOLD_NAMES[:2])
    out = tmp_path / "out"
    assert _extract(raw, out)[0] == 0
    before = digests(out)
    _big_jsonl(raw / "big.jsonl", 3000)
    code = "from ami_facts.cli import app; app()"
    env = {**os.environ, "PYTHONPATH": str(SRC_DIR)}
    process = subprocess.Popen(
        [sys.executable, "-c", code, "extract", str(raw), "--out", str(out), "--fast", "-q"],
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
    )
    deadline = time.monotonic() + 120
    while not list(out.glob("*.tmp-*")):
        assert process.poll() is None, process.stderr.read() if process.stderr else ""
        assert time.monotonic() < deadline, "the extract never started writing"
        time.sleep(0.02)
    time.sleep(0.3)  # well inside the writing of 3000 articles
    process.send_signal(signal.SIGKILL)
    assert process.wait(timeout=30) == -signal.SIGKILL
    assert digests(out) == before
    for table in TABLES:
        pq.read_table(out / f"{table}.parquet")
        pd.read_csv(out / f"{table}.csv")
    assert list(out.glob("*.tmp-*"))  # the killed run's temporary files...
    (raw / "big.jsonl").unlink()
    assert _extract(raw, out)[0] == 0
    assert not list(out.glob("*.tmp-*"))  # ...are removed by the next run
    assert digests(out) == before


def test_inputs_unreadable_previous_table_is_a_clear_error(tmp_path: Path) -> None:
    raw = tmp_path / "raw"
    _write_articles(raw, GOLD_NAMES[:1])
    out = tmp_path / "out"
    out.mkdir()
    (out / "articles.parquet").write_bytes(b"not a parquet file")
    result = runner.invoke(app, ["extract", str(raw), "--out", str(out), "--fast", "-q"])
    assert result.exit_code == 1
    assert "--force" in result.output
    assert _extract(raw, out, "--force")[0] == 0
    assert len(_articles(out)) == 1


def test_inputs_stale_temp_files_of_dead_runs_are_removed(tmp_path: Path) -> None:
    raw = tmp_path / "raw"
    _write_articles(raw, GOLD_NAMES[:1])
    out = tmp_path / "out"
    out.mkdir()
    dead = subprocess.run([sys.executable, "-c", "import os; print(os.getpid())"], **_CAPTURE)
    stale = out / f"figures.parquet.tmp-{int(dead.stdout)}"
    stale.write_bytes(b"half written")
    assert _extract(raw, out)[0] == 0
    assert not stale.exists()


_CAPTURE: dict[str, Any] = {"capture_output": True, "text": True, "check": True}


def test_inputs_two_runs_cannot_write_the_same_out_folder(tmp_path: Path) -> None:
    from ami_facts.export import OutputError, TableWriter

    first = TableWriter(tmp_path)
    try:
        with pytest.raises(OutputError, match="another ami-facts run"):
            TableWriter(tmp_path)
    finally:
        first.abort()
    TableWriter(tmp_path).commit()
