"""The total worked out from the other amounts a ticket prints around it.

OCR garbles a total's digits or its word often enough ("TOTAL Amount: TOO", "Net Total 199.75"
for 189.75) that the total line alone cannot be trusted on scans. Two other routes lead to what
was paid, each from amounts printed elsewhere on the ticket:

- the payment: cash tendered minus the change given back (a card pays the total exactly);
- the breakdown under the subtotal: subtotal + tax lines + service charge - discounts, plus a
  rounding adjustment. Where the ticket prints a rounding line, the total is also the sum
  rounded to 5 cents (cash rounding), which survives an unreadable adjustment.

Each route gives a reading that agrees or not with the total lines; total_choice.py weighs them.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal

from ocr_service.extraction.parsing.amounts import amounts_in
from ocr_service.extraction.parsing.totals import CHANGE, ROUNDING

SUBTOTAL = re.compile(r"SUB\s*-?\s*TOTAL|\bTOTAL\s+(?:SALES?\s+)?\(?\s*EXCL|\bTOTAL\s+(?:BEFORE|NET\s+OF)\s+(?:GST|TAX|VAT)")
# A total that the ticket then adds to ("ORDER TOTAL 38.93", "18% TIPS 8.09", "TOTAL 47.02"): it
# starts a block only when a later line of the block prints the sum, as the grand total.
INTERMEDIATE_TOTAL = re.compile(r"\bTOTAL\b")
# Tax and charges added to the subtotal; "GST 6% included" notes and summary tables are not.
# IVA and VAT are left out: European shelf prices include them, so their lines under a subtotal
# say how much of it is tax, they do not add to it.
ADDED_CHARGE = re.compile(r"\bGST\b|\bTAX\d?\b|\bSST\b|\bTIPS?\b|GRATUITY|PROPINA|SERV(?:ICE)?\.?\s*(?:CHARGE|CHG)|\bSVC\b|\bS/?C\b")
NOT_ADDED = re.compile(r"INCL|\bID\b|\bNO\b|\bREG\b|SUMMARY|INVOICE|\bCODE\b|PAYABLE\s+INCL")
DISCOUNT = re.compile(r"\bDISC(?:OUNT)?\b|DESCUENTO|\bDTO\b|\bVOUCHER\b|\bCOUPON\b|AHORRO")
TENDERED = re.compile(r"\bCASH\b|\bTENDERED\b|\bEFECTIVO\b|\bENTREGADO\b|\bRECEIVED\b|\bPAID\b")
NOT_A_PAYMENT = re.compile(r"\bBILL\b|\bSALES?\b|\bPAYMENT\s+TYPE\b|\bCASHIER\b")
RATE = re.compile(r"(?<![\d.,])(\d{1,2}(?:[.,]\d{1,2})?)\s?%")
MAX_ROUNDING = Decimal("0.10")
CENT = Decimal("0.01")
BLOCK_LINES = 8
FIVE_CENTS = Decimal("0.05")


@dataclass(frozen=True)
class DerivedTotal:
    amount: Decimal
    route: str  # "tendered_change" or "breakdown"
    line: int


def _single_amount(line: str) -> Decimal | None:
    """The one amount a line carries after its label; None for table rows and lines without one."""
    found = amounts_in(line)
    return found[0] if len(found) == 1 else None


def from_tendered_and_change(lines: list[str]) -> list[DerivedTotal]:
    """Cash tendered minus the change: the change line and a tendered line just above it."""
    found = []
    for index, line in enumerate(lines):
        upper = line.upper()
        if not CHANGE.search(upper):
            continue
        change = _single_amount(upper)
        if change is None:
            continue
        for above in range(index - 1, max(-1, index - 4), -1):
            before = lines[above].upper()
            if TENDERED.search(before) and not CHANGE.search(before) and not NOT_A_PAYMENT.search(before):
                tendered = _single_amount(before)
                if tendered is not None and abs(tendered) > abs(change):
                    found.append(DerivedTotal(abs(tendered) - abs(change), "tendered_change", above))
                break
    return found


def _from_rate(line: str, running: Decimal) -> Decimal:
    """A charge whose amount OCR lost, from the rate it prints ("SERVICE CHARGE 10%", "GST 6%"):
    the rate of what has been added up so far, as tills compute it."""
    rate = RATE.search(line)
    if not rate:
        return Decimal(0)
    return (running * Decimal(rate.group(1).replace(",", ".")) / 100).quantize(CENT, rounding=ROUND_HALF_UP)


def _to_five_cents(value: Decimal) -> Decimal:
    return (value / FIVE_CENTS).quantize(Decimal(1), rounding=ROUND_HALF_UP) * FIVE_CENTS


@dataclass(frozen=True)
class Breakdown:
    line: int
    subtotal: Decimal
    added: Decimal  # tax and charges, less discounts
    adjustment: Decimal  # the rounding adjustment as printed (0 when unreadable)
    rounding_line: bool


def read_breakdowns(lines: list[str]) -> list[Breakdown]:
    """Each subtotal (or a total the ticket adds to) with the lines right under it that add to it
    or take from it. The first line that is none of those (the total, the payment, or text OCR
    could not read) ends the block."""
    found = []
    for index, line in enumerate(lines):
        upper = line.upper()
        is_subtotal = bool(SUBTOTAL.search(upper))
        if not is_subtotal and not INTERMEDIATE_TOTAL.search(upper):
            continue
        subtotal = _single_amount(upper)
        if subtotal is None or subtotal <= 0:
            continue
        block = _block_under(lines[index + 1: index + 1 + BLOCK_LINES], subtotal)
        if is_subtotal or block.sum_printed:
            found.append(Breakdown(index, subtotal, block.added, block.adjustment, block.rounding_line))
    return found


@dataclass(frozen=True)
class _Block:
    added: Decimal
    adjustment: Decimal
    rounding_line: bool
    sum_printed: bool  # a line under the additions prints subtotal + additions


def _block_under(below_lines: list[str], subtotal: Decimal) -> _Block:
    """What the lines under a subtotal add to it, up to the first line that neither adds, takes
    away, rounds nor prints the running sum."""
    added, adjustment, rounding_line, sum_printed = Decimal(0), Decimal(0), False, False
    for below in below_lines:
        text = below.upper()
        value = _single_amount(text)
        if ROUNDING.search(text):
            rounding_line = True
            if value is not None and abs(value) < MAX_ROUNDING:
                adjustment = value
        elif DISCOUNT.search(text):
            added -= abs(value) if value is not None else Decimal(0)
        elif ADDED_CHARGE.search(text) and not NOT_ADDED.search(text):
            added += value if value is not None else _from_rate(text, subtotal + added)
        elif value is not None and value == subtotal + added + adjustment:
            # (a line printing the running sum, "TOTAL 49.60" after a discount, is passed)
            sum_printed |= added != 0 or adjustment != 0
        else:
            break
    return _Block(added, adjustment, rounding_line, sum_printed)


def from_breakdowns(breakdowns: list[Breakdown]) -> list[DerivedTotal]:
    """Subtotal plus what the lines under it add (tax, charges) or take away (discounts, rounding)."""
    found = []
    for b in breakdowns:
        if b.added == 0 and not b.rounding_line:
            continue  # nothing added to the subtotal: it says nothing new about the total
        exact = b.subtotal + b.added + b.adjustment
        found.append(DerivedTotal(exact, "breakdown", b.line))
        if b.rounding_line and _to_five_cents(b.subtotal + b.added) != exact:
            found.append(DerivedTotal(_to_five_cents(b.subtotal + b.added), "breakdown", b.line))
    return [d for d in found if d.amount > 0]


def subtotals_with_added_tax(breakdowns: list[Breakdown]) -> set[Decimal]:
    """Subtotals to which the ticket adds tax: a sum that matches one of them (the items of a
    ticket that prices before tax) is not the total."""
    return {b.subtotal for b in breakdowns if b.added > 0}


def rounds_to_five_cents(lines: list[str]) -> bool:
    """A rounding line with an adjustment that is not zero (or that OCR could not read): the
    total after it is a whole number of 5 cents."""
    for line in lines:
        if ROUNDING.search(line.upper()):
            value = _single_amount(line.upper())
            if value is None or value != 0:
                return True
    return False


def is_five_cents(value: Decimal) -> bool:
    return value % FIVE_CENTS == 0
