"""The category model: a character and word-prefix classifier blended with the catalogue lookup.

The classifier (TF-IDF + logistic regression, trained by `training/train_categories.py`) reads any
line, abbreviated or not; the lookup is surer when a line reads as a catalogue product, so where the
classifier is not sure and the lookup finds one, its vote is blended in with `LOOKUP_WEIGHT`.
Loaded once per worker.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

import joblib
import numpy as np
from sklearn.linear_model import LogisticRegression

from ocr_service.categories.catalogue_lookup import CatalogueLookup
from ocr_service.categories.taxonomy import CATEGORIES
from ocr_service.categories.text import LineFeatures

DEFAULT_MODEL = Path(__file__).parent / "models" / "categories-v1.joblib"

# Weight of the catalogue lookup's vote against the classifier's probabilities, where the lookup
# finds the line. Above one half the lookup decides when it is unanimous; a split vote leaves the
# classifier room. Chosen on the dev ticket lines (0.5-0.8 score alike; training/README.md).
LOOKUP_WEIGHT = 0.6
# Above this probability the classifier's answer stands without the lookup, which is most of the
# time a request takes. On the dev lines no answer changes with the cut anywhere from 0.9 to 1.0;
# at 0.95 half the lines skip the lookup (training/README.md).
CLASSIFIER_SURE = 0.95


@dataclass(frozen=True)
class Categorised:
    category: str
    confidence: float


@dataclass
class CategoryModel:
    vectoriser: LineFeatures
    classifier: LogisticRegression  # imported, not only unpickled: the installer's freezer follows imports
    lookup: CatalogueLookup
    name: str
    metrics: dict[str, float] = field(default_factory=dict)

    def __post_init__(self) -> None:
        # The classifier's weights laid out for (lines x features) @ (features x classes): the
        # transposed view of coef_ would be copied (11 MB) on every request.
        self._weights = np.ascontiguousarray(self.classifier.coef_.T)
        self._columns = [_COLUMN[c] for c in self.classifier.classes_]

    @classmethod
    def load(cls, path: Path) -> CategoryModel:
        bundle = joblib.load(path)
        return cls(bundle["vectoriser"], bundle["classifier"], CatalogueLookup(bundle["lookup"]),
                   bundle["name"], bundle.get("metrics", {}))

    def probabilities(self, normalised_lines: list[str], settled: list[bool] | None = None) -> np.ndarray:
        """One row per line, one column per entry of `CATEGORIES`. Lines marked `settled` (the
        person's own) are not looked up in the catalogue: their answer is known already."""
        rows = np.zeros((len(normalised_lines), len(CATEGORIES)))
        if not normalised_lines:
            return rows
        rows[:, self._columns] = softmax(self.vectoriser.transform(normalised_lines) @ self._weights
                                         + self.classifier.intercept_)
        for row, line, known in zip(rows, normalised_lines, settled or [False] * len(normalised_lines)):
            if not known and row.max() < CLASSIFIER_SURE:
                blend(row, self.lookup.votes(line), LOOKUP_WEIGHT)
        return rows


def softmax(scores: np.ndarray) -> np.ndarray:
    """The multinomial logistic regression's probabilities from its scores, as `predict_proba`
    computes them, without its per-call input validation (a test holds the two equal)."""
    shifted = np.exp(scores - scores.max(axis=1, keepdims=True))
    return np.asarray(shifted / shifted.sum(axis=1, keepdims=True))


_COLUMN = {category: column for column, category in enumerate(CATEGORIES)}


def blend(row: np.ndarray, votes: Counter[str], weight: float) -> None:
    """Mixes a vote over categories into a probability row, in place (nothing when nobody voted)."""
    total = sum(votes.values())
    if total:
        row *= 1.0 - weight
        for category, count in votes.items():
            row[_COLUMN[category]] += weight * count / total


def best(row: np.ndarray) -> Categorised:
    top = int(np.argmax(row))
    return Categorised(CATEGORIES[top], round(float(row[top]), 3))


@lru_cache(maxsize=2)
def load_category_model(path: str) -> CategoryModel:
    """Once per worker. The model ships inside the package: a missing file is a broken install."""
    return CategoryModel.load(Path(path))
