"""A user's visit history as the models see it: canonical shop names, sorted, de-duplicated."""

from __future__ import annotations

import datetime as dt
import re
import unicodedata
from dataclasses import dataclass

import numpy as np

from ocr_service.schemas import PastVisit

# Words that name a branch or the company form rather than the shop ("MERCADONA S.A.", "DIA - C/ MAYOR").
_NOISE = re.compile(r"\b(S\.?\s?A\.?U?|S\.?\s?L\.?U?|SDN\.?\s?BHD|LTD|INC|SUPERMERCADOS?|HIPERMERCADOS?)\b\.?")
EPOCH = dt.datetime(2000, 1, 1)


def canonical_shop(name: str) -> str:
    """'Mercadona, S.A.' and 'MERCADONA' are the same shop; OCR accents and spacing do not matter."""
    text = unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode().upper()
    text = _NOISE.sub(" ", text)
    text = re.sub(r"[^A-Z0-9]+", " ", text)
    return " ".join(text.split()) or name.strip().upper()


def hours(moment: dt.datetime) -> float:
    if moment.tzinfo is not None:  # compare wall-clock times: visits and "now" are local
        moment = moment.replace(tzinfo=None)
    return (moment - EPOCH).total_seconds() / 3600


@dataclass
class History:
    """Visits in time order: `times` in hours since 2000, `shops` as indexes into `names`."""

    times: np.ndarray
    shops: np.ndarray
    totals: np.ndarray
    names: list[str]  # display name of each canonical shop: its first spelling in the history
    keys: list[str]

    def __len__(self) -> int:
        return len(self.times)

    def prefix(self, size: int) -> History:
        """The first `size` visits (shop indexes stay valid: they are numbered by first visit)."""
        shops = self.shops[:size]
        known = int(shops.max()) + 1 if size else 0
        return History(self.times[:size], shops, self.totals[:size], self.names[:known], self.keys[:known])


def build_history(visits: list[PastVisit]) -> History:
    rows = sorted({(hours(v.datetime), canonical_shop(v.shop), v.shop.strip(),
                    float(v.total) if v.total is not None else float("nan")) for v in visits},
                  key=lambda r: (r[0], r[1]))
    index: dict[str, int] = {}
    names: list[str] = []
    shops, times, totals = [], [], []
    seen_at: set[tuple[float, str]] = set()
    for when, key, display, total in rows:
        if (when, key) in seen_at:  # the same visit sent twice
            continue
        seen_at.add((when, key))
        if key not in index:
            index[key] = len(names)
            names.append(display)
        shops.append(index[key])
        times.append(when)
        totals.append(total)
    return History(np.array(times, dtype=float), np.array(shops, dtype=np.int64), np.array(totals, dtype=float),
                   names, list(index))
