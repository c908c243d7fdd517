"""The next-shop ranker: a gradient-boosted classifier scores each candidate shop of the user at
the current moment; scores become a distribution over the user's shops plus a new shop."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any

import joblib
import numpy as np

from ocr_service.prediction import frequency_model
from ocr_service.prediction.features import candidate_features
from ocr_service.prediction.history import History, build_history, hours
from ocr_service.prediction.intervals import next_window
from ocr_service.prediction.one_thread import one_openmp_thread
from ocr_service.schemas import PastVisit, PredictResponse, ShopPrediction

DEFAULT_MODEL = Path(__file__).parent / "models" / "ranker-v1.joblib"
TOP_N = 5
MIN_HISTORY = 3
NEW_SHOP_WINDOW = 30
FROM_EPOCH = dt.datetime(2000, 1, 1)


def new_shop_probability(history: History) -> float:
    """Share of first visits among the recent ones, smoothed: how often this user tries a new shop."""
    n = len(history)
    first_seen = np.zeros(n, dtype=bool)
    seen: set[int] = set()
    for i, shop in enumerate(history.shops.tolist()):
        first_seen[i] = shop not in seen
        seen.add(shop)
    window = min(n - 1, NEW_SHOP_WINDOW)
    recent_first = int(first_seen[n - window:].sum()) if window > 0 else 0
    return (recent_first + 0.5) / (window + 1.5)


@dataclass
class NextShopRanker:
    classifier: Any
    temperature: float
    name: str
    metrics: dict[str, float]

    @classmethod
    def load(cls, path: Path) -> NextShopRanker:
        bundle = joblib.load(path)
        return cls(bundle["classifier"], bundle["temperature"], bundle["name"], bundle.get("metrics", {}))

    def distribution(self, history: History, now: float) -> tuple[np.ndarray, np.ndarray, float]:
        """(candidate shop indexes best first, their probabilities, probability of a new shop)."""
        candidates, features = candidate_features(history, now)
        with one_openmp_thread():
            chances = self.classifier.predict_proba(features)[:, 1]
        scores = np.clip(chances, 1e-6, 1.0) ** (1.0 / self.temperature)
        p_new = new_shop_probability(history)
        probabilities = (1.0 - p_new) * scores / scores.sum()
        order = np.argsort(-probabilities, kind="stable")
        return candidates[order], probabilities[order], p_new


@lru_cache(maxsize=2)
def load_ranker(path: str) -> NextShopRanker | None:
    """Once per worker; None when the model file is missing (the frequency model answers then)."""
    return NextShopRanker.load(Path(path)) if Path(path).exists() else None


def _times_of(history: History, shop: int) -> list[dt.datetime]:
    return [FROM_EPOCH + dt.timedelta(hours=float(t)) for t in history.times[history.shops == shop]]


def predict(visits: list[PastVisit], now: dt.datetime, ranker: NextShopRanker | None) -> PredictResponse:
    now = now.replace(tzinfo=None)
    history = build_history(visits)
    if ranker is None or len(history) < MIN_HISTORY:
        return frequency_model.predict(visits, now)  # honest low-confidence answer for tiny histories
    candidates, probabilities, p_new = ranker.distribution(history, hours(now))
    predictions = []
    for shop, probability in zip(candidates[:TOP_N].tolist(), probabilities[:TOP_N].tolist()):
        window = next_window(_times_of(history, shop), now)
        predictions.append(ShopPrediction(
            shop=history.names[shop], probability=round(float(probability), 4),
            expected_visit=window.expected if window else None, interval_80=window.interval_80 if window else None))
    all_times = [FROM_EPOCH + dt.timedelta(hours=float(t)) for t in history.times]
    return PredictResponse(
        predictions=predictions, new_shop_probability=round(p_new, 4), next_visit=next_window(all_times, now),
        model=ranker.name, baseline=frequency_model.MODEL_NAME, model_metrics=ranker.metrics,
        history_size=len(history), confidence="normal", warnings=[])
