"""The category model: a character and word-prefix classifier blended with the catalogue lookup.

The classifier (TF-IDF + logistic regression, trained by `training/train_categories.py`) reads any
line, abbreviated or not; the lookup is surer when a line reads as a catalogue product, so where it
finds one its vote is blended in with `LOOKUP_WEIGHT`. Loaded once per worker.
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

    @classmethod
    def load(cls, path: Path) -> CategoryModel:
        bundle = joblib.load(path)
        return cls(bundle["vectoriser"], bundle["classifier"], CatalogueLookup(bundle["lookup"]),
                   bundle["name"], bundle.get("metrics", {}))

    def probabilities(self, normalised_lines: list[str]) -> np.ndarray:
        """One row per line, one column per entry of `CATEGORIES`."""
        rows = np.zeros((len(normalised_lines), len(CATEGORIES)))
        if not normalised_lines:
            return rows
        columns = [_COLUMN[c] for c in self.classifier.classes_]
        rows[:, columns] = self.classifier.predict_proba(self.vectoriser.transform(normalised_lines))
        for row, line in zip(rows, normalised_lines):
            blend(row, self.lookup.votes(line), LOOKUP_WEIGHT)
        return rows


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
