"""The matrix product the model runs with: the same numbers as thinc's own, on one thread."""

from __future__ import annotations

import numpy
import pytest
from thinc.api import NumpyOps, get_current_ops
from threadpoolctl import threadpool_info, threadpool_limits

from ami_facts.gemm import (
    OpenBlasOps,
    current_ops,
    fastest_ops,
    one_blas_thread,
    use_fastest_gemm,
)


@pytest.mark.parametrize(("trans1", "trans2"), [(False, False), (False, True), (True, False)])
@pytest.mark.parametrize("with_out", [False, True])
def test_openblas_product_equals_thinc_product(trans1: bool, trans2: bool, with_out: bool) -> None:
    rng = numpy.random.default_rng(1)
    x = rng.random((7, 5) if trans1 else (5, 7), dtype=numpy.float32)
    y = rng.random((3, 7) if trans2 else (7, 3), dtype=numpy.float32)
    expected = NumpyOps().gemm(x, y, trans1=trans1, trans2=trans2)
    out = numpy.zeros((5, 3), dtype=numpy.float32) if with_out else None
    got = OpenBlasOps().gemm(x, y, out=out, trans1=trans1, trans2=trans2)
    assert got.dtype == numpy.float32
    numpy.testing.assert_allclose(got, expected, rtol=1e-5)
    if out is not None:
        assert got is out


def test_fastest_gemm_is_current_and_runs_on_one_thread() -> None:
    # use_fastest_gemm changes the process for good: set it back for the other tests.
    with threadpool_limits(limits=None), current_ops(get_current_ops()):
        name = use_fastest_gemm()
        assert get_current_ops().name == name
        assert name in {"numpy", "openblas"}
        blas = [pool for pool in threadpool_info() if pool["user_api"] == "blas"]
        assert blas and all(pool["num_threads"] == 1 for pool in blas)


def test_one_blas_thread_holds_only_inside_its_block() -> None:
    with threadpool_limits(limits=2, user_api="blas"):
        with one_blas_thread():
            assert {p["num_threads"] for p in threadpool_info() if p["user_api"] == "blas"} == {1}
        assert {p["num_threads"] for p in threadpool_info() if p["user_api"] == "blas"} == {2}


def test_fastest_ops_changes_nothing() -> None:
    before = get_current_ops()
    ops = fastest_ops()
    assert ops.name in {"numpy", "openblas"}
    assert get_current_ops() is before
