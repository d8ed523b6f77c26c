"""Every cell of every table survives the real export path, in Parquet and in CSV.

Records with a known value in every column (nulls, unicode, quotes and line breaks,
offsets, dates, floats that print badly) go through ``TableWriter.write_results`` as
``extract`` writes them; both files are read back and compared cell by cell with the
records. The Dask engine's part files are checked the same way.
"""

from __future__ import annotations

import math
import os
from pathlib import Path
from typing import Any

import pyarrow as pa
import pyarrow.csv as pacsv
import pyarrow.parquet as pq
import pytest

import ami_facts.export as export_module
from ami_facts.export import (
    SCHEMAS,
    TMP_MARKER,
    OutputError,
    Summary,
    TableWriter,
    clean_stale_temp_files,
    read_article_column,
    read_article_ids,
)
from ami_facts.pipeline import ArticleResult
from ami_facts.records import Article, DateMention, Entity, ErrorRow, Figure, Record

# Text with accents, a non-breaking space, typographic quotes, a CSV quote, a comma,
# a semicolon, a line break, a tab and a character outside the BMP.
TEXT = (
    "Vélos « électriques », ventes ; 1\u00a0250 unités\n"
    'Le "modèle" coûte 2,5\tk€ 🚲 depuis mars 2024.'
)
NEXT_LINE = TEXT.index("\n") + 1


def _span(text: str) -> dict[str, Any]:
    start = TEXT.index(text)
    return {"start": start, "end": start + len(text), "text": text}


def _article(article_id: str, title: str | None = 'Titre "cité", sur deux\nlignes') -> Article:
    return Article(
        article_id=article_id,
        source=f"in/é dossier/{article_id}.jsonl:7",
        title=title,
        author=None,
        url="https://exemple.fr/a?b=1&c=ü",
        published="2024-03-15",
        published_source="byline",
        encoding="cp1252",
        text=TEXT,
        body_start=3,
        body_end=len(TEXT) - 1,
        excluded="5-9;12-14",
        n_figures=2,
        n_dates=2,
        n_entities=2,
    )


def _result(article_id: str) -> ArticleResult:
    figures = [
        Figure(
            article_id=article_id,
            figure_id=f"{article_id}-f001",
            **_span("1\u00a0250 unités"),
            sentence_start=0,
            sentence_end=NEXT_LINE - 1,
            value=1250.0,
            low=None,
            high=None,
            approximate=True,
            bound="min",
            unit=None,
            counted="unité",
            per="month",
            kind="count",
            period_start="2024-03-01",
            period_end="2024-03-31",
            period_text="mars 2024",
            subject="Vélo « Électrique »",
            subject_start=0,
            subject_end=5,
            metric="sales",
            confidence=0.1 + 0.2,
            subject_confidence=1 / 3,
            metric_confidence=1.0,
            period_confidence=None,
        ),
        Figure(
            article_id=article_id,
            figure_id=f"{article_id}-f002",
            **_span("2,5\tk€"),
            sentence_start=NEXT_LINE,
            sentence_end=len(TEXT),
            value=None,
            low=-1.5e-7,
            high=123456789012.345,
            approximate=False,
            bound=None,
            unit="EUR",
            counted=None,
            per=None,
            kind="money",
            period_start=None,
            period_end="2024-12-31",
            period_text=None,
            subject=None,
            subject_start=None,
            subject_end=None,
            metric=None,
            confidence=0.0,
            subject_confidence=None,
            metric_confidence=2 / 3,
            period_confidence=0.875,
        ),
    ]
    dates = [
        DateMention(
            article_id=article_id,
            date_id=f"{article_id}-d001",
            **_span("depuis mars 2024"),
            type="DATE",
            value="2024-03",
            start_date="2024-03-01",
            end_date="2024-03-31",
            relative=False,
            anchor=None,
        ),
        DateMention(
            article_id=article_id,
            date_id=f"{article_id}-d002",
            **_span("mars"),
            type="DURATION",
            value="P1M",
            start_date=None,
            end_date="2024-02-29",
            relative=True,
            anchor="2024-03-15",
        ),
    ]
    entities = [
        Entity(
            article_id=article_id,
            entity_id=f"{article_id}-e001",
            **_span('"modèle"'),
            label="PRODUCT",
            name="Modèle “Ü”",
        ),
        Entity(
            article_id=article_id,
            entity_id=f"{article_id}-e002",
            **_span("Vélos"),
            label="ORG",
            name="Vélos",
        ),
    ]
    return ArticleResult(
        article=_article(article_id), figures=figures, dates=dates, entities=entities
    )


