"""Write the tables as Parquet and CSV with explicit schemas, atomically.

Rows are streamed: each table has one Parquet writer and one CSV writer on
temporary files, fed in fixed-size row groups; on success every temporary file
replaces its table with ``os.replace`` so that readers only ever see complete
tables. Runs are incremental: the rows of the articles already in the output
folder are streamed from the old Parquet files into the new ones first.
"""

from __future__ import annotations

import os
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from types import TracebackType
from typing import Any

import pyarrow as pa
import pyarrow.compute as pc
import pyarrow.csv as pacsv
import pyarrow.parquet as pq

from ami_facts.pipeline import ArticleResult
from ami_facts.provenance import rows_are_current
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
            ("tables", _STR),
            ("extractor", _STR),
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
            ("subject_confidence", _FLOAT),
            ("metric_confidence", _FLOAT),
            ("period_confidence", _FLOAT),
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
            ("subject_confidence", _FLOAT),
            ("metric_confidence", _FLOAT),
            ("period_confidence", _FLOAT),
            ("sentence", _STR),
        ]
    ),
}
TABLES = tuple(SCHEMAS)
FORMATS = ("parquet", "csv")
# Articles whose rows are handed to the writers together (the Parquet row
# groups themselves have fixed sizes, see ROW_GROUP_ROWS).
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
    # A record's fields are plain values (str, int, float, bool, None): its
    # ``__dict__`` is what ``model_dump()`` would return, without a copy per row.
    rows = [vars(record) for record in records]
    columns = {name: [row[name] for row in rows] for name in schema.names}
    return pa.Table.from_pydict(columns, schema=schema)


def facts_table(figures: pa.Table, sentences: list[str | None]) -> pa.Table:
    """The facts of ``figures`` (a figures table) whose sentences are ``sentences``.

    The table ``records_to_table`` makes of the results' ``facts``, without a record
    per fact: the figures are validated records already, and every column of facts
    but the sentence is one of theirs.
    """
    schema = SCHEMAS["facts"]
    columns = [
        pa.array(sentences, _STR) if name == "sentence" else figures.column(name)
        for name in schema.names
    ]
    return pa.Table.from_arrays(columns, schema=schema)


# Rows per Parquet row group. Rows are buffered and written in groups of exactly
# this size (the last one smaller), whatever batches they arrive in, so that the
# same rows always give the same file, byte for byte.
ROW_GROUP_ROWS = 10_000
ARTICLE_ROW_GROUP_ROWS = 64  # article rows carry whole texts
PARQUET_OPTIONS: dict[str, Any] = {
    "compression": "zstd",
    "compression_level": 3,
    "use_dictionary": True,
    "write_statistics": True,
    "version": "2.6",
}
TMP_MARKER = ".tmp-"
LOCK_NAME = ".ami-facts.lock"
# Tables replaced last: the articles table says which articles a run committed;
# rows of other tables whose article is not in it are orphans of a killed run.
COMMIT_TABLE = "articles"
# The errors table is not carried over: it holds the errors of the latest run only.
CARRIED_TABLES = tuple(t for t in TABLES if t != "errors")


class OutputError(RuntimeError):
    """The output folder cannot be used (locked, or holds unreadable tables)."""


@dataclass
class Summary:
    """What a run wrote: new rows per table and rows kept from previous runs."""

    counts: dict[str, int] = field(default_factory=lambda: dict.fromkeys(SCHEMAS, 0))
    kept: dict[str, int] = field(default_factory=lambda: dict.fromkeys(SCHEMAS, 0))

    @property
    def articles_ok(self) -> int:
        return self.counts["articles"]


def _pid_alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True


def clean_stale_temp_files(out_dir: Path) -> list[Path]:
    """Remove temporary table files left by killed runs (their process is gone)."""
    removed: list[Path] = []
    for path in out_dir.glob(f"*{TMP_MARKER}*"):
        pid_text = path.name.rsplit(TMP_MARKER, 1)[1]
        if pid_text.isdigit() and int(pid_text) != os.getpid() and _pid_alive(int(pid_text)):
            continue
        path.unlink(missing_ok=True)
        removed.append(path)
    return removed


def read_article_ids(out_dir: Path) -> set[str]:
    """The ids in the existing articles table of ``out_dir`` (empty when there is none)."""
    return read_article_column(out_dir, "article_id")


def read_article_column(out_dir: Path, column: str) -> set[str]:
    """The values of one column of the existing articles table (empty when there is none)."""
    return {value for value in read_article_list(out_dir, column) if value is not None}


def read_article_list(out_dir: Path, column: str) -> list[str | None]:
    """One column of the existing articles table, row by row (empty when there is none)."""
    path = out_dir / f"{COMMIT_TABLE}.parquet"
    if not path.exists():
        return []
    try:
        values = pq.read_table(path, columns=[column]).column(column)
    except (OSError, pa.ArrowException, KeyError) as exc:
        raise OutputError(
            f"the existing table {path} cannot be read ({exc}); run with --force to rebuild it"
        ) from exc
    return [None if value is None else str(value) for value in values.to_pylist()]


