"""The person's own corrections, sent with each request: they override and inform the model.

A line the person categorised, or one that reads nearly the same (a ratio of at least
`NEAR_SAME` on the normalised text, such as a description that lost or gained a letter or a
size), takes the person's category outright. A line that reads as an abbreviation of one of
their examples (the catalogue lookup's rule, applied to their lines) gets their category
blended in with `EXAMPLE_WEIGHT`, above the catalogue's, because the person knows their shops.
"""

from __future__ import annotations

import numpy as np
from rapidfuzz import fuzz, process

from ocr_service.categories.catalogue_lookup import CatalogueLookup
from ocr_service.categories.model import Categorised, CategoryModel, best, blend
from ocr_service.categories.taxonomy import OTHER
from ocr_service.categories.text import normalise

NEAR_SAME = 90.0
EXAMPLE_WEIGHT = 0.8


class PersonExamples:
    def __init__(self, examples: list[tuple[str, str]]) -> None:
        # A later example of the same line wins: the list is in the order the person corrected.
        self._by_line: dict[str, str] = {}
        for description, category in examples:
            line = normalise(description)
            if line:
                self._by_line[line] = category
        self._lines = list(self._by_line)
        self._lookup = CatalogueLookup(self._by_line.items())

    def exact_or_near(self, line: str) -> Categorised | None:
        if line in self._by_line:
            return Categorised(self._by_line[line], 1.0)
        found = process.extractOne(line, self._lines, scorer=fuzz.ratio, score_cutoff=NEAR_SAME)
        if found is None:
            return None
        return Categorised(self._by_line[found[0]], round(found[1] / 100.0, 3))

    def answer(self, line: str, model_row: np.ndarray) -> Categorised:
        person = self.exact_or_near(line)
        if person is not None:
            return person
        blend(model_row, self._lookup.votes(line), EXAMPLE_WEIGHT)
        return best(model_row)


def categorise(model: CategoryModel, descriptions: list[str],
               examples: list[tuple[str, str]] | None = None) -> list[Categorised]:
    """One answer per description, in order. A line with nothing left to read (only a size, only
    symbols) is Other at confidence 0."""
    person = PersonExamples(examples or [])
    lines = [normalise(d) for d in descriptions]
    rows = model.probabilities(lines)
    return [person.answer(line, row) if line else Categorised(OTHER, 0.0) for line, row in zip(lines, rows)]