ERROR = ErrorRow(source="lot;1.jsonl", line=3, article_id=None, error='ligne 3: "{" inattendu\n')
ERROR_NO_LINE = ErrorRow(source="https://exemple.fr/x", line=None, article_id="x", error="vide")
RESULTS: list[ArticleResult | ErrorRow] = [_result("a-1"), ERROR, _result("b-2"), ERROR_NO_LINE]


def _expected(table: str) -> list[dict[str, Any]]:
    """The rows of ``table`` as the records give them, in the order they were handed over."""
    records: list[Record] = []
    for item in RESULTS:
        if isinstance(item, ErrorRow):
            records += [item] if table == "errors" else []
        elif table == "articles":
            records.append(item.article)
        elif table != "errors":
            records.extend(getattr(item, table))
    return [record.model_dump() for record in records]


def _read_csv(path: Path, schema: pa.Schema) -> pa.Table:
    """The CSV read back with the table's types: an unquoted empty cell is a null."""
    return pacsv.read_csv(
        path,
        convert_options=pacsv.ConvertOptions(
            column_types=schema, strings_can_be_null=True, quoted_strings_can_be_null=False
        ),
    )


def _assert_cells_equal(
    table: str, rows: list[dict[str, Any]], expected: list[dict[str, Any]]
) -> None:
    assert len(rows) == len(expected), table
    for i, (got, want) in enumerate(zip(rows, expected, strict=True)):
        assert list(got) == list(SCHEMAS[table].names), table
        for column, value in want.items():
            cell = got[column]
            where = f"{table}[{i}].{column}"
            if isinstance(value, float):
                assert isinstance(cell, float) and math.isclose(cell, value, rel_tol=1e-15), where
            else:
                assert cell == value and type(cell) is type(value), (where, cell, value)


