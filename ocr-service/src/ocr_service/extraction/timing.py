"""Milliseconds spent per stage of one request, reported in the answer's `timings_ms`."""

from __future__ import annotations

import time


class StageTimer:
    def __init__(self) -> None:
        self.timings: dict[str, int] = {}

    def lap(self, name: str, started: float) -> float:
        """Adds the time since `started` to stage `name`; returns now, the next stage's start."""
        now = time.perf_counter()
        self.timings[name] = self.timings.get(name, 0) + round((now - started) * 1000)
        return now
