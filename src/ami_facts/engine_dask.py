"""Extract on a Dask cluster: resumable, and the workers read their own input.

The client lists ``INPUT`` into shards (``shards.py``: byte ranges of JSON
Lines files, groups of one-article files) and reads the manifest under ``OUT``
(``dataset.py``). Shards finished by an earlier run with the same input and
options are skipped; each other shard is one task, which reads the shard where
it runs, builds the pipeline once per worker process, and writes one part per
table. The client commits each partition in the manifest when its task
returns. A run killed at any point leaves a dataset whose manifest says exactly
which partitions it holds; the next run does the rest. ``force`` starts over.
"""

from __future__ import annotations

import gc
import multiprocessing
import operator
import os
import threading
import time
import uuid
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import date
from importlib.metadata import version
from pathlib import Path
from typing import Any

from ami_facts import dataset
from ami_facts.export import LOCK_NAME, TABLES, OutputError
from ami_facts.load import DEFAULT_MAX_CHARS, select_new
from ami_facts.nlp import DEFAULT_MODEL, Pipeline, build_nlp
from ami_facts.pipeline import DEFAULT_BATCH_SIZE, process
from ami_facts.shards import (
    DEFAULT_BLOCKSIZE,
    DEFAULT_FILES_PER_SHARD,
    Shard,
    count_newlines,
    list_inputs,
    make_shards,
    read_shard,
)

PART_NAME = "part-{index:06d}-{attempt}.parquet"
# Tasks submitted ahead of the workers, per worker: enough to keep each busy
# while the client commits, few enough that the scheduler holds little.
IN_FLIGHT_PER_WORKER = 2
# Tests only: a folder where a task of shard N waits, after writing its first
# part, while ``N.hold`` exists (its first attempt only; it leaves
# ``N.started.PID``), so that a test can kill a worker or the client mid-run.
HOLD_ENV = "AMI_FACTS_TEST_HOLD"
HOLD_TIMEOUT = 120.0

_pipelines: dict[str, Pipeline] = {}
_lock = threading.Lock()


class DaskRunError(RuntimeError):
    """Some partitions failed; the others are committed and the next run retries these."""


@dataclass
class DaskSummary:
    """What a run did: partitions of INPUT, skipped (done before) and processed now."""

    partitions: int = 0
    skipped: int = 0
    processed: int = 0
    counts: dict[str, int] = field(default_factory=lambda: dict.fromkeys(TABLES, 0))
    kept: dict[str, int] = field(default_factory=lambda: dict.fromkeys(TABLES, 0))


def worker_nlp(model: str) -> Pipeline:
    """The pipeline for ``model``, built once per worker process.

    In a worker process of its own, what exists once the pipeline is built is
    left out of the garbage collector's walks (``gc.freeze``, as ``extract``
    does): it lives as long as the worker.
    """
    with _lock:
        if model not in _pipelines:
            _pipelines[model] = build_nlp(model)
            if multiprocessing.parent_process() is not None:
                gc.freeze()
        return _pipelines[model]


def run_options(model: str, published: date | None, max_chars: int) -> dict[str, Any]:
    """What the rows depend on besides the input: a partition done with others is redone."""
    return {
        "model": model,
        "published": published.isoformat() if published else None,
        "max_chars": max_chars,
        "ami_facts": version("ami-facts"),
    }


def _hold_for_tests(index: int) -> None:
    folder = os.environ.get(HOLD_ENV)
    if not folder:
        return
    hold = Path(folder) / f"{index}.hold"
    if not hold.exists() or any(Path(folder).glob(f"{index}.started.*")):
        return
    (Path(folder) / f"{index}.started.{os.getpid()}").touch()
    deadline = time.monotonic() + HOLD_TIMEOUT
    while hold.exists() and time.monotonic() < deadline:
        time.sleep(0.02)


def process_partition(
    shard: Shard,
    out: str,
    options: dict[str, Any],
    batch_size: int,
    newlines_before: int = 0,
) -> dict[str, Any]:
    """On a worker: read ``shard``, run it, write its parts; return them for the manifest."""
    nlp = worker_nlp(options["model"])
    published = date.fromisoformat(options["published"]) if options["published"] else None
    items = read_shard(
        shard,
        published=published,
        max_chars=options["max_chars"],
        newlines_before=newlines_before,
    )
    tables = dataset.result_tables(process(select_new(items, set()), nlp, batch_size=batch_size))
    name = PART_NAME.format(index=shard.index, attempt=uuid.uuid4().hex[:12])
    parts: dict[str, dataset.Part | None] = {}
    for table, rows in tables.items():
        parts[table] = dataset.write_part(out, table, name, rows)
        if len(parts) == 1:
            _hold_for_tests(shard.index)
    return dataset.make_entry(shard.key, shard.describe(), options, parts)


