"""Write the tables as Parquet and CSV with explicit schemas, atomically.

Rows are streamed: each table has one Parquet writer and one CSV writer on
temporary files, fed batch by batch; on success every temporary file replaces
its table with ``os.replace`` so that readers only ever see complete tables.
"""

from __future__ import annotations

import os
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from types import TracebackType
from typing import Any

import pyarrow as pa
import pyarrow.csv as pacsv
import pyarrow.parquet as pq

from ami_facts.pipeline import ArticleResult
from ami_facts.records import TABLE_MODELS, ErrorRow, Record

_STR = pa.string()
_INT = pa.int64()
_FLOAT = pa.float64()
_BOOL = pa.bool_()

_SPAN = [("article_id", _STR), ("start", _INT), ("end", _INT), ("text", _STR)]

SCHEMAS: dict[str, pa.Schema] = {
    "articles": pa.schema(
        [
            ("article_id", _STR),
            ("source", _STR),
            ("title", _STR),
            ("author", _STR),
            ("url", _STR),
            ("published", _STR),
            ("published_source", _STR),
            ("encoding", _STR),
            ("text", _STR),
            ("body_start", _INT),
            ("body_end", _INT),
            ("excluded", _STR),
            ("n_figures", _INT),
            ("n_dates", _INT),
            ("n_entities", _INT),
            ("status", _STR),
            ("error", _STR),
        ]
    ),
    "figures": pa.schema(
        [
            _SPAN[0],
            ("figure_id", _STR),
            *_SPAN[1:],
            ("sentence_start", _INT),
            ("sentence_end", _INT),
            ("value", _FLOAT),
            ("low", _FLOAT),
            ("high", _FLOAT),
            ("approximate", _BOOL),
            ("bound", _STR),
            ("unit", _STR),
            ("counted", _STR),
            ("per", _STR),
            ("kind", _STR),
            ("period_start", _STR),
            ("period_end", _STR),
            ("period_text", _STR),
            ("subject", _STR),
            ("subject_start", _INT),
            ("subject_end", _INT),
            ("metric", _STR),
            ("confidence", _FLOAT),
        ]
    ),
    "dates": pa.schema(
        [
            _SPAN[0],
            ("date_id", _STR),
            *_SPAN[1:],
            ("type", _STR),
            ("value", _STR),
            ("start_date", _STR),
            ("end_date", _STR),
            ("relative", _BOOL),
            ("anchor", _STR),
        ]
    ),
    "entities": pa.schema(
        [_SPAN[0], ("entity_id", _STR), *_SPAN[1:], ("label", _STR), ("name", _STR)]
    ),
    "errors": pa.schema([("source", _STR), ("line", _INT), ("article_id", _STR), ("error", _STR)]),
    "facts": pa.schema(
        [
            ("article_id", _STR),
            ("figure_id", _STR),
            ("subject", _STR),
            ("metric", _STR),
            ("value", _FLOAT),
            ("low", _FLOAT),
            ("high", _FLOAT),
            ("unit", _STR),
            ("counted", _STR),
            ("per", _STR),
            ("approximate", _BOOL),
            ("bound", _STR),
            ("period_start", _STR),
            ("period_end", _STR),
            ("period_text", _STR),
            ("text", _STR),
            ("sentence", _STR),
        ]
    ),
}
TABLES = tuple(SCHEMAS)
FORMATS = ("parquet", "csv")
# Articles whose rows are written together (one Parquet row group per table).
FLUSH_EVERY = 64


def _columns_match_models() -> None:
    for table, schema in SCHEMAS.items():
        model_fields = list(TABLE_MODELS[table].model_fields)
        if sorted(schema.names) != sorted(model_fields):
            raise RuntimeError(f"schema of {table} does not match its record model")


_columns_match_models()


def records_to_table(table: str, records: Iterable[Record]) -> pa.Table:
    """A pyarrow table with the table's explicit schema (typed even when empty)."""
    schema = SCHEMAS[table]
    rows = [record.model_dump() for record in records]
    columns = {name: [row[name] for row in rows] for name in schema.names}
    return pa.Table.from_pydict(columns, schema=schema)


