"""scikit-learn models run on the request's own thread, without an OpenMP team.

A gradient-boosted model's `predict_proba` splits its rows over OpenMP threads. For the few rows
of one request that costs more than it saves, and from the service's request threads it cost the
most: next-shop for 10 visits took 56 ms service-side on 2 cores, 9 ms on one thread.

Only the call is held to one thread, not the process: OpenCV's image preparation keeps its threads
(a whole-process OMP_NUM_THREADS=1 made scan preparation 8 % slower on one worker).
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from functools import lru_cache
from typing import Any


@lru_cache(maxsize=1)
def _controller() -> Any:
    # Built on first use, once scikit-learn has loaded its OpenMP library.
    from threadpoolctl import ThreadpoolController

    return ThreadpoolController()


@contextmanager
def one_openmp_thread() -> Iterator[None]:
    with _controller().limit(limits=1, user_api="openmp"):
        yield
