"""Extract on a Dask cluster: a partitioned Parquet dataset, the same rows as locally.

The client reads the input (files are where the client runs) and sends it in
partitions of ``partition_size`` articles, with a bounded number in flight;
each Dask worker builds the pipeline once (a cached global per worker process)
and writes its partition's rows straight to ``OUT/<table>/part-NNNNNN.parquet``
through fsspec, so ``OUT`` may be a local folder or an object store URL
(``s3://bucket/prefix``, ``gs://...``, ``abfs://...``) the workers can write to.
Partitions are numbered in input order: reading a table's folder in file name
order gives the rows in the local engine's order.
"""

from __future__ import annotations

import threading
from collections import deque
from collections.abc import Iterator
from datetime import date
from itertools import islice
from pathlib import Path
from typing import Any

import pyarrow.parquet as pq

from ami_facts.export import SCHEMAS, records_to_table
from ami_facts.load import DEFAULT_MAX_CHARS, RawArticle, iter_articles
from ami_facts.nlp import DEFAULT_MODEL, Pipeline, build_nlp
from ami_facts.pipeline import DEFAULT_BATCH_SIZE, ArticleResult, process
from ami_facts.records import ErrorRow, Record

DEFAULT_PARTITION_SIZE = 128
PART_NAME = "part-{:06d}.parquet"

_pipelines: dict[str, Pipeline] = {}
_lock = threading.Lock()


def worker_nlp(model: str) -> Pipeline:
    """The pipeline for ``model``, built once per worker process."""
    with _lock:
        if model not in _pipelines:
            _pipelines[model] = build_nlp(model)
        return _pipelines[model]


def _tables(results: list[ArticleResult | ErrorRow]) -> dict[str, list[Record]]:
    rows: dict[str, list[Record]] = {table: [] for table in SCHEMAS}
    for item in results:
        if isinstance(item, ErrorRow):
            rows["errors"].append(item)
            continue
        rows["articles"].append(item.article)
        rows["figures"].extend(item.figures)
        rows["dates"].extend(item.dates)
        rows["entities"].extend(item.entities)
        rows["facts"].extend(item.facts)
    return rows


def process_partition(
    index: int,
    items: list[RawArticle | ErrorRow],
    out: str,
    model: str,
    batch_size: int,
) -> dict[str, int]:
    """Run one partition on a worker and write one part file per table; return row counts."""
    import fsspec

    nlp = worker_nlp(model)
    rows = _tables(list(process(items, nlp, batch_size=batch_size)))
    counts: dict[str, int] = {}
    for table, records in rows.items():
        path = f"{out.rstrip('/')}/{table}/{PART_NAME.format(index)}"
        with fsspec.open(path, "wb", auto_mkdir=True) as handle:
            pq.write_table(records_to_table(table, records), handle, compression="zstd")
        counts[table] = len(records)
    return counts


def _partitions(
    items: Iterator[RawArticle | ErrorRow], size: int
) -> Iterator[list[RawArticle | ErrorRow]]:
    while chunk := list(islice(items, size)):
        yield chunk


def _clear(out: str) -> None:
    import fsspec

    fs, root = fsspec.core.url_to_fs(out)
    for table in SCHEMAS:
        path = f"{root.rstrip('/')}/{table}"
        if fs.exists(path):
            fs.rm(path, recursive=True)


def extract_dask(
    input_path: Path,
    out: str,
    *,
    model: str = DEFAULT_MODEL,
    published: date | None = None,
    max_chars: int = DEFAULT_MAX_CHARS,
    batch_size: int = DEFAULT_BATCH_SIZE,
    scheduler: str | None = None,
    workers: int = 2,
    partition_size: int = DEFAULT_PARTITION_SIZE,
    processes: bool = True,
) -> dict[str, int]:
    """Extract ``input_path`` on a Dask cluster into ``out/<table>/part-*.parquet``.

    ``scheduler``: address of a running scheduler; without one a LocalCluster of
    ``workers`` single-threaded workers (processes, or threads with
    ``processes=False``) is started for the run. Returns row counts per table.
    """
    import distributed

    dist: Any = distributed
    cluster: Any = None
    if scheduler is None:
        cluster = dist.LocalCluster(
            n_workers=workers,
            threads_per_worker=1,
            processes=processes,
            dashboard_address=None,
        )
        client = dist.Client(cluster)
    else:
        client = dist.Client(scheduler)
    totals = dict.fromkeys(SCHEMAS, 0)
    try:
        _clear(out)
        n_workers = max(len(client.scheduler_info().get("workers", {})), 1)
        in_flight = 2 * n_workers
        pending: deque[Any] = deque()
        items = iter_articles(input_path, published=published, max_chars=max_chars)
        for index, partition in enumerate(_partitions(items, partition_size)):
            pending.append(
                client.submit(
                    process_partition,
                    index,
                    partition,
                    out,
                    model,
                    batch_size,
                    pure=False,
                )
            )
            while len(pending) >= in_flight:
                _add(totals, pending.popleft().result())
        while pending:
            _add(totals, pending.popleft().result())
    finally:
        client.close()
        if cluster is not None:
            cluster.close()
    return totals


def _add(totals: dict[str, int], counts: dict[str, int]) -> None:
    for table, count in counts.items():
        totals[table] += count
