"""Line items between the column header and the first total.

A line that ends in an amount is an item (or, when negative or worded as one, a discount).
Lines without an amount wait: when the next priced line has no description of its own (a
weight line '0,838 kg 1,99 €/kg 1,67', a quantity line '2 ud 0,69 € 1,38 €'), the waiting
lines are its name: weighed items on two lines and names wrapped over several lines.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from decimal import Decimal

from ocr_service.extraction.parsing import payment
from ocr_service.extraction.parsing.amounts import AMOUNT_PATTERN, parse_amount, trailing_amount

COLUMN_HEADER = re.compile(r"DESCRIPCI[OÓ]N|ART[IÍ]CULO|CONCEPTO|\bDESC(?:RIPTION)?\b|\bITEM\b|\bCANT(?:IDAD)?\b|"
                           r"\bQTY\b|P\.\s?UNIT|\bIMPORTE\b|\bAMOUNT\b|\bPRECIO\b|\bPRICE\b")
REGION_END = re.compile(r"\bTOTAL\b|\bSUBTOTAL\b|\bSUB\s+TOTAL\b|\bA\s+PAGAR\b|\bBASE\s+IMPONIBLE\b|ENTREGADO|"
                        r"\bTOTAL\s+VENTA\b|^\s*-{5,}\s*$|^\s*={5,}\s*$|\bROUNDING\b|\bGST\s+SUMMARY\b")
DISCOUNT_WORDS = re.compile(r"\bDTO\b|DESCUENTO|\bDESC\.|PROMO|CUP[OÓ]N|\bAHORRO\b|\bDISCOUNT\b|\bREBAJA\b|"
                            r"\bOFERTA\b|\bVALE\b|^\s*\d{1,2}\s?%")
# Department headers printed above a group of items (Mercadona's PESCADO, for example).
SECTION = re.compile(r"^\s*(PESCADO|PESCADER[IÍ]A|CARNE|CARNICER[IÍ]A|FRUTA|FRUTER[IÍ]A|CHARCUTER[IÍ]A|"
                     r"PANADER[IÍ]A|PERFUMER[IÍ]A|DROGUER[IÍ]A|BEBIDAS|CONGELADOS|L[AÁ]CTEOS|VARIOS|"
                     r"ALIMENTACI[OÓ]N|BAZAR|TEXTIL|PARKING|ENTRADA.*SALIDA.*)\s*$")
# "0,838 kg 1,99 €/kg", "2 ud 0,69 €", "6 x ( 0,95 )", "2 X 1,50": quantity and unit price, no name.
QUANTITY_ONLY = re.compile(
    rf"^\s*(?P<qty>\d+(?:[.,]\d{{1,3}})?)\s*(?P<unit>kg|g|gr|l|lt|ud|uds|u|un|pcs|pc)?\.?\s*(?:[xX*]\s*)?\(?\s*"
    rf"(?P<price>{AMOUNT_PATTERN})\s*\)?\s*(?:€|EUR)?\s*(?:/\s*(?:kg|ud|u|l))?\s*$",
    re.IGNORECASE,
)
# "NAME 2 ud 0,89 €" / "NAME 0,469kg 6,99 €/kg" / "NAME 2 x 0,95"
NAME_QUANTITY = re.compile(
    rf"^(?P<desc>.*?\S)\s+(?P<qty>\d+(?:[.,]\d{{1,3}})?)\s*(?P<unit>kg|g|gr|l|ud|uds|u|un|pcs|x)\.?\s*(?:[xX*@]\s*)?\(?\s*"
    rf"(?P<price>{AMOUNT_PATTERN})\s*\)?\s*(?:€|EUR)?\s*(?:/\s*(?:kg|ud|u|l))?\s*$",
    re.IGNORECASE,
)
# A priced line that is no product: how it was paid ("TARJETA BANCARIA 9,80", "EFECTIVO 20,00"), or
# a total whose word OCR cut short ("TOT 47,72"), which the region's end (a whole TOTAL) misses.
TOTAL_STUB = re.compile(r"^\W*T[O0]T\b\.?:?(\s|$)")
LEADING_QUANTITY = re.compile(r"^\s*(?P<qty>\d{1,3})\s+(?P<rest>\S.*)$")
NAME_UNIT_PRICE = re.compile(rf"^(?P<desc>.*?\S)\s+(?P<price>{AMOUNT_PATTERN})\s*(?:€)?$")
WEIGHT_UNITS = {"kg", "g", "gr", "l", "lt"}


@dataclass
class ParsedItem:
    description: str
    amount: Decimal
    quantity: Decimal | None = None
    unit: str | None = None
    unit_price: Decimal | None = None


@dataclass
class ItemsReading:
    items: list[ParsedItem]
    discounts: list[ParsedItem]


def _qty(text: str) -> Decimal:
    return Decimal(text.replace(",", "."))


def _unit(raw: str | None) -> str | None:
    if not raw:
        return None
    raw = raw.lower()
    return {"gr": "g", "lt": "l"}.get(raw, raw) if raw in WEIGHT_UNITS else None


def region(lines: list[str]) -> tuple[int, int]:
    """[start, end) of the item lines: after the column header (if any) up to the first total."""
    start = 0
    for index, line in enumerate(lines[:40]):
        words = COLUMN_HEADER.findall(line.upper())
        alone = len(words) == 1 and len(line.split()) == 1
        if (len(words) >= 2 or alone) and trailing_amount(line) is None:
            start = index + 1
            break
    end = len(lines)
    seen_priced = False
    for index in range(start, len(lines)):
        upper = lines[index].upper()
        if REGION_END.search(upper):
            if seen_priced:
                end = index
                break
            continue
        seen_priced = seen_priced or trailing_amount(lines[index]) is not None
    return start, end


def _name(waiting: list[str]) -> str:
    kept = [w for w in waiting if not SECTION.match(w.upper())]
    if kept:
        first = LEADING_QUANTITY.match(kept[0])
        if first and not re.match(r"^\d+[.,]", kept[0].strip()):
            kept[0] = first.group("rest")
    return " ".join(" ".join(kept).split())


def _parse_priced(before: str, amount: Decimal, waiting: list[str], leading_qty_layout: bool) -> ParsedItem | None:
    only = QUANTITY_ONLY.match(before)
    if only:
        name = _name(waiting)
        if not name:
            return None
        return ParsedItem(name, amount, _qty(only["qty"]), _unit(only["unit"]), parse_amount(only["price"]))
    named = NAME_QUANTITY.match(before)
    if named and named["unit"]:
        unit = _unit(named["unit"])
        return ParsedItem(" ".join(named["desc"].split()), amount, _qty(named["qty"]), unit, parse_amount(named["price"]))
    quantity, unit_price, description = None, None, before
    leading = LEADING_QUANTITY.match(before) if leading_qty_layout else None
    if leading:
        quantity, description = Decimal(leading["qty"]), leading["rest"]
        with_price = NAME_UNIT_PRICE.match(description)
        if with_price and quantity > 1:
            description, unit_price = with_price["desc"], parse_amount(with_price["price"])
        elif quantity >= 1:
            unit_price = (amount / quantity).quantize(Decimal("0.01"))
    description = " ".join(description.split()).strip(" .:-")
    if not re.search(r"[A-Za-zÀ-ÿ]", description):
        return None
    return ParsedItem(description, amount, quantity, None, unit_price)


def read_items(lines: list[str]) -> ItemsReading:
    start, end = region(lines)
    body = lines[start:end]
    priced = [trailing_amount(line) for line in body]
    # Does this ticket print a quantity column first? Judged on lines that carry their own name.
    named = [p for p in priced if p and not QUANTITY_ONLY.match(p[1])]
    leading = [p for p in named if LEADING_QUANTITY.match(p[1])]
    leading_qty_layout = len(leading) >= max(1, 0.6 * len(named))
    items: list[ParsedItem] = []
    discounts: list[ParsedItem] = []
    waiting: list[str] = []
    for line, found in zip(body, priced):
        if found is None:
            if line.strip():
                waiting.append(line.strip())
            continue
        amount, before = found
        if amount < 0 or (DISCOUNT_WORDS.search(before.upper()) and not QUANTITY_ONLY.match(before)):
            description = " ".join(before.split()) or "DESCUENTO"
            discounts.append(ParsedItem(description, -abs(amount)))
            waiting = []
            continue
        upper = before.upper()
        if payment.CARD.search(upper) or payment.CASH.search(upper) or TOTAL_STUB.match(upper):
            waiting = []
            continue
        item = _parse_priced(before, amount, waiting, leading_qty_layout)
        waiting = []
        if item:
            items.append(item)
    return ItemsReading(items, discounts)
