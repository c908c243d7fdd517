"""A per-request time budget, checked between pipeline stages (pages, engines)."""

from __future__ import annotations

import time

from ocr_service.errors import Unprocessable


class Deadline:
    def __init__(self, budget_s: float):
        self.budget_s = budget_s
        self._end = time.monotonic() + budget_s

    def remaining(self) -> float:
        return self._end - time.monotonic()

    def check(self) -> None:
        if time.monotonic() > self._end:
            raise Unprocessable(
                f"The document took longer than the {self.budget_s:.0f} s budget to read.",
                code="time_budget_exceeded",
            )