def _fsync_path(path: Path) -> None:
    fd = os.open(path, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


class TableWriter:
    """Stream rows into every table; replace the tables atomically on ``commit``.

    With ``incremental``, the rows of the existing tables in ``out_dir`` (those of
    articles listed in its articles table) are streamed first into the new files
    and ``known_ids`` tells the caller which articles need no processing. Given
    ``extractor`` (``provenance.extractor_label`` of this run), an article whose rows
    were made otherwise (another model, version or ``--published``) is not known but
    in ``stale_ids``: processed again when it comes, its old rows are dropped; when it
    does not come, they are kept (written after the others).
    All temporary files are written and synced before the first table is
    replaced; the articles table is replaced last.
    """

    def __init__(
        self,
        out_dir: Path,
        *,
        formats: tuple[str, ...] = FORMATS,
        incremental: bool = False,
        extractor: str | None = None,
    ) -> None:
        self.out_dir = out_dir
        self.formats = formats
        self.summary = Summary()
        out_dir.mkdir(parents=True, exist_ok=True)
        self.known_ids: set[str] = set()
        # The sources (paths, URLs) of the articles already in the tables: URLs
        # among them are not fetched again.
        self.known_sources: set[str] = set()
        self.stale_ids: set[str] = set()
        self._written_ids: set[str] = set()
        self._parquet: dict[str, pq.ParquetWriter] = {}
        self._csv: dict[str, pacsv.CSVWriter] = {}
        self._csv_files: dict[str, Any] = {}
        self._buffers: dict[str, list[pa.RecordBatch]] = {table: [] for table in SCHEMAS}
        self._buffered: dict[str, int] = dict.fromkeys(SCHEMAS, 0)
        self._tmp: list[tuple[Path, Path]] = []
        suffix = f"{TMP_MARKER}{os.getpid()}"
        self._lock = self._acquire_lock()
        try:
            clean_stale_temp_files(out_dir)
            if incremental:
                self._read_previous(extractor)
            for table, schema in SCHEMAS.items():
                if "parquet" in formats:
                    final = out_dir / f"{table}.parquet"
                    tmp = final.with_name(final.name + suffix)
                    self._tmp.append((tmp, final))
                    self._parquet[table] = pq.ParquetWriter(tmp, schema, **PARQUET_OPTIONS)
                if "csv" in formats:
                    final = out_dir / f"{table}.csv"
                    tmp = final.with_name(final.name + suffix)
                    self._tmp.append((tmp, final))
                    handle = tmp.open("wb")
                    self._csv_files[table] = handle
                    self._csv[table] = pacsv.CSVWriter(handle, schema)
            if self.known_ids:
                self._carry_over(self.known_ids)
        except BaseException:
            self.abort()
            raise

    def _acquire_lock(self) -> Any:
        import fcntl

        handle = (self.out_dir / LOCK_NAME).open("a")
        try:
            fcntl.flock(handle.fileno(), fcntl.LOCK_EX | fcntl.LOCK_NB)
        except OSError as exc:
            handle.close()
            raise OutputError(
                f"another ami-facts run is writing to {self.out_dir}; wait for it to finish"
            ) from exc
        return handle

    def _release_lock(self) -> None:
        if self._lock is not None:
            self._lock.close()
            self._lock = None

    def _read_previous(self, extractor: str | None) -> None:
        """Sort the articles of the existing tables into known and stale ones."""
        ids = read_article_list(self.out_dir, "article_id")
        sources = read_article_list(self.out_dir, "source")
        made_by = read_article_list(self.out_dir, "extractor") if extractor else [None] * len(ids)
        dated_by = read_article_list(self.out_dir, "published_source") if extractor else made_by
        for article_id, source, stored, dated in zip(ids, sources, made_by, dated_by, strict=True):
            if article_id is None:
                continue
            if extractor is None or rows_are_current(stored, dated, extractor):
                self.known_ids.add(article_id)
                if source is not None:
                    self.known_sources.add(source)
            else:
                self.stale_ids.add(article_id)

    def _carry_over(self, article_ids: set[str]) -> None:
        """Stream the previous rows of these committed articles into the new files."""
        known = pa.array(sorted(article_ids), type=_STR)
        for table in CARRIED_TABLES:
            path = self.out_dir / f"{table}.parquet"
            if not path.exists():
                continue
            schema = SCHEMAS[table]
            try:
                parquet = pq.ParquetFile(path)
                if parquet.schema_arrow.names != schema.names:
                    raise OutputError(
                        f"the existing table {path} has other columns than this version "
                        "writes; run with --force to rebuild the tables"
                    )
                for batch in parquet.iter_batches(batch_size=ROW_GROUP_ROWS):
                    keep = pc.is_in(batch.column("article_id"), value_set=known)
                    kept = batch.filter(keep).cast(schema)
                    self.summary.kept[table] += kept.num_rows
                    self._append(table, kept)
            except (OSError, pa.ArrowException) as exc:
                raise OutputError(
                    f"the existing table {path} cannot be read ({exc}); "
                    "run with --force to rebuild it"
                ) from exc

    def _group_rows(self, table: str) -> int:
        return ARTICLE_ROW_GROUP_ROWS if table == COMMIT_TABLE else ROW_GROUP_ROWS

    def _append(self, table: str, batch: pa.RecordBatch) -> None:
        if batch.num_rows == 0:
            return
        self._buffers[table].append(batch)
        self._buffered[table] += batch.num_rows
        group = self._group_rows(table)
        if self._buffered[table] >= group:
            self._flush(table, final=False)

    def _flush(self, table: str, *, final: bool) -> None:
        """Write whole row groups (and, when ``final``, the rest) of one table."""
        if not self._buffers[table]:
            return
        group = self._group_rows(table)
        pending = pa.Table.from_batches(self._buffers[table], schema=SCHEMAS[table])
        whole = pending.num_rows if final else pending.num_rows - pending.num_rows % group
        if whole:
            chunk = pending.slice(0, whole)
            if table in self._parquet:
                self._parquet[table].write_table(chunk, row_group_size=group)
            if table in self._csv:
                self._csv[table].write_table(chunk)
        rest = pending.slice(whole)
        self._buffers[table] = rest.to_batches() if rest.num_rows else []
        self._buffered[table] = rest.num_rows

    def write(self, table: str, records: list[Record]) -> None:
        """Append rows to one table (an empty list writes nothing)."""
        if records:
            self._write_table(table, records_to_table(table, records))

    def _write_table(self, table: str, rows: pa.Table) -> None:
        for record_batch in rows.to_batches():
            self._append(table, record_batch)
        self.summary.counts[table] += rows.num_rows

    def write_results(
        self, results: Iterable[ArticleResult | ErrorRow], *, flush_every: int = FLUSH_EVERY
    ) -> Iterator[None]:
        """Write results as they come, ``flush_every`` articles per row group.

        Yields once per item (for progress bars); holds at most ``flush_every``
        articles' rows in memory.
        """
        # The facts are made from the figures' table when it is written.
        pending: dict[str, list[Record]] = {table: [] for table in SCHEMAS if table != "facts"}
        sentences: list[str | None] = []
        held = 0
        for item in results:
            if isinstance(item, ErrorRow):
                pending["errors"].append(item)
            else:
                pending["articles"].append(item.article)
                self._written_ids.add(item.article.article_id)
                pending["figures"].extend(item.figures)
                pending["dates"].extend(item.dates)
                pending["entities"].extend(item.entities)
                sentences.extend(item.fact_sentences())
            held += 1
            if held >= flush_every:
                self._write_pending(pending, sentences)
                held = 0
            yield None
        self._write_pending(pending, sentences)

    def _write_pending(self, pending: dict[str, list[Record]], sentences: list[str | None]) -> None:
        for table, records in pending.items():
            if records:
                rows = records_to_table(table, records)
                self._write_table(table, rows)
                if table == "figures":
                    self._write_table("facts", facts_table(rows, sentences))
            records.clear()
        sentences.clear()

    def _close_writers(self) -> None:
        for writer in self._parquet.values():
            writer.close()
        for csv_writer in self._csv.values():
            csv_writer.close()
        for handle in self._csv_files.values():
            handle.close()
        self._parquet.clear()
        self._csv.clear()
        self._csv_files.clear()

    def commit(self) -> Summary:
        """Write and sync every temporary file, then move each over its table.

        The articles table goes last: a run killed between two replacements
        leaves every table complete and readable, the articles table still the
        previous one, and the next run drops the orphan rows of other tables.
        """
        try:
            left = self.stale_ids - self._written_ids
            if left:
                self._carry_over(left)
            for table in SCHEMAS:
                self._flush(table, final=True)
            self._close_writers()
            for tmp, _ in self._tmp:
                _fsync_path(tmp)
            self._tmp.sort(key=lambda pair: pair[1].stem == COMMIT_TABLE)
            while self._tmp:
                tmp, final = self._tmp[0]
                os.replace(tmp, final)
                self._tmp.pop(0)
            _fsync_path(self.out_dir)
        except BaseException:
            self.abort()
            raise
        self._release_lock()
        return self.summary

    def abort(self) -> None:
        """Drop the temporary files; the previous tables stay as they were."""
        try:
            self._close_writers()
        finally:
            for tmp, _ in self._tmp:
                tmp.unlink(missing_ok=True)
            self._tmp.clear()
            self._release_lock()

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
