"""Which amount was paid: every reading of the total is weighed by how many independent routes
agree on it (total lines, the payment, cash tendered minus change, the subtotal breakdown, the
items, the VAT table), then by how clearly its line says "total"."""

from __future__ import annotations

from dataclasses import dataclass, field
from decimal import Decimal

from ocr_service.extraction.parsing import breakdown, totals
from ocr_service.extraction.parsing.amounts import close

# How much a total worked out from other amounts is worth when nothing else agrees with it:
# tendered minus change is what was paid by definition; a breakdown may be tax-inclusive.
DERIVED_SCORE = {"tendered_change": 0.55, "breakdown": 0.45}
ROUTE_NAMES = {"tendered_change": "cash tendered minus change", "breakdown": "the subtotal and the lines under it"}


@dataclass
class _Evidence:
    amount: Decimal
    worded: list[float] = field(default_factory=list)  # scores of the total lines that print it
    routes: set[str] = field(default_factory=set)
    line: int = 1 << 30

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


def _collect(lines: list[str]) -> dict[Decimal, _Evidence]:
    found: dict[Decimal, _Evidence] = {}

    def at(amount: Decimal, line: int) -> _Evidence:
        evidence = found.setdefault(amount, _Evidence(amount))
        evidence.line = min(evidence.line, line)
        return evidence

    for candidate in totals.total_candidates(lines) or totals.blurred_total_candidates(lines):
        at(totals.rounded(lines, candidate), candidate.line).worded.append(candidate.score)
    for derived in breakdown.from_tendered_and_change(lines) + breakdown.from_breakdown(lines):
        at(derived.amount, derived.line).routes.add(derived.route)
    return found


def choose_total(lines: list[str], items_net: Decimal | None, taxes_sum: Decimal | None) -> TotalChoice | None:
    found = _collect(lines)
    if not found:
        return None
    paid = totals.payment_amounts(lines)
    before_tax = breakdown.subtotals_with_added_tax(lines)
    for evidence in found.values():
        if any(close(evidence.amount, p) for p in paid):
            evidence.routes.add("payment")
        # On a ticket that adds tax under the subtotal the items add up to the subtotal, not the total.
        if close(evidence.amount, items_net) and not any(close(items_net, s) for s in before_tax):
            evidence.routes.add("items")
        if close(evidence.amount, taxes_sum):
            evidence.routes.add("vat")
    # Cash rounding: after a rounding line the total is a whole number of 5 cents.
    rounds = breakdown.has_rounding_line(lines) and any(breakdown.is_five_cents(e.amount) for e in found.values())

    def rank(e: _Evidence) -> tuple:
        return (e.agreement() > 0, not rounds or breakdown.is_five_cents(e.amount), e.score(), e.agreement(), -e.line)

    best = max(found.values(), key=rank)
    warnings = []
    if best.worded:
        confidence = min(0.99, best.score() + 0.05 * best.agreement())
    else:
        confidence = min(0.9, best.score() + 0.15 * best.agreement())
        if best.agreement() == 0:
            route = next(iter(best.routes))
            warnings.append(f"no total line could be read; total worked out from {ROUTE_NAMES.get(route, route)}")
    others = [e for e in found.values() if e is not best and e.routes - {"items", "vat", "payment"} and not e.worded]
    if best.agreement() == 0 and others:
        confidence -= 0.1
        warnings.append(f"the amounts around the total suggest {others[0].amount} instead")
    return TotalChoice(best.amount, round(max(confidence, 0.1), 2), warnings)
