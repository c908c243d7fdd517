"""The VAT table in its shapes: rate/base/quota, letter/rate/base/quota, base/rate/quota/total."""

from __future__ import annotations

import re
from dataclasses import dataclass
from decimal import Decimal
from itertools import permutations

from ocr_service.extraction.parsing.amounts import AMOUNT, parse_amount

HEADER = re.compile(r"\bIVA\b|\bI\.V\.A\b|\bTIPO\b|\bBASE\b|\bCUOTA\b|\bIMPUESTO|\bVAT\b|\bGST\s+SUMMARY|\bTAX\s+SUMMARY")
RATE = re.compile(r"(?<![\d,.])(\d{1,2}(?:[.,]\d{1,2})?)\s?%")
ROW_END = re.compile(r"\bTOTAL(ES)?\b|\bSUMA\b")
SPANISH_RATES = {Decimal(r) for r in ("0", "2", "4", "5", "7.5", "10", "21")}


@dataclass(frozen=True)
class VatRow:
    rate: Decimal
    base: Decimal
    amount: Decimal


def _clean_rate(rate: Decimal) -> Decimal:
    """10,00 % -> 10; 7,5 % stays 7.5."""
    return rate.quantize(Decimal(1)) if rate == rate.to_integral() else rate.normalize()


def _consistent(rate: Decimal, base: Decimal, quota: Decimal) -> bool:
    return abs(base * rate / 100 - quota) <= Decimal("0.02") + base * Decimal("0.0005")


def _row(line: str) -> VatRow | None:
    upper = line.upper()
    rate_match = RATE.search(upper)
    if rate_match:
        rate = Decimal(rate_match.group(1).replace(",", "."))
        rest = upper[: rate_match.start()] + " " + upper[rate_match.end():]
        values = [parse_amount(a) for a in AMOUNT.findall(rest)]
        for base, quota in permutations(values, 2):
            if _consistent(rate, base, quota) and (base > 0 or quota == 0):
                return VatRow(_clean_rate(rate), base, quota)
        return None
    # No % sign: the rate is printed as an amount ("10,00 2,84 0,28"); arithmetic tells which.
    values = [parse_amount(a) for a in AMOUNT.findall(upper)]
    for rate, base, quota in permutations(values, 3):
        if rate in SPANISH_RATES and _consistent(rate, base, quota) and base > 0:
            return VatRow(_clean_rate(rate), base, quota)
    return None


def read_vat_table(lines: list[str]) -> list[VatRow]:
    """Rows under the last VAT header that has any; a ticket reprints nothing else in that shape."""
    tables: list[list[VatRow]] = []
    for index, line in enumerate(lines):
        if not HEADER.search(line.upper()) or len(AMOUNT.findall(line)) > 1:
            continue
        rows: list[VatRow] = []
        for following in lines[index + 1: index + 12]:
            if ROW_END.search(following.upper()):
                break
            row = _row(following)
            if row is None:
                if rows:
                    break
                continue
            rows.append(row)
        if rows:
            tables.append(rows)
    if not tables:
        return []
    best = max(tables, key=len)
    unique = list(dict.fromkeys(best))  # some tickets print the table twice
    return unique