@dataclass
class _Plan:
    """The shards of a run: those done before (by key, with their entries) and the rest."""

    done: dict[str, dict[str, Any]]
    todo: list[Shard]
    # Entries of shards to redo (other stamp or options): their parts are removed
    # once the new entry replaces them.
    replaced: dict[str, dict[str, Any]]


def plan(out: str, shards: list[Shard], options: dict[str, Any], *, force: bool) -> _Plan:
    """Read the manifest, drop what is stale, remove unnamed parts; say what is left to do.

    An entry is done when its shard is listed again with the same stamp and
    options and all its parts are there with their sizes. Entries over files
    listed now but with a range or group no longer listed (a file that grew,
    a group that changed) are dropped; entries of files not listed now are kept
    (another INPUT may have written them into the same OUT).
    """
    if force:
        dataset.clear(out)
    entries = dataset.read_entries(out)
    current = {shard.key: shard for shard in shards}
    listed = {file.url for shard in shards for file in shard.files}
    for key, entry in list(entries.items()):
        if key not in current and listed.intersection(entry["shard"]["urls"]):
            dataset.remove_entry(out, entry)
            del entries[key]
    sizes = dataset.part_sizes(out)
    named = dataset.named_parts(entries.values())
    dataset.remove(out, [path for path in sizes if path not in named])
    done: dict[str, dict[str, Any]] = {}
    for key, entry in entries.items():
        shard = current.get(key)
        if (
            shard is not None
            and entry["shard"]["stamp"] == shard.stamp
            and entry["options"] == options
            and dataset.is_complete(entry, sizes)
        ):
            done[key] = entry
    todo = [shard for shard in shards if shard.key not in done]
    replaced = {key: entry for key, entry in entries.items() if key in current and key not in done}
    return _Plan(done, todo, replaced)


class _OutputLock:
    """An exclusive lock on a local OUT (a remote OUT must have one run at a time)."""

    def __init__(self, out: str) -> None:
        self._handle: Any = None
        fs, root = dataset.filesystem(out)
        if not dataset.is_local(fs):
            return
        import fcntl

        os.makedirs(root, exist_ok=True)
        handle = open(f"{root}/{LOCK_NAME}", "a")  # noqa: SIM115 (held for the run)
        try:
            fcntl.flock(handle.fileno(), fcntl.LOCK_EX | fcntl.LOCK_NB)
        except OSError as exc:
            handle.close()
            raise OutputError(
                f"another ami-facts run is writing to {out}; wait for it to finish"
            ) from exc
        self._handle = handle

    def release(self) -> None:
        if self._handle is not None:
            self._handle.close()
            self._handle = None


def local_cluster(workers: int, *, processes: bool = True) -> Any:
    """A LocalCluster of ``workers`` single-threaded workers, set up for the model.

    Dask's nannies start workers with ``MALLOC_TRIM_THRESHOLD_=65536``, which also
    stops glibc from adapting its mmap threshold: the model's arrays are then
    mapped and unmapped at every call, and it ran about 15% slower (same CPU time
    lost in one process with that variable). It is left unset here.
    """
    import dask
    import distributed

    dist: Any = distributed
    unset = {"distributed.nanny.pre-spawn-environ.MALLOC_TRIM_THRESHOLD_": None}
    with dask.config.set(unset):
        return dist.LocalCluster(
            n_workers=workers,
            threads_per_worker=1,
            processes=processes,
            dashboard_address=":0",  # any free port: 8787 may be another cluster's
        )


def _newlines_before(client: Any, todo: list[Shard], blocksize: int) -> dict[str, Any]:
    """For each range past the first of a JSON Lines file, a future of the line breaks
    before it: per-range counts (done by the workers in parallel), summed in a chain."""
    wanted: dict[str, set[int]] = {}
    for shard in todo:
        if shard.jsonl and shard.offset:
            wanted.setdefault(shard.files[0].url, set()).add(shard.offset)
    before: dict[str, Any] = {}
    for url, offsets in wanted.items():
        total: Any = 0
        for offset in range(blocksize, max(offsets) + 1, blocksize):
            count = client.submit(count_newlines, url, offset - blocksize, blocksize, pure=False)
            total = client.submit(operator.add, total, count, pure=False)
            if offset in offsets:
                before[f"{url}@{offset}"] = total
    return before


