"""What the person will need on the next trip, from their own tickets: every product's own rhythm.

Each product (its spellings grouped by `products.py`) is scored by
- its recency-weighted frequency: the tickets that hold it, each weighing exp(-days ago / RECENCY_DAYS)
  (the "frequency x recency" baseline of ../shared/baskets);
- times its rhythm, for a product bought at least twice: how near the time since it was last bought
  is to its median interval, a bump exp(-ln(gap / interval)^2 / (2 RHYTHM_SPREAD^2)) that is 1 when
  it is due, lower just after a purchase (the cupboard is full) and long after (no longer bought),
  mixed in at RHYTHM_WEIGHT; the interval is stretched (or shortened) by how much more (or less)
  than usual the last ticket bought, when the tickets print quantities (`_Seen.stock`).
The score becomes a probability through a logistic curve of its logarithm (CALIBRATION).

The weights were tuned on the dev households of ../shared/baskets (training/next_basket.py holds
the recipe and next_basket_report.json its figures); no basket data ships.
"""

from __future__ import annotations

import datetime as dt
import math
import statistics
from collections import Counter
from dataclasses import dataclass, field
from itertools import pairwise

from ocr_service.prediction.catalogue_cache import WORKER_CATALOGUE
from ocr_service.prediction.history import EPOCH, hours
from ocr_service.prediction.products import ProductCatalogue
from ocr_service.schemas import DueProduct, NextBasketResponse, PastTicket

MODEL = "rhythm-v1"
# A ticket's weight halves in about 42 days (exp(-42/60) = 0.5).
RECENCY_DAYS = 60.0
RHYTHM_WEIGHT = 0.3
RHYTHM_SPREAD = 1.5
# A product bought a few days after itself (a second ticket of the same trip) is not a rhythm.
MIN_INTERVAL_DAYS = 1.0
# A history whose newest ticket is older than this many trips (and RECENCY_DAYS) is an archive: the
# list is then the one for the trip after its last ticket, and the answer says so. Otherwise every
# product of a library imported years later would read as 0 % likely.
STALE_AFTER_TRIPS = 3
# P = 1 / (1 + exp(-(A + B ln score))), fitted to the share of listed products bought on the next trip.
CALIBRATION = (-1.44, 0.9)
# A purchase this many times the usual quantity (or this fraction of it) lasts at most this much
# longer (or shorter): a six-pack after single bottles is not bought again in six weeks for sure.
STOCK_LIMITS = (1 / 3, 3.0)


@dataclass
class _Seen:
    """What the history says of one product."""

    days: list[float] = field(default_factory=list)  # the day of each ticket that holds it
    # The quantity bought on each of those tickets (None where the ticket did not print one).
    quantities: list[float | None] = field(default_factory=list)
    shops: Counter[str] = field(default_factory=Counter)
    category: str | None = None
    last_spelling: str = ""

    def stock(self) -> float:
        """How long the last purchase lasts against a usual one: its quantity over the median of
        the quantities printed before it (1 when the tickets do not say)."""
        *before, last = self.quantities
        known = [q for q in before if q is not None]
        if last is None or not known:
            return 1.0
        return min(max(last / statistics.median(known), STOCK_LIMITS[0]), STOCK_LIMITS[1])


def _day(moment: dt.datetime) -> float:
    """Days since 2000 on the wall clock: tickets and "now" are local times."""
    return hours(moment) / 24


def _rhythm(days: list[float]) -> float | None:
    """The median interval between purchases, in days; None for a product bought once."""
    gaps = [b - a for a, b in pairwise(days) if b - a >= MIN_INTERVAL_DAYS]
    return statistics.median(gaps) if gaps else None


def score(days: list[float], now: float, stock: float = 1.0) -> float:
    """`stock`: how many usual purchases the last one was (`_Seen.stock`); it stretches the wait."""
    frequency = sum(math.exp(-max(0.0, now - d) / RECENCY_DAYS) for d in days)
    interval = _rhythm(days)
    if interval is None:
        return frequency
    interval *= stock
    since = max(now - days[-1], 0.05 * interval)
    due_now = math.exp(-(math.log(since / interval) ** 2) / (2 * RHYTHM_SPREAD**2))
    return frequency * ((1 - RHYTHM_WEIGHT) + RHYTHM_WEIGHT * due_now)


