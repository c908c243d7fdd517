"""A scikit-learn model's call runs on one OpenMP thread, and only that call."""

from __future__ import annotations

import sklearn.ensemble  # noqa: F401  (loads scikit-learn's OpenMP library, as the ranker does)
from threadpoolctl import threadpool_info

from ocr_service.prediction.one_thread import one_openmp_thread


def openmp_threads() -> set[int]:
    return {pool["num_threads"] for pool in threadpool_info() if pool["user_api"] == "openmp"}


def test_the_call_is_held_to_one_openmp_thread_and_the_process_gets_its_threads_back():
    before = openmp_threads()
    assert before, "scikit-learn's OpenMP library is loaded"
    with one_openmp_thread():
        assert openmp_threads() == {1}
    assert openmp_threads() == before
