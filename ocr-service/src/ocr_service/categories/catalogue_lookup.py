"""Looks a ticket line up in the product catalogue the way a person reads an abbreviation.

A line matches a product when its first word begins the product's first word and each further
word begins a later word of the name, in order ("T POLLO NATURAL" matches "TIRAS PECHUGA POLLO
NATURAL"). Of the products matched, only the tightest count (the fewest name words left
unmatched), and their sections are the lookup's vote. Pack words on a ticket (BOLSA, BANDEJA)
say how the product is sold, not what it is, so they are skipped.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Iterable

PACK_WORDS = frozenset({"BOLSA", "GRANEL", "BANDEJA", "LOTE", "PACK", "MALLA", "ENVASADO", "PIEZA", "UNIDAD"})


# Names are indexed by the first letters of their first word: a ticket's first word is rarely cut
# below three letters, and the few that are ("T POLLO", "Q CREMOSO") fall back to the first letter.
_KEY_LENGTHS = (3, 1)


class CatalogueLookup:
    """Normalised product names by the start of their first word, each with its catalogue section."""

    def __init__(self, products: Iterable[tuple[str, str]]) -> None:
        self._names: list[tuple[list[str], str]] = []
        self._by_start: dict[str, list[int]] = defaultdict(list)
        for normalised_name, section in products:
            words = normalised_name.split()
            if words:
                for length in _KEY_LENGTHS:
                    self._by_start[words[0][:length]].append(len(self._names))
                self._names.append((words, section))

    def __len__(self) -> int:
        return len(self._names)

    def votes(self, normalised_line: str) -> Counter[str]:
        """Sections of the tightest matching products, with how many products voted; empty if none."""
        words = [w for w in normalised_line.split() if w not in PACK_WORDS]
        if not words:
            return Counter()
        tightest: int | None = None
        votes: Counter[str] = Counter()
        key = words[0][:_KEY_LENGTHS[0]] if len(words[0]) >= _KEY_LENGTHS[0] else words[0][0]
        for index in self._by_start.get(key, ()):
            name, section = self._names[index]
            if not _reads_as(words, name):
                continue
            left_over = len(name) - len(words)
            if tightest is None or left_over < tightest:
                tightest, votes = left_over, Counter()
            if left_over == tightest:
                votes[section] += 1
        return votes


def _reads_as(words: list[str], name: list[str]) -> bool:
    if not name[0].startswith(words[0]):
        return False
    at = 1
    for word in words[1:]:
        while at < len(name) and not name[at].startswith(word):
            at += 1
        if at == len(name):
            return False
        at += 1
    return True
