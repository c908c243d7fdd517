"""Bounded work per worker: a few requests run, a few wait, the rest get 503 + Retry-After.

Without a bound, a burst of uploads would queue inside one worker (each holding its body in
memory) long past the client's 30 s timeout; refusing early, before the body is read, lets the
client retry when a slot is free.
"""

from __future__ import annotations

import threading
from collections.abc import Iterator
from contextlib import contextmanager

from ocr_service.errors import Busy


class AdmissionGate:
    def __init__(self, running: int, pending: int):
        self._max_pending = max(pending, running)
        self._pending = 0
        self._lock = threading.Lock()
        self._running = threading.BoundedSemaphore(running)

    @property
    def pending(self) -> int:
        return self._pending

    @contextmanager
    def reserve(self) -> Iterator[None]:
        """Count a request as admitted (running or waiting) or refuse it at once."""
        with self._lock:
            if self._pending >= self._max_pending:
                raise Busy(f"The service is busy ({self._pending} documents waiting in this worker); retry shortly.")
            self._pending += 1
        try:
            yield
        finally:
            with self._lock:
                self._pending -= 1

    @contextmanager
    def run_slot(self) -> Iterator[None]:
        """Block (in a worker thread) until one of the CPU slots is free."""
        with self._running:
            yield
