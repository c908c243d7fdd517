"""User-relative features of each candidate shop at a moment: how often, how recently, after
which shop, at what time of week, and how overdue the user's usual interval makes a visit."""

from __future__ import annotations

import numpy as np

from ocr_service.prediction.history import History

HALF_LIVES_H = (24.0, 168.0, 720.0)
HOUR_WINDOW = 1.5
MAX_CANDIDATES = 40
FEATURES = (
    "count", "share", "rank", "log_recency_h", "visits_since", "frecency_1d", "frecency_7d", "frecency_30d",
    "markov", "markov_count", "is_last", "hour_share_own", "hour_share_all", "weekday_share_own",
    "daytype_hour_share_own", "median_gap_h", "overdue_ratio", "log_since_last_visit_h", "log_history",
    "log_distinct", "mean_total", "share_last_10", "share_last_30", "markov2", "markov_near_hour",
    "now_hour", "now_weekday",
)


def _hour_of_day(times: np.ndarray) -> np.ndarray:
    return np.asarray(np.mod(times, 24.0), dtype=float)


def _weekday(times: np.ndarray) -> np.ndarray:
    return (np.floor(times / 24.0).astype(np.int64) + 5) % 7  # 2000-01-01 was a Saturday (5)


def candidate_features(history: History, now: float) -> tuple[np.ndarray, np.ndarray]:
    """(candidate shop indexes, feature matrix) for the shops most worth ranking at `now`."""
    times, shops = history.times, history.shops
    n, distinct = len(times), len(history.names)
    counts = np.bincount(shops, minlength=distinct).astype(float)
    age = np.maximum(now - times, 0.0)
    frecency = [np.bincount(shops, weights=np.exp(-np.log(2) * age / hl), minlength=distinct) for hl in HALF_LIVES_H]
    last_index = np.full(distinct, -1)
    last_index[shops] = np.arange(n)  # later visits overwrite earlier ones
    last_shop = shops[-1]
    after_last = shops[1:][shops[:-1] == last_shop]
    transitions = np.bincount(after_last, minlength=distinct).astype(float)

    # Pre-select: every shop could be a candidate, but the model only needs the plausible ones.
    prefilter = counts / n + frecency[1] / max(frecency[1].sum(), 1e-9) + transitions / max(len(after_last), 1)
    candidates = np.argsort(-prefilter, kind="stable")[:MAX_CANDIDATES]

    hod, now_hod = _hour_of_day(times), now % 24.0
    hour_near = np.minimum(np.abs(hod - now_hod), 24.0 - np.abs(hod - now_hod)) <= HOUR_WINDOW
    weekday, now_weekday = _weekday(times), int((np.floor(now / 24.0) + 5) % 7)
    same_daytype = (weekday >= 5) == (now_weekday >= 5)
    near_counts = np.bincount(shops[hour_near], minlength=distinct).astype(float)
    weekday_counts = np.bincount(shops[weekday == now_weekday], minlength=distinct).astype(float)
    daytype_counts = np.bincount(shops[hour_near & same_daytype], minlength=distinct).astype(float)
    ranks = np.empty(distinct)
    ranks[np.argsort(-counts, kind="stable")] = np.arange(1, distinct + 1)

    last_10 = np.bincount(shops[-10:], minlength=distinct) / min(n, 10)
    last_30 = np.bincount(shops[-30:], minlength=distinct) / min(n, 30)
    # Second order: what followed the last two shops in this order; and what followed the last
    # shop when the visit after it happened near the current hour of the day.
    if n >= 2:
        pair = (shops[:-2] == shops[-2]) & (shops[1:-1] == last_shop)
        markov2 = np.bincount(shops[2:][pair], minlength=distinct) / max(pair.sum(), 1)
    else:
        markov2 = np.zeros(distinct)
    from_last = shops[:-1] == last_shop
    near_next = from_last & hour_near[1:]
    markov_near = np.bincount(shops[1:][near_next], minlength=distinct) / max(near_next.sum(), 1)
    rows = []
    for c in candidates:
        own_times = times[shops == c]
        gaps = np.diff(own_times)
        median_gap = float(np.median(gaps)) if len(gaps) >= 1 else np.nan
        recency = now - own_times[-1]
        own_totals = history.totals[shops == c]
        rows.append((
            counts[c], counts[c] / n, ranks[c], np.log1p(recency), n - 1 - last_index[c],
            *(f[c] / max(f.sum(), 1e-9) for f in frecency),
            (transitions[c] + 0.1) / (len(after_last) + 0.1 * distinct), transitions[c], float(c == last_shop),
            near_counts[c] / counts[c], near_counts[c] / max(hour_near.sum(), 1),
            weekday_counts[c] / counts[c], daytype_counts[c] / counts[c],
            median_gap, recency / median_gap if median_gap and median_gap > 0 else np.nan,
            np.log1p(max(now - times[-1], 0.0)), np.log(n), np.log(distinct),
            float(np.nanmean(own_totals)) if np.isfinite(own_totals).any() else np.nan,
            last_10[c], last_30[c], markov2[c], markov_near[c], now_hod, float(now_weekday),
        ))
    return candidates, np.array(rows, dtype=float)
