"""All fields of one ticket, cross-checked: the arithmetic between total, items, VAT and payment
chooses between candidate readings and sets each field's confidence."""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any

from ocr_service.extraction.parsing import conventions, dates, items, payment, shop, total_choice, totals, vat
from ocr_service.extraction.parsing.amounts import close
from ocr_service.extraction.parsing.items import ParsedItem

# Lines sold outside VAT (charity donations, deposits): the VAT table does not include them.
OUTSIDE_VAT = re.compile(r"DONACI[OÓ]N|DONATION|FIANZA|DEP[OÓ]SITO|\bDEPOSIT\b", re.IGNORECASE)
CURRENCIES = ((re.compile(r"€|\bEUR\b|\bEUROS?\b"), "EUR"), (re.compile(r"\bRM\s?\d|\bMYR\b|\bRM\b"), "MYR"),
              (re.compile(r"£|\bGBP\b"), "GBP"), (re.compile(r"\bUSD\b|US\$"), "USD"))


@dataclass
class Receipt:
    shop: shop.ShopReading
    date: dt.date | None = None
    time: str | None = None
    currency: str | None = None
    total: Decimal | None = None
    items: list[ParsedItem] = field(default_factory=list)
    discounts: list[ParsedItem] = field(default_factory=list)
    taxes: list[vat.VatRow] = field(default_factory=list)
    payment_method: str | None = None
    invoice_number: str | None = None
    confidence: dict[str, float] = field(default_factory=dict)
    checks: dict[str, bool | None] = field(default_factory=dict)
    warnings: list[str] = field(default_factory=list)


def _currency(text: str) -> str | None:
    for pattern, code in CURRENCIES:
        if pattern.search(text.upper()):
            return code
    return None


@dataclass
class _Reading:
    """What one text of the ticket says, before the total is chosen."""

    receipt: Receipt
    lines: list[str]
    items_net: Decimal | None
    taxes_sum: Decimal | None


def _read(text: str) -> _Reading:
    lines = [line.rstrip() for line in text.splitlines() if line.strip()]
    reading = Receipt(shop=shop.read_shop(lines))
    found_date = dates.find_date(lines, conventions.month_first(text))
    if found_date:
        reading.date = found_date[0]
        reading.confidence["date"] = 0.95
    reading.time = dates.find_time(lines, found_date[1] if found_date else None)
    reading.currency = _currency(text)
    found_items = items.read_items(lines)
    reading.items, reading.discounts = found_items.items, found_items.discounts
    reading.taxes = vat.read_vat_table(lines)
    items_net = (sum((i.amount for i in reading.items), Decimal(0)) + sum((d.amount for d in reading.discounts),
                                                                              Decimal(0))) if reading.items else None
    outside_vat = sum((i.amount for i in reading.items if OUTSIDE_VAT.search(i.description)), Decimal(0))
    taxes_sum = sum((t.base + t.amount for t in reading.taxes), outside_vat) if reading.taxes else None
    reading.payment_method = payment.find_payment_method(text)
    reading.invoice_number = payment.find_invoice_number(lines)
    if reading.shop.name:
        reading.confidence["shop"] = reading.shop.confidence
    return _Reading(reading, lines, items_net, taxes_sum)


def _checks(reading: _Reading, total: Decimal | None) -> dict[str, bool | None]:
    taxes = reading.receipt.taxes
    return {
        "items_sum_matches_total": close(reading.items_net, total) if reading.items_net is not None and total else None,
        "taxes_match_total": close(reading.taxes_sum, total, Decimal("0.02") * max(1, len(taxes)))
        if reading.taxes_sum is not None and total else None,
    }


def _agreed_date(readings: list[_Reading]) -> _Reading:
    """The reading whose date most readings share (the first one on a tie)."""
    found = [r.receipt.date for r in readings]
    return max(readings, key=lambda r: (r.receipt.date is not None, found.count(r.receipt.date)))


def parse_receipt(text: str) -> Receipt:
    return parse_readings([text])


def parse_readings(texts: list[str]) -> Receipt:
    """One ticket from one or more readings of it (OCR of differently prepared images): the total
    is weighed over the evidence of all of them, the date is the one they agree on, the shop the
    one read with the most confidence, and the items and VAT come from the reading that adds up
    with that total."""
    readings = [_read(text) for text in texts]
    chosen = total_choice.choose_total([total_choice.Reading(r.lines, r.items_net, r.taxes_sum) for r in readings])
    total = chosen.amount if chosen is not None else None

    def fit(r: _Reading) -> tuple[Any, ...]:
        checks = _checks(r, total)
        return (sum(v is True for v in checks.values()), r.receipt.shop.confidence)

    best = max(readings, key=fit)  # max keeps the first reading on a tie
    reading, receipt = best, best.receipt
    named = max(readings, key=lambda r: r.receipt.shop.confidence)
    receipt.shop = named.receipt.shop
    if receipt.shop.name:
        receipt.confidence["shop"] = receipt.shop.confidence
    dated = _agreed_date(readings)
    receipt.date, receipt.time = dated.receipt.date, dated.receipt.time
    if receipt.date is not None:
        receipt.confidence["date"] = dated.receipt.confidence["date"]
    else:
        receipt.confidence.pop("date", None)
    if chosen is not None:
        receipt.total = total
        receipt.confidence["total"] = chosen.confidence
        receipt.warnings += chosen.warnings
    elif receipt.payment_method == "card" and totals.payment_amounts(reading.lines):
        # No readable total line, but a card pays exactly the total (cash may be more: tendered).
        receipt.total = max(totals.payment_amounts(reading.lines))
        receipt.confidence["total"] = 0.6
        receipt.warnings.append("total read from the card payment line")
    receipt.checks = _checks(reading, receipt.total)
    for name in ("shop", "date", "total"):
        if name not in receipt.confidence:
            receipt.warnings.append(f"{name} not found")
    if receipt.checks["items_sum_matches_total"] is False:
        receipt.warnings.append(f"items add up to {reading.items_net}, not to the total {receipt.total}")
    if receipt.checks["taxes_match_total"] is False:
        receipt.warnings.append(f"VAT bases and quotas add up to {reading.taxes_sum}, not to the total {receipt.total}")
    return receipt
