"""Every cell of every table survives the real export path, in Parquet and in CSV.

Records with a known value in every column (nulls, unicode, quotes and line breaks,
offsets, dates, floats that print badly) go through ``TableWriter.write_results`` as
``extract`` writes them; both files are read back and compared cell by cell with the
records. The Dask engine's part files are checked the same way.
"""

from __future__ import annotations

import math
from pathlib import Path
from typing import Any

import pyarrow as pa
import pyarrow.csv as pacsv
import pyarrow.parquet as pq
import pytest

from ami_facts.export import SCHEMAS, TableWriter
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
def test_dask_part_files_give_back_every_cell(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, table: str
) -> None:
    pytest.importorskip("fsspec", reason="the dask extra (fsspec) is not installed")
    import ami_facts.engine_dask as engine_dask

    monkeypatch.setattr(engine_dask, "worker_nlp", lambda model: None)
    monkeypatch.setattr(engine_dask, "process", lambda items, nlp, batch_size: iter(RESULTS))
    counts = engine_dask.process_partition(7, [], str(tmp_path), "model", 2)
    part = pq.read_table(tmp_path / table / engine_dask.PART_NAME.format(7))
    assert part.schema.equals(SCHEMAS[table])
    assert counts[table] == part.num_rows
    _assert_cells_equal(table, part.to_pylist(), _expected(table))