@pytest.fixture(scope="module")
def written(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("export")
    with TableWriter(out) as writer:
        for _ in writer.write_results(iter(RESULTS), flush_every=3):
            pass
    return out


def test_export_records_cover_every_column_with_a_value_and_a_null() -> None:
    """The records below test what they claim: each nullable column holds both."""
    for table in ("figures", "dates", "facts"):
        rows = _expected(table)
        for column in SCHEMAS[table].names:
            values = [row[column] for row in rows]
            if any(value is None for value in values):
                assert any(value is not None for value in values), (table, column)
    assert {row["end_date"] for row in _expected("dates")} != {
        row["start_date"] for row in _expected("dates")
    }


@pytest.mark.parametrize("table", list(SCHEMAS))
def test_export_parquet_gives_back_every_cell(written: Path, table: str) -> None:
    parquet = pq.read_table(written / f"{table}.parquet")
    assert parquet.schema.equals(SCHEMAS[table])
    _assert_cells_equal(table, parquet.to_pylist(), _expected(table))


@pytest.mark.parametrize("table", list(SCHEMAS))
def test_export_csv_gives_back_every_cell(written: Path, table: str) -> None:
    csv = _read_csv(written / f"{table}.csv", SCHEMAS[table])
    _assert_cells_equal(table, csv.to_pylist(), _expected(table))


def test_export_csv_tells_an_empty_string_from_a_null(tmp_path: Path) -> None:
    article = _article("vide", title="")
    with TableWriter(tmp_path, formats=("csv",)) as writer:
        writer.write("articles", [article])
    [row] = _read_csv(tmp_path / "articles.csv", SCHEMAS["articles"]).to_pylist()
    assert (row["title"], row["author"]) == ("", None)


@pytest.mark.parametrize("table", list(SCHEMAS))
def test_dask_part_files_give_back_every_cell(tmp_path: Path, table: str) -> None:
    """The Dask engine's parts, as its workers write them (``dataset.write_part``)."""
    pytest.importorskip("fsspec", reason="the dask extra (fsspec) is not installed")
    import hashlib

    from ami_facts import dataset

    tables = dataset.result_tables(iter(RESULTS))
    part = dataset.write_part(str(tmp_path), table, "part-000007.parquet", tables[table])
    assert part is not None and part.rows == len(_expected(table))
    data = (tmp_path / part.path).read_bytes()
    assert hashlib.sha256(data).hexdigest() == part.sha256
    rows = pq.read_table(tmp_path / part.path)
    assert rows.schema.equals(SCHEMAS[table])
    _assert_cells_equal(table, rows.to_pylist(), _expected(table))


def _write(out: Path, results: list[ArticleResult | ErrorRow], **options: Any) -> Summary:
    flush_every = options.pop("flush_every", 64)
    with TableWriter(out, **options) as writer:
        for _ in writer.write_results(iter(results), flush_every=flush_every):
            pass
    return writer.summary


def test_export_incremental_run_keeps_committed_articles_and_adds_new_ones(
    tmp_path: Path,
) -> None:
    _write(tmp_path, RESULTS)
    orphan = _result("z-9").figures[:1]  # rows of an article the articles table lacks
    with TableWriter(tmp_path, incremental=True) as writer:
        assert writer.known_ids == {"a-1", "b-2"}
        assert writer.known_sources == {"in/é dossier/a-1.jsonl:7", "in/é dossier/b-2.jsonl:7"}
        writer.write("figures", orphan)
    summary = _write(tmp_path, [_result("c-3")], incremental=True)
    assert summary.kept == {
        "articles": 2,
        "figures": 4,
        "dates": 4,
        "entities": 4,
        "errors": 0,
        "facts": 4,
    }
    assert summary.counts["articles"] == summary.articles_ok == 1
    for table in ("parquet", "csv"):
        ids = (
            pq.read_table(tmp_path / f"articles.{table}")
            if table == "parquet"
            else _read_csv(tmp_path / "articles.csv", SCHEMAS["articles"])
        ).column("article_id")
        assert ids.to_pylist() == ["a-1", "b-2", "c-3"]
    figures = pq.read_table(tmp_path / "figures.parquet")
    assert figures.column("figure_id").to_pylist() == [
        f"{a}-f00{i}" for a in ("a-1", "b-2", "c-3") for i in (1, 2)
    ]
    # the errors table holds the latest run's errors only
    assert pq.read_table(tmp_path / "errors.parquet").num_rows == 0
    assert _read_csv(tmp_path / "errors.csv", SCHEMAS["errors"]).num_rows == 0


def test_export_incremental_run_refuses_a_table_of_other_columns(tmp_path: Path) -> None:
    _write(tmp_path, RESULTS)
    pq.write_table(pa.table({"article_id": ["a-1"], "other": [1]}), tmp_path / "dates.parquet")
    with pytest.raises(
        OutputError, match=r"other columns .*writes; run with --force to rebuild the tables$"
    ):
        TableWriter(tmp_path, incremental=True)
    assert not list(tmp_path.glob(f"*{TMP_MARKER}*"))


@pytest.mark.parametrize("broken", ["articles", "figures"])
def test_export_unreadable_previous_table_is_a_clear_error(tmp_path: Path, broken: str) -> None:
    _write(tmp_path, RESULTS)
    (tmp_path / f"{broken}.parquet").write_bytes(b"pas un fichier parquet")
    with pytest.raises(OutputError, match=r"run with --force to rebuild it$"):
        TableWriter(tmp_path, incremental=True)
    # without incremental, the tables are written anew
    _write(tmp_path, RESULTS[:1])
    assert read_article_ids(tmp_path) == {"a-1"}


def test_export_no_previous_table_means_no_known_article(tmp_path: Path) -> None:
    assert read_article_ids(tmp_path) == set()
    assert read_article_column(tmp_path, "source") == set()


def test_export_writes_only_the_formats_asked_for(tmp_path: Path) -> None:
    _write(tmp_path, RESULTS, formats=("parquet",))
    assert sorted(p.name for p in tmp_path.iterdir() if not p.name.startswith(".")) == sorted(
        f"{table}.parquet" for table in SCHEMAS
    )


def test_export_same_rows_give_the_same_bytes_whatever_the_batches(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Row groups of fixed sizes: 2 article rows, 3 rows of other tables."""
    monkeypatch.setattr(export_module, "ROW_GROUP_ROWS", 3)
    monkeypatch.setattr(export_module, "ARTICLE_ROW_GROUP_ROWS", 2)
    results = [_result(f"r-{i}") for i in range(5)]
    _write(tmp_path / "one", results, flush_every=1)
    _write(tmp_path / "all", results, flush_every=64)
    for table in SCHEMAS:
        for suffix in ("parquet", "csv"):
            name = f"{table}.{suffix}"
            assert (tmp_path / "one" / name).read_bytes() == (tmp_path / "all" / name).read_bytes()
    groups = {
        table: [
            pq.ParquetFile(tmp_path / "one" / f"{table}.parquet").metadata.row_group(i).num_rows
            for i in range(pq.ParquetFile(tmp_path / "one" / f"{table}.parquet").num_row_groups)
        ]
        for table in ("articles", "figures")
    }
    assert groups == {"articles": [2, 2, 1], "figures": [3, 3, 3, 1]}
    assert _read_csv(tmp_path / "one" / "figures.csv", SCHEMAS["figures"]).num_rows == 10


def test_export_abort_leaves_the_previous_tables_and_no_temporary_file(tmp_path: Path) -> None:
    _write(tmp_path, RESULTS)
    before = {
        p.name: p.read_bytes() for p in tmp_path.iterdir() if p.suffix in {".csv", ".parquet"}
    }
    with pytest.raises(RuntimeError), TableWriter(tmp_path) as writer:
        writer.write("articles", [_article("nouveau")])
        raise RuntimeError("stopped")
    after = {p.name: p.read_bytes() for p in tmp_path.iterdir() if p.suffix in {".csv", ".parquet"}}
    assert after == before
    assert not list(tmp_path.glob(f"*{TMP_MARKER}*"))
    # the lock is released: another run can write
    _write(tmp_path, RESULTS[:1])


def test_export_two_writers_cannot_share_an_out_folder(tmp_path: Path) -> None:
    first = TableWriter(tmp_path)
    with pytest.raises(OutputError, match="another ami-facts run"):
        TableWriter(tmp_path)
    first.commit()
    TableWriter(tmp_path).abort()


def test_export_stale_temporary_files_of_dead_runs_only_are_removed(tmp_path: Path) -> None:
    dead = tmp_path / f"figures.parquet{TMP_MARKER}999999999"
    mine = tmp_path / f"dates.csv{TMP_MARKER}{os.getpid()}"
    alive = tmp_path / f"dates.csv{TMP_MARKER}{os.getppid()}"
    odd = tmp_path / f"entities.csv{TMP_MARKER}abc"
    for path in (dead, mine, alive, odd):
        path.write_bytes(b"x")
    removed = clean_stale_temp_files(tmp_path)
    assert sorted(removed) == sorted([dead, mine, odd])
    assert alive.exists() and not dead.exists() and not mine.exists() and not odd.exists()


def test_export_incremental_run_carries_every_table_batch_by_batch(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Previous rows come in batches of ROW_GROUP_ROWS; a missing table skips only itself."""
    monkeypatch.setattr(export_module, "ROW_GROUP_ROWS", 3)
    _write(tmp_path, [_result(f"r-{i}") for i in range(4)])
    (tmp_path / "figures.parquet").unlink()
    summary = _write(tmp_path, [], incremental=True)
    assert summary.kept == {
        "articles": 4,
        "figures": 0,
        "dates": 8,
        "entities": 8,
        "errors": 0,
        "facts": 8,
    }
    assert pq.read_table(tmp_path / "entities.parquet").num_rows == 8


def test_export_counts_every_row_written(tmp_path: Path) -> None:
    summary = _write(tmp_path, RESULTS, flush_every=1)
    assert summary.counts == {
        "articles": 2,
        "figures": 4,
        "dates": 4,
        "entities": 4,
        "errors": 2,
        "facts": 4,
    }


def test_export_hands_the_writer_flush_every_articles_at_a_time(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    held: list[int] = []
    write_pending = TableWriter._write_pending

    def spy(self: TableWriter, pending: dict[str, list[Record]], sentences: Any) -> None:
        held.append(len(pending["articles"]) + len(pending["errors"]))
        write_pending(self, pending, sentences)

    monkeypatch.setattr(TableWriter, "_write_pending", spy)
    _write(tmp_path, [_result(f"r-{i}") for i in range(5)], flush_every=2)
    assert held == [2, 2, 1]


def test_export_facts_of_figures_without_a_sentence(tmp_path: Path) -> None:
    result = _result("s-1")
    figures = [
        f.model_copy(update={"sentence_start": None, "sentence_end": None}) for f in result.figures
    ]
    _write(tmp_path, [ArticleResult(article=result.article, figures=figures)])
    facts = pq.read_table(tmp_path / "facts.parquet")
    assert facts.schema.equals(SCHEMAS["facts"])
    assert facts.column("sentence").to_pylist() == [None, None]


def test_export_writer_makes_its_folder_and_zstd_parquet(tmp_path: Path) -> None:
    out = tmp_path / "a" / "b"
    writer = TableWriter(out)
    assert (writer.known_ids, writer.known_sources) == (set(), set())
    writer.write("errors", [ERROR])
    writer.commit()
    writer.abort()  # harmless after a commit
    metadata = pq.ParquetFile(out / "errors.parquet").metadata
    assert metadata.row_group(0).column(0).compression == "ZSTD"


def test_export_replaces_the_articles_table_last(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    replaced: list[str] = []
    replace = os.replace

    def spy(src: Path, dst: Path) -> None:
        replaced.append(Path(dst).name)
        replace(src, dst)

    monkeypatch.setattr(export_module.os, "replace", spy)
    _write(tmp_path, RESULTS)
    assert sorted(replaced[-2:]) == ["articles.csv", "articles.parquet"]
    assert len(replaced) == 2 * len(SCHEMAS)


def test_export_schemas_are_checked_against_the_record_models(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    export_module._columns_match_models()  # as at import: they match
    schema = SCHEMAS["dates"].append(pa.field("extra", pa.string()))
    monkeypatch.setitem(export_module.SCHEMAS, "dates", schema)
    with pytest.raises(RuntimeError, match="schema of dates does not match its record model"):
        export_module._columns_match_models()