@dataclass
class Summary:
    """What a run wrote."""

    counts: dict[str, int] = field(default_factory=lambda: dict.fromkeys(SCHEMAS, 0))

    @property
    def articles_ok(self) -> int:
        return self.counts["articles"]


class TableWriter:
    """Stream rows into every table; replace the tables atomically on ``commit``."""

    def __init__(self, out_dir: Path, *, formats: tuple[str, ...] = FORMATS) -> None:
        self.out_dir = out_dir
        self.formats = formats
        self.summary = Summary()
        out_dir.mkdir(parents=True, exist_ok=True)
        self._parquet: dict[str, pq.ParquetWriter] = {}
        self._csv: dict[str, pacsv.CSVWriter] = {}
        self._csv_files: dict[str, Any] = {}
        self._tmp: list[tuple[Path, Path]] = []
        suffix = f".tmp-{os.getpid()}"
        for table, schema in SCHEMAS.items():
            if "parquet" in formats:
                final = out_dir / f"{table}.parquet"
                tmp = final.with_name(final.name + suffix)
                self._parquet[table] = pq.ParquetWriter(tmp, schema, compression="zstd")
                self._tmp.append((tmp, final))
            if "csv" in formats:
                final = out_dir / f"{table}.csv"
                tmp = final.with_name(final.name + suffix)
                handle = tmp.open("wb")
                self._csv_files[table] = handle
                self._csv[table] = pacsv.CSVWriter(handle, schema)
                self._tmp.append((tmp, final))

    def write(self, table: str, records: list[Record]) -> None:
        """Append rows to one table (an empty list writes nothing)."""
        if not records:
            return
        batch = records_to_table(table, records)
        if table in self._parquet:
            self._parquet[table].write_table(batch)
        if table in self._csv:
            self._csv[table].write_table(batch)
        self.summary.counts[table] += len(records)

    def write_results(
        self, results: Iterable[ArticleResult | ErrorRow], *, flush_every: int = FLUSH_EVERY
    ) -> Iterator[None]:
        """Write results as they come, ``flush_every`` articles per row group.

        Yields once per item (for progress bars); holds at most ``flush_every``
        articles' rows in memory.
        """
        pending: dict[str, list[Record]] = {table: [] for table in SCHEMAS}
        held = 0
        for item in results:
            if isinstance(item, ErrorRow):
                pending["errors"].append(item)
            else:
                pending["articles"].append(item.article)
                pending["figures"].extend(item.figures)
                pending["dates"].extend(item.dates)
                pending["entities"].extend(item.entities)
                pending["facts"].extend(item.facts)
            held += 1
            if held >= flush_every:
                self._flush(pending)
                held = 0
            yield None
        self._flush(pending)

    def _flush(self, pending: dict[str, list[Record]]) -> None:
        for table, records in pending.items():
            self.write(table, records)
            records.clear()

    def _close_writers(self) -> None:
        for writer in self._parquet.values():
            writer.close()
        for csv_writer in self._csv.values():
            csv_writer.close()
        for handle in self._csv_files.values():
            handle.flush()
            os.fsync(handle.fileno())
            handle.close()
        self._parquet.clear()
        self._csv.clear()
        self._csv_files.clear()

    def commit(self) -> Summary:
        """Close every file and move each over its table (one rename per file)."""
        self._close_writers()
        for tmp, final in self._tmp:
            os.replace(tmp, final)
        self._tmp.clear()
        return self.summary

    def abort(self) -> None:
        """Drop the temporary files; the previous tables stay as they were."""
        self._close_writers()
        for tmp, _ in self._tmp:
            tmp.unlink(missing_ok=True)
        self._tmp.clear()

    def __enter__(self) -> TableWriter:
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        if exc_type is None:
            self.commit()
        else:
            self.abort()