def probability(value: float) -> float:
    a, b = CALIBRATION
    return 1 / (1 + math.exp(-(a + b * math.log(max(value, 1e-9)))))


def _collect(tickets: list[PastTicket], catalogue: ProductCatalogue) -> dict[int, _Seen]:
    """Every product of the history (tickets in time order, their descriptions already in the
    catalogue) and when it was bought."""
    seen: dict[int, _Seen] = {}
    key_of: dict[str, int | None] = {}  # the raw description's key: a look-up per line
    for ticket in tickets:
        day = _day(ticket.datetime)
        # Each product on this ticket, with its quantity: two lines of it are one purchase of both.
        bought: dict[int, float | None] = {}
        for line in ticket.items:
            description = line["description"]
            if description in key_of:
                key = key_of[description]
            else:
                key = key_of[description] = catalogue.product_of(description)
            if key is None:
                continue
            product = seen.get(key)
            if product is None:
                product = seen[key] = _Seen()
            product.last_spelling = description
            category = line.get("category")
            if category:
                product.category = category
            printed = line.get("quantity")
            quantity = float(printed) if printed is not None and printed > 0 else None
            bought[key] = quantity if key not in bought else _plus(bought[key], quantity)
        shop = ticket.shop.strip() if ticket.shop else None
        for key, quantity in bought.items():
            product = seen[key]
            product.days.append(day)
            product.quantities.append(quantity)
            if shop:
                product.shops[shop] += 1
    for product in seen.values():
        product.last_spelling = product.last_spelling.strip()
    return seen


def _plus(a: float | None, b: float | None) -> float | None:
    return None if a is None or b is None else a + b


def _due(product: _Seen, spellings: list[str], scored: float, now: float) -> DueProduct:
    interval = _rhythm(product.days)
    last = EPOCH + dt.timedelta(days=product.days[-1])
    due = (last + dt.timedelta(days=interval * product.stock())).date() if interval is not None else None
    today = (EPOCH + dt.timedelta(days=now)).date()
    return DueProduct(
        description=product.last_spelling,
        spellings=spellings,
        category=product.category,
        probability=round(probability(scored), 3),
        repeat=len(product.days) >= 2,
        times_bought=len(product.days),
        last_bought=last.date(),
        every_days=round(interval, 1) if interval is not None else None,
        due=due,
        days_overdue=(today - due).days if due is not None else None,
        usual_shop=product.shops.most_common(1)[0][0] if product.shops else None,
    )


def predict_basket(history: list[PastTicket], now: dt.datetime, k: int) -> NextBasketResponse:
    tickets = [t for t in history if t.items]
    if not tickets:
        return NextBasketResponse(items=[], model=MODEL, history_size=len(history), products=0,
                                  reason="the history holds no ticket with items")
    tickets.sort(key=lambda t: _day(t.datetime))
    order = list(dict.fromkeys(line["description"].strip() for ticket in tickets for line in ticket.items))
    today = _day(now)
    moment, warnings = _list_moment([_day(t.datetime) for t in tickets], today)
    with WORKER_CATALOGUE.catalogue_for(order) as catalogue:
        seen = _collect(tickets, catalogue)
        scores = {key: score(product.days, moment, product.stock()) for key, product in seen.items()}
        ranked = sorted(seen.items(), key=lambda kv: (-scores[kv[0]], kv[0]))[:k]
        items = [_due(product, list(dict.fromkeys(catalogue.products[key].spellings)), scores[key], today)
                 for key, product in ranked]
    return NextBasketResponse(items=items, model=MODEL, history_size=len(tickets), products=len(seen),
                              warnings=warnings)


def _list_moment(days: list[float], today: float) -> tuple[float, list[str]]:
    """When the list is for: today, or, for an archive, the trip after its newest ticket."""
    trips = sorted({round(d) for d in days})
    gap = statistics.median([b - a for a, b in pairwise(trips)]) if len(trips) > 1 else RECENCY_DAYS
    newest = max(days)
    horizon = max(RECENCY_DAYS, STALE_AFTER_TRIPS * gap)
    if today - newest <= horizon:
        return today, []
    moment = newest + gap
    said = (EPOCH + dt.timedelta(days=newest)).date()
    note = f"the newest ticket is from {said}, {round(today - newest)} days ago: the list is the one for the trip after it"
    return moment, [note]
