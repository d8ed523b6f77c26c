"""The partitioned tables the Dask engine writes, with the manifest that commits them.

Layout under ``OUT`` (a local folder or any fsspec URL)::

    OUT/<table>/part-<shard index>-<attempt>.parquet   one part per table and partition
    OUT/_manifest/<shard key>.json                     one entry per finished partition

A part is written by one attempt at one partition under a name no other attempt
uses; on a local disk it is written under a hidden temporary name, synced and
renamed, on an object store it appears whole when its upload completes. An entry
(the input shard, the options, row counts, each part's path, size and SHA-256)
is written, atomically, only once every part of its partition is complete:
entries are the commit point. Readers read the parts that entries name and
nothing else, so parts of killed attempts or runs are never read; the next run
removes them.
"""

from __future__ import annotations

import hashlib
import io
import json
import os
from collections.abc import Iterable
from dataclasses import asdict, dataclass
from itertools import islice
from typing import Any

import pyarrow as pa
import pyarrow.parquet as pq

from ami_facts.export import (
    ARTICLE_ROW_GROUP_ROWS,
    COMMIT_TABLE,
    FLUSH_EVERY,
    PARQUET_OPTIONS,
    ROW_GROUP_ROWS,
    SCHEMAS,
    TABLES,
    facts_table,
    records_to_table,
)
from ami_facts.pipeline import ArticleResult
from ami_facts.records import ErrorRow, Record

MANIFEST_DIR = "_manifest"
MANIFEST_VERSION = 1
TMP_PREFIX = ".tmp-"


class DatasetError(RuntimeError):
    """A part the manifest names is missing or does not match its checksum."""


@dataclass(frozen=True)
class Part:
    """One written part: its path under ``OUT``, rows, bytes and SHA-256."""

    path: str
    rows: int
    bytes: int
    sha256: str


def filesystem(out: str) -> tuple[Any, str]:
    """The fsspec filesystem of ``out`` and its root path (no trailing slash)."""
    import fsspec

    fs, root = fsspec.core.url_to_fs(out)
    return fs, root.rstrip("/")


def is_local(fs: Any) -> bool:
    """Whether ``fs`` is the local disk (files are renamed into place and synced)."""
    from fsspec.implementations.local import LocalFileSystem

    return isinstance(fs, LocalFileSystem)


