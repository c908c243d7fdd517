"""Where on the page each field was read, so that the review can show it.

The parsers work on text; the engines (and PDFium, for a text layer) know where each printed line
is. Once the fields are chosen, each is matched back to the line of the first reading that prints
it: the amount (on the line that says total most clearly), the date as the date rules read it, the
tax ID with its punctuation ignored, the shop's name and each item by its words and amount, the
items in their printed order. A field no line prints (read only by a second look, or worked out
from other amounts) gets no box rather than a guessed one.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from decimal import Decimal

from rapidfuzz import fuzz

from ocr_service.extraction.ocr.geometry import RelativeBox
from ocr_service.extraction.parsing import dates, totals
from ocr_service.extraction.parsing.amounts import amounts_in
from ocr_service.extraction.parsing.items import ParsedItem
from ocr_service.extraction.parsing.receipt import Receipt

# How alike (rapidfuzz partial ratio, 0-100) a line must be to the shop's name or an item's
# description to be where it was read: OCR slips a letter or two, a ticket abbreviates.
SHOP_SIMILARITY = 80
ITEM_SIMILARITY = 70
# The shop's name is printed in the head of the ticket.
SHOP_HEAD_LINES = 15
# A line that holds the total but no total word (the card payment, an amount alone) is still where
# it was read, below every worded total line.
UNWORDED_TOTAL_SCORE = 0.1


@dataclass(frozen=True)
class LocatedLine:
    page: int
    text: str
    box: RelativeBox


@dataclass(frozen=True)
class Located:
    page: int
    box: RelativeBox


@dataclass
class FieldLocations:
    fields: dict[str, Located]
    items: list[Located | None]
    discounts: list[Located | None]
    taxes: list[Located | None]


def _at(line: LocatedLine | None) -> Located | None:
    return None if line is None else Located(line.page, line.box)


def _first(lines: Sequence[LocatedLine], matches: Callable[[LocatedLine], bool]) -> LocatedLine | None:
    return next((line for line in lines if matches(line)), None)


def _total_words(text: str) -> float:
    upper = text.upper()
    if totals.NOT_A_TOTAL.search(upper):
        return 0.0
    return max((weight for pattern, weight in totals.KEYWORDS if pattern.search(upper)), default=UNWORDED_TOTAL_SCORE)


def total_line(lines: Sequence[LocatedLine], total: Decimal | None) -> LocatedLine | None:
    """The line that prints the total, the most clearly worded one first, then the tallest (Spanish
    tickets print the total in double-height figures), then the first."""
    if total is None:
        return None
    holding = [line for line in lines if total in amounts_in(line.text)]
    if not holding:
        return None
    return max(holding, key=lambda line: (_total_words(line.text), line.box[3] - line.box[1]))


def _date_line(lines: Sequence[LocatedLine], receipt: Receipt, month_first: bool) -> LocatedLine | None:
    if receipt.date is None:
        return None

    def prints_date(line: LocatedLine) -> bool:
        found = dates.find_date([line.text], month_first)
        return found is not None and found[0] == receipt.date

    return _first(lines, prints_date)


def _squeezed(text: str) -> str:
    return re.sub(r"[^0-9A-Z]", "", text.upper())


def _tax_id_line(lines: Sequence[LocatedLine], tax_id: str | None) -> LocatedLine | None:
    if not tax_id:
        return None
    wanted = _squeezed(tax_id)
    return _first(lines, lambda line: wanted in _squeezed(line.text))


def _time_line(lines: Sequence[LocatedLine], time: str | None) -> LocatedLine | None:
    if not time:
        return None
    hour, minute = time.split(":")
    pattern = re.compile(rf"(?<!\d)0?{int(hour)}\s?[:.hH]\s?{minute}(?!\d)")
    return _first(lines, lambda line: pattern.search(line.text) is not None)


def _shop_line(lines: Sequence[LocatedLine], name: str | None) -> LocatedLine | None:
    if not name:
        return None
    head = list(lines[:SHOP_HEAD_LINES])
    scored = [(fuzz.partial_ratio(name.upper(), line.text.upper()), -index, line) for index, line in enumerate(head)]
    best = max(scored, default=None, key=lambda s: (s[0], s[1]))
    return best[2] if best is not None and best[0] >= SHOP_SIMILARITY else None


def _item_lines(lines: Sequence[LocatedLine], items: Sequence[ParsedItem]) -> list[Located | None]:
    """Each item on the first line at or after the previous item's that holds its amount and
    words like its description: printed order, so two lines of the same product stay apart."""
    found: list[Located | None] = []
    cursor = 0
    for item in items:
        wanted = item.description.upper()
        at = None
        for index in range(cursor, len(lines)):
            text = lines[index].text
            if abs(item.amount) in [abs(a) for a in amounts_in(text)] and \
                    fuzz.partial_ratio(wanted, text.upper()) >= ITEM_SIMILARITY:
                at = index
                break
        found.append(None if at is None else _at(lines[at]))
        if at is not None:
            cursor = at + 1
    return found


def _tax_lines(lines: Sequence[LocatedLine], receipt: Receipt) -> list[Located | None]:
    """Each VAT row on the first line that prints both its base and its quota."""
    found = []
    for row in receipt.taxes:
        wanted = {row.base, row.amount}
        found.append(_at(next((line for line in lines if wanted <= set(amounts_in(line.text))), None)))
    return found


def locate(receipt: Receipt, lines: Sequence[LocatedLine], month_first: bool = False) -> FieldLocations:
    fields = {
        "shop": _shop_line(lines, receipt.shop.name),
        "tax_id": _tax_id_line(lines, receipt.shop.tax_id),
        "date": _date_line(lines, receipt, month_first),
        "time": _time_line(lines, receipt.time),
        "total": total_line(lines, receipt.total),
    }
    return FieldLocations(
        fields={name: Located(line.page, line.box) for name, line in fields.items() if line is not None},
        items=_item_lines(lines, receipt.items),
        discounts=_item_lines(lines, receipt.discounts),
        taxes=_tax_lines(lines, receipt),
    )
