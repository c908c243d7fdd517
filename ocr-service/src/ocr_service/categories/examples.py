"""The person's own corrections, sent with each request: they override and inform the model.

A line the person categorised, or one that reads nearly the same (a ratio of at least
`NEAR_SAME` on the normalised text, such as a description that lost or gained a letter or a
size), takes the person's category outright. A line that reads as an abbreviation of one of
their examples (the catalogue lookup's rule, applied to their lines) gets their category
blended in with `EXAMPLE_WEIGHT`, above the catalogue's, because the person knows their shops.
"""

from __future__ import annotations

from functools import lru_cache

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

    def exact_or_near(self, lines: list[str]) -> list[Categorised | None]:
        """Per line, the person's category when it is one of their lines or reads nearly the same."""
        if not self._lines or not lines:
            return [None] * len(lines)
        # One ratio matrix for the whole ticket: 40 separate searches cost ten times as much.
        ratios = process.cdist(lines, self._lines, scorer=fuzz.ratio, score_cutoff=NEAR_SAME, dtype=np.uint8)
        found: list[Categorised | None] = []
        for line, row in zip(lines, ratios):
            nearest = int(np.argmax(row))
            if line in self._by_line:
                found.append(Categorised(self._by_line[line], 1.0))
            elif row[nearest] >= NEAR_SAME:
                found.append(Categorised(self._by_line[self._lines[nearest]], round(row[nearest] / 100.0, 3)))
            else:
                found.append(None)
        return found

    def answer(self, line: str, person: Categorised | None, model_row: np.ndarray) -> Categorised:
        if person is not None:
            return person
        blend(model_row, self._lookup.votes(line), EXAMPLE_WEIGHT)
        return best(model_row)


@lru_cache(maxsize=4)
def _person_examples(examples: tuple[tuple[str, str], ...]) -> PersonExamples:
    """The window sends the same corrections with every request until the person makes another:
    the reduced examples are kept for the next request instead of being rebuilt (2 ms for 500)."""
    return PersonExamples(list(examples))


def categorise(model: CategoryModel, descriptions: list[str],
               examples: list[tuple[str, str]] | None = None) -> list[Categorised]:
    """One answer per description, in order. A line with nothing left to read (only a size, only
    symbols) is Other at confidence 0."""
    person = _person_examples(tuple(examples or ()))
    lines = [normalise(d) for d in descriptions]
    taught = person.exact_or_near(lines)
    rows = model.probabilities(lines, settled=[own is not None for own in taught])
    return [person.answer(line, own, row) if line else Categorised(OTHER, 0.0)
            for line, own, row in zip(lines, taught, rows)]
