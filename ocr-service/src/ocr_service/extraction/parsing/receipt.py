"""All fields of one ticket, cross-checked: the arithmetic between total, items, VAT and payment
chooses between candidate readings and sets each field's confidence."""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field
from decimal import Decimal

from ocr_service.extraction.parsing import dates, items, payment, shop, total_choice, totals, vat
from ocr_service.extraction.parsing.amounts import close

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
    items: list[items.ParsedItem] = field(default_factory=list)
    discounts: list[items.ParsedItem] = field(default_factory=list)
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


def parse_receipt(text: str) -> Receipt:
    lines = [line.rstrip() for line in text.splitlines() if line.strip()]
    reading = Receipt(shop=shop.read_shop(lines))
    found_date = dates.find_date(lines)
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
    chosen = total_choice.choose_total(lines, items_net, taxes_sum)
    if chosen is not None:
        reading.total = chosen.amount
        reading.confidence["total"] = chosen.confidence
        reading.warnings += chosen.warnings
    elif reading.payment_method == "card" and totals.payment_amounts(lines):
        # No readable total line, but a card pays exactly the total (cash may be more: tendered).
        reading.total = max(totals.payment_amounts(lines))
        reading.confidence["total"] = 0.6
        reading.warnings.append("total read from the card payment line")
    reading.invoice_number = payment.find_invoice_number(lines)
    if reading.shop.name:
        reading.confidence["shop"] = reading.shop.confidence

    reading.checks = {
        "items_sum_matches_total": close(items_net, reading.total) if items_net is not None and reading.total else None,
        "taxes_match_total": close(taxes_sum, reading.total, Decimal("0.02") * max(1, len(reading.taxes)))
        if taxes_sum is not None and reading.total else None,
    }
    for name in ("shop", "date", "total"):
        if name not in reading.confidence:
            reading.warnings.append(f"{name} not found")
    if reading.checks["items_sum_matches_total"] is False:
        reading.warnings.append(f"items add up to {items_net}, not to the total {reading.total}")
    if reading.checks["taxes_match_total"] is False:
        reading.warnings.append(f"VAT bases and quotas add up to {taxes_sum}, not to the total {reading.total}")
    return reading
