"""Looks a ticket line up in the product catalogue the way a person reads an abbreviation.

A line matches a product when its first word begins the product's first word and each further
word begins a later word of the name, in order ("T POLLO NATURAL" matches "TIRAS PECHUGA POLLO
NATURAL"). Of the products matched, only the tightest count (the fewest name words left
unmatched), and their sections are the lookup's vote. Pack words on a ticket (BOLSA, BANDEJA)
say how the product is sold, not what it is, so they are skipped.
"""

from __future__ import annotations

from bisect import bisect_left
from collections import Counter, defaultdict
from collections.abc import Iterable

PACK_WORDS = frozenset({"BOLSA", "GRANEL", "BANDEJA", "LOTE", "PACK", "MALLA", "ENVASADO", "PIEZA", "UNIDAD"})


class CatalogueLookup:
    """Normalised product names grouped by their first word; the first words sorted, so that the
    names whose first word begins with a line's first word are one binary search away."""

    def __init__(self, products: Iterable[tuple[str, str]]) -> None:
        by_head: dict[str, list[tuple[list[str], str]]] = defaultdict(list)
        count = 0
        for normalised_name, section in products:
            words = normalised_name.split()
            if words:
                by_head[words[0]].append((words[1:], section))
                count += 1
        self._heads = sorted(by_head)
        # Shortest names first: once a match is found, a longer name of the same head cannot be tighter.
        self._names = [sorted(by_head[head], key=lambda name: len(name[0])) for head in self._heads]
        self._count = count

    def __len__(self) -> int:
        return self._count

    def votes(self, normalised_line: str) -> Counter[str]:
        """Sections of the tightest matching products, with how many products voted; empty if none."""
        words = [w for w in normalised_line.split() if w not in PACK_WORDS]
        if not words:
            return Counter()
        head, rest = words[0], words[1:]
        tightest: int | None = None
        votes: Counter[str] = Counter()
        at = bisect_left(self._heads, head)
        while at < len(self._heads) and self._heads[at].startswith(head):
            for tail, section in self._names[at]:
                left_over = len(tail) - len(rest)
                if tightest is not None and left_over > tightest:
                    break
                if rest and not _reads_as(rest, tail):
                    continue
                if tightest is None or left_over < tightest:
                    tightest, votes = left_over, Counter()
                if left_over == tightest:
                    votes[section] += 1
            at += 1
        return votes


def _reads_as(words: list[str], tail: list[str]) -> bool:
    """Each word begins a word of the name's tail, in order."""
    at = 0
    for word in words:
        while at < len(tail) and not tail[at].startswith(word):
            at += 1
        if at == len(tail):
            return False
        at += 1
    return True
