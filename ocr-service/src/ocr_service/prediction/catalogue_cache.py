"""The worker's latest product catalogue, kept between requests and extended when a history only
grew at its end.

The desktop asks for the list again after every import and every correction, each time with the
whole history. Grouping its descriptions into products is most of the work (about 30 ms of a
300-ticket history's 1,900 descriptions on 2 cores), and almost all of it was done the request
before.

Invariants:
- a catalogue is a function of its descriptions in the order they were first seen: products never
  merge afterwards (`products.py`), so the catalogue of an order that begins with a cached order is
  the cached one extended by the rest, exactly what a fresh build gives;
- any other history (a ticket inserted before the newest one, a description corrected, a shorter
  or another person's history) gets a fresh catalogue, which then replaces the cached one;
- one request at a time uses the cached catalogue (`lock`): a catalogue extended by another
  request while this one reads its spellings would list spellings this history does not hold.
"""

from __future__ import annotations

import threading
from collections.abc import Iterator
from contextlib import contextmanager

from ocr_service.prediction.products import ProductCatalogue


class CatalogueCache:
    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._catalogue = ProductCatalogue()
        self._order: list[str] = []

    @contextmanager
    def catalogue_for(self, order: list[str]) -> Iterator[ProductCatalogue]:
        """The catalogue of these descriptions (stripped, distinct, in the order first seen),
        every one of them already grouped; held by this request until the block ends."""
        with self._lock:
            if order[:len(self._order)] != self._order:
                self._catalogue, self._order = ProductCatalogue(), []
            for description in order[len(self._order):]:
                self._catalogue.product_of(description)
            self._order = list(order)
            yield self._catalogue


# One per worker process: a worker serves one person's desktop.
WORKER_CATALOGUE = CatalogueCache()