def _fsync(path: str) -> None:
    fd = os.open(path, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def _publish(fs: Any, path: str, data: bytes) -> None:
    """Write ``data`` at ``path`` so that readers see all of it or nothing."""
    if not is_local(fs):
        fs.pipe_file(path, data)  # one upload: the object appears when complete
        return
    folder, name = path.rsplit("/", 1)
    os.makedirs(folder, exist_ok=True)
    tmp = f"{folder}/{TMP_PREFIX}{name}"
    with open(tmp, "wb") as handle:
        handle.write(data)
        handle.flush()
        os.fsync(handle.fileno())
    os.replace(tmp, path)
    _fsync(folder)


def _tables_of(results: list[ArticleResult | ErrorRow]) -> dict[str, pa.Table]:
    rows: dict[str, list[Record]] = {table: [] for table in TABLES if table != "facts"}
    sentences: list[str | None] = []
    for item in results:
        if isinstance(item, ErrorRow):
            rows["errors"].append(item)
            continue
        rows["articles"].append(item.article)
        rows["figures"].extend(item.figures)
        rows["dates"].extend(item.dates)
        rows["entities"].extend(item.entities)
        sentences.extend(item.fact_sentences())
    tables = {table: records_to_table(table, records) for table, records in rows.items()}
    tables["facts"] = facts_table(tables["figures"], sentences)
    return tables


def result_tables(results: Iterable[ArticleResult | ErrorRow]) -> dict[str, pa.Table]:
    """Every table's rows of ``results``, in order (facts from the figures, as locally).

    Records are turned into Arrow columns ``FLUSH_EVERY`` articles at a time: a
    partition is held as columns, not as records.
    """
    pieces: dict[str, list[pa.Table]] = {table: [] for table in TABLES}
    iterator = iter(results)
    while batch := list(islice(iterator, FLUSH_EVERY)):
        for table, rows in _tables_of(batch).items():
            pieces[table].append(rows)
    return {
        table: pa.concat_tables(pieces[table]) if pieces[table] else schema.empty_table()
        for table, schema in SCHEMAS.items()
    }


def write_part(out: str, table: str, name: str, rows: pa.Table) -> Part | None:
    """Write one table's rows of a partition as ``OUT/<table>/<name>``; None when empty."""
    if rows.num_rows == 0:
        return None
    buffer = io.BytesIO()
    group = ARTICLE_ROW_GROUP_ROWS if table == COMMIT_TABLE else ROW_GROUP_ROWS
    pq.write_table(rows, buffer, row_group_size=group, **PARQUET_OPTIONS)
    data = buffer.getvalue()
    fs, root = filesystem(out)
    relative = f"{table}/{name}"
    _publish(fs, f"{root}/{relative}", data)
    return Part(relative, rows.num_rows, len(data), hashlib.sha256(data).hexdigest())


def entry_path(root: str, key: str) -> str:
    return f"{root}/{MANIFEST_DIR}/{key}.json"


def write_entry(out: str, entry: dict[str, Any]) -> None:
    """Commit a finished partition (its parts must all be written)."""
    fs, root = filesystem(out)
    data = json.dumps({"version": MANIFEST_VERSION, **entry}, sort_keys=True, indent=1)
    _publish(fs, entry_path(root, entry["key"]), data.encode("utf-8"))


def make_entry(
    key: str, shard: dict[str, Any], options: dict[str, Any], parts: dict[str, Part | None]
) -> dict[str, Any]:
    """A manifest entry: the shard, the options, row counts and parts of a partition."""
    return {
        "key": key,
        "shard": shard,
        "options": options,
        "rows": {table: part.rows if part else 0 for table, part in parts.items()},
        "parts": {table: asdict(part) if part else None for table, part in parts.items()},
    }


def read_entries(out: str) -> dict[str, dict[str, Any]]:
    """The manifest entries under ``out`` by shard key (empty when there is none)."""
    fs, root = filesystem(out)
    folder = f"{root}/{MANIFEST_DIR}"
    if not fs.exists(folder):
        return {}
    paths = [p for p in fs.find(folder) if p.endswith(".json") and "/." not in p]
    entries: dict[str, dict[str, Any]] = {}
    if not paths:
        return entries
    for data in fs.cat(paths).values():  # one batch: concurrent requests on object stores
        entry = json.loads(data)
        entries[entry["key"]] = entry
    return entries


def named_parts(entries: Iterable[dict[str, Any]]) -> set[str]:
    """The paths (relative to ``OUT``) of every part the entries name."""
    return {part["path"] for e in entries for part in e["parts"].values() if part is not None}


def part_sizes(out: str) -> dict[str, int]:
    """The size of every file under the table folders, by path relative to ``OUT``."""
    fs, root = filesystem(out)
    sizes: dict[str, int] = {}
    for table in TABLES:
        folder = f"{root}/{table}"
        if fs.exists(folder):
            for path, info in fs.find(folder, detail=True).items():
                sizes[path[len(root) + 1 :]] = int(info["size"])
    return sizes


def is_complete(entry: dict[str, Any], sizes: dict[str, int]) -> bool:
    """Whether every part ``entry`` names is there with its recorded size."""
    return all(
        part is None or sizes.get(part["path"]) == part["bytes"] for part in entry["parts"].values()
    )


def remove(out: str, paths: Iterable[str]) -> None:
    """Remove files given by paths relative to ``OUT`` (missing ones are fine)."""
    fs, root = filesystem(out)
    full = [f"{root}/{path}" for path in paths]
    if not full:
        return
    try:
        fs.rm(full)  # one call: bulk deletes on object stores
    except FileNotFoundError:
        for path in full:
            if fs.exists(path):
                fs.rm_file(path)


def remove_entry(out: str, entry: dict[str, Any]) -> None:
    """Drop a partition: its entry first (readers stop reading it), then its parts."""
    fs, root = filesystem(out)
    path = entry_path(root, entry["key"])
    if fs.exists(path):
        fs.rm_file(path)
    remove(out, named_parts([entry]))


def clear(out: str) -> None:
    """Remove the manifest, then every table folder."""
    fs, root = filesystem(out)
    for folder in (MANIFEST_DIR, *TABLES):
        if fs.exists(f"{root}/{folder}"):
            fs.rm(f"{root}/{folder}", recursive=True)


def is_dataset(out: str) -> bool:
    """Whether ``out`` holds a manifest (a Dask engine output)."""
    fs, root = filesystem(out)
    return bool(fs.exists(f"{root}/{MANIFEST_DIR}"))


def entry_order(entry: dict[str, Any]) -> tuple[list[str], int]:
    """Input order: the first file's path, part by part, then the offset."""
    shard = entry["shard"]
    return shard["urls"][0].split("/"), shard["offset"]


def read_dataset(out: str) -> dict[str, pa.Table]:
    """Every table of a Dask engine output, from the parts its manifest names only.

    Partitions come in input order; each part is checked against its SHA-256
    (``DatasetError`` when missing or different).
    """
    fs, root = filesystem(out)
    entries = sorted(read_entries(out).values(), key=entry_order)
    tables: dict[str, pa.Table] = {}
    for table, schema in SCHEMAS.items():
        pieces = []
        for entry in entries:
            part = entry["parts"].get(table)
            if part is None:
                continue
            path = f"{root}/{part['path']}"
            try:
                data = fs.cat_file(path)
            except FileNotFoundError as exc:
                raise DatasetError(f"{path} is named by the manifest but missing") from exc
            if hashlib.sha256(data).hexdigest() != part["sha256"]:
                raise DatasetError(f"{path} does not match the checksum in the manifest")
            pieces.append(pq.read_table(io.BytesIO(data), schema=schema))
        tables[table] = pa.concat_tables(pieces) if pieces else schema.empty_table()
    return tables
