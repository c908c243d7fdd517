"""What was paid: every total-like line becomes a candidate; keywords and arithmetic choose."""

from __future__ import annotations

import re
from dataclasses import dataclass
from decimal import Decimal

from ocr_service.extraction.parsing import payment
from ocr_service.extraction.parsing.amounts import AMOUNT, parse_amount

# From the most to the least specific: what was paid beats a plain TOTAL.
KEYWORDS: tuple[tuple[re.Pattern[str], float], ...] = (
    (re.compile(r"\bTOTAL\s+A\s+PAGAR\b|\bIMPORTE\s+A\s+PAGAR\b|\bA\s+PAGAR\b|\bAMOUNT\s*DUE\b|\bTOTAL\s*DUE\b|"
                r"\bTOTAL\s+PAYABLE\b|\bNETT?\s*TOTAL(?![A-Z])|\bTOTAL\s+AM(?:OUN)?T(?![A-Z])|\bROUNDED\s+TOTAL\b|TOTAL\s+(?:AMT\s+)?ROUNDED|"
                r"\bTOTAL\s+AFTER\b|\bINCLUSIVE\s+OF\s+GST\b|\bINCL\.?\s+GST\b|\bTOTAL\s+INCLUDES?\b"), 0.95),
    (re.compile(r"\bTOTAL\s*\(€\)|\bTOTAL\s+COMPRA\b|\bIMPORTE\s+TOTAL\b|\bTOTAL\s+EUR(?:OS)?\b|\bGRAND\s+TOTAL\b|"
                r"\bTOTAL\s+VENTA\b|\bTOTAL\s*\(?RM\)?|\bTOTAL\s+INCL|\bTOTAL\s+SALES?\b"), 0.9),
    # Also glued to the time before it ("1:39pTOTAL"), as engines that drop spaces print it.
    (re.compile(r"\bT\s?O\s?T\s?A\s?L\b|\bTOTAL:?|(?<=\d[AP])TOTAL\b|(?<=\d)TOTAL\b"), 0.75),
)
NOT_A_TOTAL = re.compile(
    r"SUB\s*-?\s*TOTAL|SIN\s+PROMOCION|\bTOTALS\b|ART[IÍ]CULOS\b|\bAHORRO|DESCUENTO|BASE\s+IMPONIBLE|\bCUOTA\b|"
    r"TOTAL\s*(?:QTY|QUANTITY|ITEMS?|UNITS?|PCS|DISC(?:OUNT)?|SAVINGS?|VENTAJAS|GST|TAX|IVA)\b|"
    r"\bEXCL(?:UDING|UDED|\.|\b)|\bPUNTOS\b|\bPOINTS\b|BEFORE\s+DISC|\bITEM\(?S\)?\s*TOTAL|"
    r"^\W*(?:GST|TAX|IVA)\b"
)
# An OCR'd "TOTAL" with letters lost ("TOT.", "Tor.", "T0TAL"): trusted only when nothing better is
# found, on a short line of its own in the lower part of the ticket.
BLURRED_TOTAL = re.compile(r"^\W*T[O0][A-Z0-9]{0,3}[.:]?\s+(-?\d+[.,]\d{2})\s*(?:€|EUR)?\s*$", re.IGNORECASE)
BLURRED_TOTAL_SCORE = 0.5
# "Rounding", "Round Adj", and OCR's "Roundlng" / "R0UNDING".
ROUNDING = re.compile(r"\bR[O0]UND(?:[IL1]?NG)?\b|\bREDONDEO\b|\bADJ(?:USTMENT)?\b")
# The amount alone on the line after a keyword ("TOTAL" / "9,99"): letters there mean another field.
AMOUNT_ONLY_LINE = re.compile(r"^[\s:€$]*(?:RM|EUR|MYR|USD)?[\s:€$]*-?\d[\d.,]*\s*(?:€|EUR|RM)?\s*$", re.IGNORECASE)

# Lines saying how it was paid: their amount confirms the total.
PAYMENT_LINE = re.compile(r"TARJETA|TARJ\.|\bVISA\b|MASTERCARD|EFECTIVO|\bCASH\b|\bCARD\b|IMPORTE\s*:|DAT[AÁ]FONO|"
                          r"ENTREGADO|\bVENTA\b|\bPAID\b|TEF\b")
# Of those, the lines of a card payment, which pays exactly the total (cash may be more): the words
# that tell a card payment, and the amount line of a Spanish card slip ("Importe: 9,80 €").
CARD_LINE = re.compile(rf"{payment.CARD.pattern}|IMPORTE\s*:")
CHANGE = re.compile(r"\bCAMBIO\b|\bCHANGE\b|\bDEVOLVER\b|\bDEVOLUCI[OÓ]N\b|\bVUELTA\b")


@dataclass(frozen=True)
class TotalCandidate:
    amount: Decimal
    score: float
    line: int


def total_candidates(lines: list[str]) -> list[TotalCandidate]:
    found = []
    for index, line in enumerate(lines):
        upper = line.upper()
        if NOT_A_TOTAL.search(upper):
            continue
        for pattern, weight in KEYWORDS:
            match = pattern.search(upper)
            if not match:
                continue
            amounts = AMOUNT.findall(upper[match.end():])
            if not amounts and index + 1 < len(lines) and AMOUNT_ONLY_LINE.match(lines[index + 1]):
                amounts = AMOUNT.findall(lines[index + 1])  # the amount printed on the next line
                weight -= 0.05
            if amounts:
                # A line with several amounts is a table row (a VAT summary), rarely the total.
                score = weight if len(amounts) == 1 else weight - 0.3
                value = parse_amount(amounts[-1] if len(amounts) == 1 else amounts[0])
                if value > 0:
                    found.append(TotalCandidate(value, score, index))
            break
    return found


def blurred_total_candidates(lines: list[str]) -> list[TotalCandidate]:
    found = []
    for index in range(len(lines) // 3, len(lines)):
        match = BLURRED_TOTAL.match(lines[index].strip(" .e"))
        if match and parse_amount(match.group(1)) > 0:
            found.append(TotalCandidate(parse_amount(match.group(1)), BLURRED_TOTAL_SCORE, index))
    return found


def payment_amounts(lines: list[str]) -> list[Decimal]:
    """Amounts on lines that record the payment (card slip, cash tendered), change excluded."""
    values = []
    for line in lines:
        upper = line.upper()
        if PAYMENT_LINE.search(upper) and not CHANGE.search(upper) and not NOT_A_TOTAL.search(upper):
            values += [parse_amount(a) for a in AMOUNT.findall(upper)]
    return [v for v in values if v > 0]


def card_amounts(lines: list[str]) -> list[Decimal]:
    """Amounts on the lines of a card payment."""
    return [v for line in lines if CARD_LINE.search(line.upper()) for v in payment_amounts([line])]


def rounded(lines: list[str], chosen: TotalCandidate) -> Decimal:
    """The total after a rounding adjustment printed just below it (cash totals rounded to 5 cents)."""
    for index in range(chosen.line + 1, min(chosen.line + 4, len(lines))):
        if not ROUNDING.search(lines[index].upper()):
            continue
        adjustments = [abs(a) for a in (parse_amount(x) for x in AMOUNT.findall(lines[index])) if 0 < abs(a) < 1]
        if not adjustments:
            return chosen.amount
        wanted = {chosen.amount - adjustments[0], chosen.amount + adjustments[0]}
        for later in lines[index + 1: index + 4]:
            for value in (parse_amount(x) for x in AMOUNT.findall(later)):
                if value in wanted:
                    return value
        return chosen.amount
    return chosen.amount
