"""Whether a picture is a ticket at all: a cat, a blank page or a screenshot of something else is
answered as "not a ticket", never as a ticket with invented fields.

A ticket, however badly read, prints money: a total the parser found, or at least items among
several amounts with two decimals. A photo without either cannot be turned into a ticket, and saying
so lets the person see why and retry with a better picture. (A found total is enough on its own: a
one-item ticket whose other figures OCR garbled is still a ticket.)
"""

from __future__ import annotations

from ocr_service.errors import Unprocessable
from ocr_service.extraction.parsing.amounts import amounts_in
from ocr_service.extraction.parsing.receipt import Receipt

# Two amounts is the least a ticket prints (an item and the total, often the same figure twice).
MIN_AMOUNTS = 2


def is_ticket(receipt: Receipt, text: str) -> bool:
    return receipt.total is not None or (len(amounts_in(text)) >= MIN_AMOUNTS and bool(receipt.items))


def refuse_unless_ticket(receipt: Receipt, texts: list[str], file_name: str) -> None:
    """Raises `not_a_ticket` (422) when no reading of an OCR'd picture shows a ticket."""
    if not any(is_ticket(receipt, text) for text in texts):
        found = "no text" if not any(t.strip() for t in texts) else "no prices or total"
        raise Unprocessable(
            f"'{file_name}' does not look like a shopping ticket: {found} could be read in it. "
            "If it is one, try a sharper photo with the whole ticket in the frame.",
            code="not_a_ticket")