def extract_dask(
    input_spec: str | Path,
    out: str,
    *,
    model: str = DEFAULT_MODEL,
    published: date | None = None,
    max_chars: int = DEFAULT_MAX_CHARS,
    batch_size: int = DEFAULT_BATCH_SIZE,
    scheduler: str | None = None,
    workers: int = 2,
    blocksize: int = DEFAULT_BLOCKSIZE,
    files_per_shard: int = DEFAULT_FILES_PER_SHARD,
    processes: bool = True,
    force: bool = False,
) -> DaskSummary:
    """Extract ``input_spec`` on a Dask cluster into ``out``; resume what an earlier run left.

    ``input_spec``: a local path, glob or fsspec URL (the workers must be able to
    read it). ``scheduler``: address of a running scheduler; without one a
    LocalCluster of ``workers`` single-threaded workers (processes, or threads
    with ``processes=False``) is started for the run. Raises ``DaskRunError``
    when partitions failed (the others are committed).
    """
    files = list_inputs(str(input_spec))
    shards = make_shards(files, blocksize=blocksize, files_per_shard=files_per_shard)
    options = run_options(model, published, max_chars)
    lock = _OutputLock(out)
    try:
        work = plan(out, shards, options, force=force)
        summary = DaskSummary(partitions=len(shards), skipped=len(work.done))
        for entry in work.done.values():
            for table, rows in entry["rows"].items():
                summary.kept[table] += rows
        if work.todo:
            _run(
                work,
                out,
                options,
                batch_size=batch_size,
                blocksize=blocksize,
                summary=summary,
                scheduler=scheduler,
                workers=workers,
                processes=processes,
            )
    finally:
        lock.release()
    return summary


def _submitted(
    client: Any,
    todo: list[Shard],
    out: str,
    options: dict[str, Any],
    batch_size: int,
    blocksize: int,
) -> Iterator[Any]:
    offsets = _newlines_before(client, todo, blocksize)
    for shard in todo:
        newlines: Any = 0
        if shard.jsonl and shard.offset:
            newlines = offsets[f"{shard.files[0].url}@{shard.offset}"]
        yield client.submit(
            process_partition, shard, out, options, batch_size, newlines, pure=False
        )


def _run(
    work: _Plan,
    out: str,
    options: dict[str, Any],
    *,
    batch_size: int,
    blocksize: int,
    summary: DaskSummary,
    scheduler: str | None,
    workers: int,
    processes: bool,
) -> None:
    import distributed

    dist: Any = distributed
    cluster: Any = None
    if scheduler is None:
        cluster = local_cluster(workers, processes=processes)
        client = dist.Client(cluster)
    else:
        client = dist.Client(scheduler)
    failed: list[str] = []
    try:
        n_workers = max(len(client.scheduler_info().get("workers", {})), 1)
        in_flight = IN_FLIGHT_PER_WORKER * n_workers
        futures = _submitted(client, work.todo, out, options, batch_size, blocksize)
        first = [f for _, f in zip(range(in_flight), futures, strict=False)]
        # This client's loop: by default as_completed takes the default client's,
        # another client of the caller's, and then saw each result about a second late.
        running = dist.as_completed(first, loop=client.loop)
        for future in running:
            try:
                entry = future.result()
            except Exception as exc:
                failed.append(f"{type(exc).__name__}: {exc}")
            else:
                dataset.write_entry(out, entry)
                if entry["key"] in work.replaced:
                    old = dataset.named_parts([work.replaced.pop(entry["key"])])
                    dataset.remove(out, old - dataset.named_parts([entry]))
                summary.processed += 1
                for table, rows in entry["rows"].items():
                    summary.counts[table] += rows
            following = next(futures, None)
            if following is not None:
                running.add(following)
    finally:
        client.close()
        if cluster is not None:
            cluster.close()
    if failed:
        raise DaskRunError(
            f"{len(failed)} of {len(work.todo)} partitions failed ({failed[0]}); "
            "the others are written, run again to retry these"
        )
