"""First next-shop model: how often the user goes to each shop, blended with the time of week.

It is an honest baseline, not the final ranker: a shop's score is its smoothed share of all
visits, multiplied by how usual a visit to it is at the current hour and weekday type.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter, defaultdict

from ocr_service.prediction.history import canonical_shop
from ocr_service.prediction.intervals import next_window
from ocr_service.schemas import PastVisit, PredictResponse, ShopPrediction

MODEL_NAME = "frequency-time-of-week-v0"
TOP_N = 5
# Weight of the time-of-week factor against plain frequency.
TIME_OF_WEEK_WEIGHT = 0.5
HOUR_WINDOW = 2


def _is_weekend(moment: dt.datetime) -> bool:
    return moment.weekday() >= 5


def _time_of_week_affinity(visits: list[dt.datetime], now: dt.datetime) -> float:
    """Share of a shop's visits on the same weekday type within +-HOUR_WINDOW hours of now."""
    near = sum(
        1
        for v in visits
        if _is_weekend(v) == _is_weekend(now) and min(abs(v.hour - now.hour), 24 - abs(v.hour - now.hour)) <= HOUR_WINDOW
    )
    return (near + 0.5) / (len(visits) + 1)


def predict(history: list[PastVisit], now: dt.datetime) -> PredictResponse:
    size = len(history)
    if size == 0:
        return PredictResponse(
            predictions=[], new_shop_probability=1.0, next_visit=None, model=MODEL_NAME,
            history_size=0, confidence="none", warnings=["no purchase history yet"],
        )
    names: dict[str, str] = {}
    by_shop: dict[str, list[dt.datetime]] = defaultdict(list)
    for visit in history:
        key = canonical_shop(visit.shop)
        names.setdefault(key, visit.shop.strip())
        by_shop[key].append(visit.datetime.replace(tzinfo=None))
    counts = Counter({key: len(times) for key, times in by_shop.items()})
    # Every shop was new once: the rate of first visits estimates the next one being new.
    new_shop = len(counts) / (size + 1)
    scores = {
        key: (count / size) * ((1 - TIME_OF_WEEK_WEIGHT) + TIME_OF_WEEK_WEIGHT * 2 * _time_of_week_affinity(by_shop[key], now))
        for key, count in counts.items()
    }
    total_score = sum(scores.values())
    ranked = sorted(scores, key=lambda k: (-scores[k], -counts[k], k))[:TOP_N]
    predictions = []
    for key in ranked:
        window = next_window(by_shop[key], now)
        predictions.append(
            ShopPrediction(
                shop=names[key],
                probability=round((1 - new_shop) * scores[key] / total_score, 4),
                expected_visit=window.expected if window else None,
                interval_80=window.interval_80 if window else None,
            )
        )
    all_times = [t for times in by_shop.values() for t in times]
    low_history = size < 3
    return PredictResponse(
        predictions=predictions,
        new_shop_probability=round(new_shop, 4),
        next_visit=next_window(all_times, now),
        model=MODEL_NAME,
        history_size=size,
        confidence="low" if low_history else "normal",
        warnings=["fewer than 3 past visits: the prediction is a rough guess"] if low_history else [],
    )
