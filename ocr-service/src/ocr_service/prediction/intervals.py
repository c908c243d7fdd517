"""When: the next visit from the empirical distribution of the user's gaps between visits."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from itertools import pairwise

import numpy as np

from ocr_service.schemas import VisitWindow

MIN_SPREAD_HOURS = 6.0
MIN_SPREAD_SHARE = 0.15


def gap_hours(times: Sequence[dt.datetime]) -> np.ndarray:
    ordered = sorted(times)
    return np.array([(b - a).total_seconds() / 3600 for a, b in pairwise(ordered)], dtype=float)


def next_window(times: Sequence[dt.datetime], now: dt.datetime) -> VisitWindow | None:
    """Median gap after the last visit, with the 10-90% gap quantiles as the 80% interval.

    Needs at least two gaps; a window that has already passed is moved to start now, since the
    visit is then overdue rather than impossible.
    """
    gaps = gap_hours(times)
    if len(gaps) < 2:
        return None
    last = max(times)
    low_h, median_h, high_h = np.quantile(gaps, [0.1, 0.5, 0.9])
    # A perfectly regular habit still varies by hours: never claim a narrower interval than this.
    spread = max(MIN_SPREAD_HOURS, MIN_SPREAD_SHARE * median_h)
    low_h, high_h = min(low_h, median_h - spread), max(high_h, median_h + spread)
    low_h = max(low_h, 0.0)
    low, median, high = (dt.timedelta(hours=float(h)) for h in (low_h, median_h, high_h))
    start, expected, end = last + low, last + median, last + high
    if end < now:  # overdue: the same window shape, starting now
        start, expected, end = now, now + (median - low), now + (high - low)
    elif expected < now:
        expected = now + (end - now) / 2
    return VisitWindow(expected=expected, interval_80=(max(start, now), end))
