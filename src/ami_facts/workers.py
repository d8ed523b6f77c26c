"""Run the pipeline in worker processes, each loading the model once.

The parent reads the input and writes the tables; the workers tokenise, run
the model and the components and validate the records. Chunks of articles go
out in input order and come back in input order, with a bounded number of
chunks in flight, so memory does not grow with the corpus. On Linux the
workers are forked from the parent after it loaded the model (no second load,
shared memory pages); elsewhere each worker loads the model when it starts.
"""

from __future__ import annotations

import multiprocessing
from collections import deque
from collections.abc import Iterable, Iterator
from concurrent.futures import Future, ProcessPoolExecutor
from itertools import islice

from ami_facts.load import RawArticle
from ami_facts.nlp import Pipeline, build_nlp
from ami_facts.pipeline import DEFAULT_BATCH_SIZE, ArticleResult, process
from ami_facts.records import ErrorRow

Item = RawArticle | ErrorRow
Result = ArticleResult | ErrorRow
# Batches per chunk sent to a worker, and chunks in flight per worker.
BATCHES_PER_CHUNK = 1
CHUNKS_IN_FLIGHT = 4

_worker_nlp: Pipeline | None = None


def _init_worker(model: str, lean: bool) -> None:
    global _worker_nlp
    if _worker_nlp is None:
        _worker_nlp = build_nlp(model, lean=lean)


def _work(chunk: list[Item], batch_size: int) -> list[Result]:
    assert _worker_nlp is not None, "worker not initialised"
    return list(process(chunk, _worker_nlp, batch_size=batch_size))


def process_parallel(
    items: Iterable[Item],
    *,
    model: str,
    workers: int,
    nlp: Pipeline | None = None,
    lean: bool = True,
    batch_size: int = DEFAULT_BATCH_SIZE,
) -> Iterator[Result]:
    """Like ``pipeline.process`` over ``workers`` processes; results in input order.

    ``nlp``: an already built pipeline for ``model`` that forked workers inherit.
    """
    global _worker_nlp
    methods = multiprocessing.get_all_start_methods()
    fork = "fork" in methods and nlp is not None
    context = multiprocessing.get_context("fork" if fork else "spawn")
    if fork:
        _worker_nlp = nlp
    chunk_size = batch_size * BATCHES_PER_CHUNK
    iterator = iter(items)
    pending: deque[Future[list[Result]]] = deque()
    try:
        with ProcessPoolExecutor(
            max_workers=workers,
            mp_context=context,
            initializer=_init_worker,
            initargs=(model, lean),
        ) as pool:
            while True:
                while len(pending) < workers * CHUNKS_IN_FLIGHT:
                    chunk = list(islice(iterator, chunk_size))
                    if not chunk:
                        break
                    pending.append(pool.submit(_work, chunk, batch_size))
                if not pending:
                    return
                yield from pending.popleft().result()
    finally:
        for future in pending:
            future.cancel()
        if fork:
            _worker_nlp = None
