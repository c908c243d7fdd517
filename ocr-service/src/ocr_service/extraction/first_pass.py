"""A first, honest reading of a ticket's text: total, date, time and currency.

Only what the text states plainly is returned; everything else stays None for the caller to
report as unread. The full receipt parser (shop, items, VAT table) replaces this module.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field
from decimal import Decimal

AMOUNT = re.compile(r"(?<![\d.,])-?\d{1,3}(?:[.\s]\d{3})*[.,]\d{2}(?![\d])|(?<![\d.,])-?\d+[.,]\d{2}(?!\d)")
# Day first, as printed on Spanish and most European tickets; year-first ISO as well.
DATE_DMY = re.compile(r"(?<!\d)(\d{1,2})[/.-](\d{1,2})[/.-](\d{4}|\d{2})(?!\d)")
DATE_YMD = re.compile(r"(?<!\d)(\d{4})[/.-](\d{1,2})[/.-](\d{1,2})(?!\d)")
TIME = re.compile(r"(?<![\d:])([01]?\d|2[0-3]):([0-5]\d)(?::[0-5]\d)?(?![\d:])")

# Total keywords from the most to the least specific: what was paid beats a plain TOTAL.
TOTAL_KEYWORDS: tuple[tuple[re.Pattern[str], float], ...] = (
    (re.compile(r"\bTOTAL\s+A\s+PAGAR\b|\bIMPORTE\s+A\s+PAGAR\b|\bAMOUNT\s+DUE\b"), 0.95),
    (re.compile(r"\bTOTAL\s*\(€\)|\bTOTAL\s+COMPRA\b|\bIMPORTE\s+TOTAL\b|\bTOTAL\s+EUR(?:OS)?\b|\bGRAND\s+TOTAL\b"), 0.92),
    (re.compile(r"\bTOTAL\b"), 0.75),
)
NOT_A_TOTAL = re.compile(
    r"SUB\s*-?TOTAL|SIN\s+PROMOCION|ART[IÍ]CULOS|\bAHORRO|DESCUENTO|BASE\s+IMPONIBLE|\bIVA\b|\bCUOTA\b|TOTAL\s+(?:QTY|ITEMS?)"
)


@dataclass
class FirstReading:
    total: Decimal | None = None
    date: dt.date | None = None
    time: str | None = None
    currency: str | None = None
    confidence: dict[str, float] = field(default_factory=dict)
    warnings: list[str] = field(default_factory=list)


def parse_amount(text: str) -> Decimal:
    """'1.234,56' / '1,234.56' / '37,76' -> Decimal, the last separator being the decimal one."""
    cleaned = text.replace(" ", "")
    decimal_sep = cleaned[-3]
    integer = re.sub(r"[.,]", "", cleaned[:-3])
    return Decimal(f"{integer}.{cleaned[-2:]}") if decimal_sep in ",." else Decimal(cleaned)


def _find_total(lines: list[str]) -> tuple[Decimal, float] | None:
    best: tuple[float, int, Decimal] | None = None
    for index, line in enumerate(lines):
        upper = line.upper()
        if NOT_A_TOTAL.search(upper):
            continue
        for pattern, weight in TOTAL_KEYWORDS:
            match = pattern.search(upper)
            if not match:
                continue
            amounts = AMOUNT.findall(upper[match.end():])
            if not amounts and index + 1 < len(lines):  # amount printed on the next line
                amounts = AMOUNT.findall(lines[index + 1])
            if amounts:
                # A line with several amounts is a table row (e.g. a VAT summary), not the total.
                score = weight if len(amounts) == 1 else weight - 0.3
                if best is None or score > best[0]:
                    best = (score, index, parse_amount(amounts[-1]))
            break
    return (best[2], best[0]) if best else None


def _find_date(text: str) -> dt.date | None:
    for match in DATE_YMD.finditer(text):
        try:
            return dt.date(int(match[1]), int(match[2]), int(match[3]))
        except ValueError:
            continue
    for match in DATE_DMY.finditer(text):
        day, month, year = int(match[1]), int(match[2]), int(match[3])
        year = year + 2000 if year < 100 else year
        try:
            candidate = dt.date(year, month, day)
        except ValueError:
            continue
        if 2000 <= candidate.year <= dt.date.today().year + 1:
            return candidate
    return None


def read_first_fields(text: str) -> FirstReading:
    reading = FirstReading()
    lines = [line for line in text.splitlines() if line.strip()]
    found_total = _find_total(lines)
    if found_total:
        reading.total, reading.confidence["total"] = found_total
    else:
        reading.warnings.append("total not found")
    reading.date = _find_date(text)
    if reading.date:
        reading.confidence["date"] = 0.9
    else:
        reading.warnings.append("date not found")
    date_line = next((line for line in lines if DATE_DMY.search(line) or DATE_YMD.search(line)), "")
    time_match = TIME.search(date_line) or TIME.search(text)
    if time_match:
        reading.time = f"{int(time_match[1]):02d}:{time_match[2]}"
    if "€" in text or re.search(r"\bEUR\b", text.upper()):
        reading.currency = "EUR"
    return reading
