"""One product under its many spellings: "LECHE ENTERA 6", "LECHE ENT. HACENDADO" and
"Leche entera" on three tickets of two shops are one product that the person buys again.

Invariants:
- a description is reduced to its words (accents, case, punctuation, quantities, units and
  pack sizes dropped), so the spellings of one till and one line count as one;
- two descriptions are one product when they start with the same word (tickets name the product
  first: "LECHE", "YOGUR") and every word of the shorter one is a word of the longer one or an
  abbreviation of it ("ENT." of "ENTERA"), with at least two such words unless both are one word;
  brand words the shorter one lacks do not part them ("HACENDADO");
- a description joins the first product, in the order of the history, that it matches; products
  never merge afterwards, so the grouping is stable as the history grows at its end;
- only products that share the start of the first word and of one more word are compared (an
  index), so grouping 1,500 products costs milliseconds, not a comparison of every pair.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field
from functools import lru_cache

# A quantity, a unit or a pack size is not a word of the product's name: "1L", "500G", "6X1", "2UD".
_MEASURE = re.compile(r"^\d+([.,]\d+)?(X\d+)?(G|GR|KG|ML|CL|L|LT|UDS?|U|UN|PACK|P)?$|^X\d+$")
# An abbreviation is at least this long ("ENT" of "ENTERA"; "E" could be anything).
MIN_ABBREVIATION = 3


# A worker sees one person's descriptions again and again (the history is sent whole each time).
@lru_cache(maxsize=32_768)
def words(description: str) -> tuple[str, ...]:
    text = unicodedata.normalize("NFKD", description).encode("ascii", "ignore").decode().upper()
    tokens = re.split(r"[^A-Z0-9]+", text)
    return tuple(t for t in tokens if len(t) > 1 and not _MEASURE.match(t))


def _alike(a: str, b: str) -> bool:
    if a == b:
        return True
    short, long = (a, b) if len(a) <= len(b) else (b, a)
    return len(short) >= MIN_ABBREVIATION and long.startswith(short)


def same_product(a: tuple[str, ...], b: tuple[str, ...]) -> bool:
    if not a or not b or not _alike(a[0], b[0]):
        return False
    shorter, longer = (a, b) if len(a) <= len(b) else (b, a)
    if len(shorter) == 1:
        return len(longer) == 1
    free = list(longer)
    for word in shorter:
        match = next((w for w in free if _alike(word, w)), None)
        if match is None:
            return False
        free.remove(match)
    return True


@dataclass
class Product:
    key: int
    spellings: list[str] = field(default_factory=list)
    forms: list[tuple[str, ...]] = field(default_factory=list)
    starts: list[frozenset[str]] = field(default_factory=list)  # each form's words cut to MIN_ABBREVIATION


class ProductCatalogue:
    """The person's products, grouped from the descriptions in the order they come."""

    def __init__(self) -> None:
        self.products: list[Product] = []
        self._by_spelling: dict[str, int | None] = {}
        self._by_form: dict[tuple[str, ...], int] = {}
        # Products by the first three letters of their first word and of one other word: a
        # description can only be a product that shares its first word's start and one more word's
        # start (or its only word), so it is compared with those alone.
        self._by_starts: dict[tuple[str, str], set[int]] = {}

    def product_of(self, description: str) -> int | None:
        """The key of the description's product (a new one when none matches); None when the
        description has no word (an amount, a code)."""
        spelled = description.strip()
        if spelled in self._by_spelling:
            return self._by_spelling[spelled]
        form = words(spelled)
        key = None if not form else self._by_form[form] if form in self._by_form else self._match(form)
        self._by_spelling[spelled] = key
        if key is None:
            return None
        product = self.products[key]
        product.spellings.append(spelled)
        if form not in self._by_form:
            product.forms.append(form)
            product.starts.append(frozenset(w[:MIN_ABBREVIATION] for w in form))
            self._by_form[form] = key
            for start in _starts(form):
                self._by_starts.setdefault(start, set()).add(key)
        return key

    def _match(self, form: tuple[str, ...]) -> int:
        """The first product the form is a spelling of, else a new product."""
        starts = [self._by_starts[start] for start in _starts(form) if start in self._by_starts]
        if starts:
            shortened = frozenset(w[:MIN_ABBREVIATION] for w in form)
            for key in sorted(set().union(*starts)):
                product = self.products[key]
                # The starts first: set operations are cheap.
                if any((shortened <= s or s <= shortened) and same_product(form, f)
                       for f, s in zip(product.forms, product.starts, strict=True)):
                    return key
        self.products.append(Product(len(self.products)))
        return len(self.products) - 1


def _starts(form: tuple[str, ...]) -> list[tuple[str, str]]:
    head = form[0][:MIN_ABBREVIATION]
    return [(head, word[:MIN_ABBREVIATION]) for word in form[1:]] or [(head, "")]
