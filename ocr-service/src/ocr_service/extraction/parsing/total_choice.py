"""Which amount was paid: every reading of the total is weighed by how many independent routes
agree on it (total lines, the payment, cash tendered minus change, the subtotal breakdown, the
items, the VAT table), then by how clearly its line says "total"."""

from __future__ import annotations

from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any

from ocr_service.extraction.parsing import breakdown, totals
from ocr_service.extraction.parsing.amounts import close

# How much a total worked out from other amounts is worth when nothing else agrees with it:
# tendered minus change is what was paid by definition; a breakdown may be tax-inclusive.
# A card payment pays the total exactly (cash may be more: tendered), but it is not a total line:
# worth less than one, it wins when another route agrees with it.
DERIVED_SCORE = {"tendered_change": 0.55, "payment": 0.5, "breakdown": 0.45}
# A total line with a single amount on it ("TOTAL 20,00"), as opposed to a table row or an amount
# found on the next line.
CLEAR_TOTAL_LINE = 0.7
ROUTE_NAMES = {"tendered_change": "cash tendered minus change", "breakdown": "the subtotal and the lines under it",
               "payment": "the card payment"}


@dataclass
class _Evidence:
    amount: Decimal
    worded: list[float] = field(default_factory=list)  # scores of the total lines that print it
    routes: list[str] = field(default_factory=list)  # other routes to it, once per reading
    line: int = 1 << 30
    before_tax: bool = False  # a subtotal the ticket adds tax to

    def agreement(self) -> int:
        """How many readings beyond the first say this amount."""
        return len(self.worded) + len(self.routes) - 1

    def score(self) -> float:
        if self.worded:
            return max(self.worded)
        return max(DERIVED_SCORE.get(r, 0.0) for r in self.routes)


@dataclass(frozen=True)
class TotalChoice:
    amount: Decimal
    confidence: float
    warnings: list[str]


@dataclass(frozen=True)
class Reading:
    """One text of the ticket, and what its items and VAT table add up to."""

    lines: list[str]
    items_net: Decimal | None = None
    taxes_sum: Decimal | None = None


def _collect(reading: Reading, found: dict[Decimal, _Evidence]) -> None:
    lines = reading.lines

    def at(amount: Decimal, line: int) -> _Evidence:
        evidence = found.setdefault(amount, _Evidence(amount))
        evidence.line = min(evidence.line, line)
        return evidence

    derived: dict[Decimal, set[str]] = {}
    for candidate in totals.total_candidates(lines) or totals.blurred_total_candidates(lines):
        at(totals.rounded(lines, candidate), candidate.line).worded.append(candidate.score)
    breakdowns = breakdown.read_breakdowns(lines)
    for reading_of_total in breakdown.from_tendered_and_change(lines) + breakdown.from_breakdowns(breakdowns):
        at(reading_of_total.amount, reading_of_total.line)
        derived.setdefault(reading_of_total.amount, set()).add(reading_of_total.route)
    paid = totals.payment_amounts(lines)
    before_tax = breakdown.subtotals_with_added_tax(breakdowns)
    # A card payment is a reading of the total too: when the TOTAL line is garbled, the card and the
    # items still agree, and together they outweigh a VAT row that nothing confirms. (Cash is not:
    # what was tendered is often more; and the items alone may count a payment line as an item.)
    for amount in totals.card_amounts(lines):
        at(amount, len(lines))
    for evidence in found.values():
        routes = set(derived.get(evidence.amount, ()))
        if any(close(evidence.amount, p) for p in paid):
            routes.add("payment")
        # On a ticket that adds tax under the subtotal the items add up to the subtotal, not the total.
        if close(evidence.amount, reading.items_net) and not any(close(reading.items_net, s) for s in before_tax):
            routes.add("items")
        if close(evidence.amount, reading.taxes_sum):
            routes.add("vat")
        evidence.routes += sorted(routes)
        evidence.before_tax |= evidence.amount in before_tax


def choose_total(readings: list[Reading]) -> TotalChoice | None:
    """The amount paid, weighed over one or more readings of the same ticket: the same amount read
    again in another reading is one more agreement."""
    found: dict[Decimal, _Evidence] = {}
    for reading in readings:
        _collect(reading, found)
    if not found:
        return None
    # Cash rounding: after a rounding line that adjusts it, the total is a whole number of 5 cents.
    adjusted = any(breakdown.rounds_to_five_cents(r.lines) for r in readings)
    rounds = adjusted and any(breakdown.is_five_cents(e.amount) for e in found.values())

    def rank(e: _Evidence) -> tuple[Any, ...]:
        # A subtotal the ticket adds tax to is not the total, unless cash tendered minus change or
        # a line of its own that says TOTAL says it is (the tax line was then an "included" note).
        subtotal = e.before_tax and "tendered_change" not in e.routes and e.score() < CLEAR_TOTAL_LINE
        return (e.agreement() > 0, not rounds or breakdown.is_five_cents(e.amount), not subtotal, e.score(),
                e.agreement(), -e.line)

    best = max(found.values(), key=rank)
    warnings = []
    if best.worded:
        confidence = min(0.99, best.score() + 0.05 * best.agreement())
    else:
        confidence = min(0.9, best.score() + 0.15 * best.agreement())
        if best.agreement() == 0:
            warnings.append(f"no total line could be read; total worked out from {ROUTE_NAMES.get(best.routes[0], best.routes[0])}")
    others = [e for e in found.values() if e is not best and not e.worded
              and set(e.routes) - {"items", "vat", "payment"}]
    if adjusted and not breakdown.is_five_cents(best.amount):
        confidence -= 0.2
        warnings.append(f"the ticket rounds its total to 5 cents, but {best.amount} is not")
    if best.agreement() == 0 and others:
        confidence -= 0.1
        warnings.append(f"the amounts around the total suggest {others[0].amount} instead")
    return TotalChoice(best.amount, round(max(confidence, 0.1), 2), warnings)
