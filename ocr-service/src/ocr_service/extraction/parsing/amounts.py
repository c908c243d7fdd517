"""Money on tickets: '37,76', '1.234,56', '1,234.56', '-0,13 €', 'RM 9.00' -> Decimal."""

from __future__ import annotations

import re
from decimal import Decimal

# An amount has exactly two decimals; thousands groups are optional. The look-arounds keep
# it from matching inside longer numbers (card numbers, weights like 0,680, dates).
AMOUNT_PATTERN = r"-?\s?(?:\d{1,3}(?:[.,]\d{3})+|\d+)[.,]\d{2}"
AMOUNT = re.compile(rf"(?<![\d.,/-])({AMOUNT_PATTERN})(?![\d.,/:]\d|\d|%)")
TRAILING_AMOUNT = re.compile(rf"(?<![\d.,/:])({AMOUNT_PATTERN})\s*(?:€|EUR|EUROS)?\s*[A-Z*]?\s*$", re.IGNORECASE)
CENT = Decimal("0.01")


def parse_amount(text: str) -> Decimal:
    """The last '.' or ',' two digits from the end is the decimal separator; others group thousands."""
    cleaned = re.sub(r"\s", "", text)
    negative = cleaned.startswith("-")
    digits = cleaned.lstrip("-")
    integer = re.sub(r"[.,]", "", digits[:-3])
    value = Decimal(f"{integer or '0'}.{digits[-2:]}")
    return -value if negative else value


def amounts_in(text: str) -> list[Decimal]:
    return [parse_amount(m) for m in AMOUNT.findall(text)]


def trailing_amount(line: str) -> tuple[Decimal, str] | None:
    """The amount closing a line (with its currency sign and VAT letter) and the text before it."""
    match = TRAILING_AMOUNT.search(line)
    if not match:
        return None
    return parse_amount(match.group(1)), line[: match.start()].rstrip()


def close(a: Decimal | None, b: Decimal | None, tolerance: Decimal = CENT) -> bool:
    return a is not None and b is not None and abs(a - b) <= tolerance
