"""Synthetic grocery shoppers: a weekly big shop, top-ups in between, now and then a new shop.

They teach the ranker the rhythms of grocery shopping that venue check-ins lack, and give a
held-out set where the true next visit is known. Deterministic for a given seed.
"""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import numpy as np

from ocr_service.schemas import PastVisit

CHAINS = ("MERCADONA", "DIA", "CARREFOUR", "LIDL", "ALDI", "ALCAMPO", "EROSKI", "CONSUM", "AHORRAMAS",
          "CONDIS", "BONAREA", "SPAR", "COVIRAN", "GADIS", "FROIZ", "MASYMAS", "CAPRABO", "HIPERCOR")


def synthetic_user(seed: int, start: dt.datetime = dt.datetime(2024, 1, 1)) -> list[PastVisit]:
    rng = np.random.default_rng(seed)
    shops = list(rng.choice(CHAINS, size=4, replace=False))
    main, top_up_shops = shops[0], shops[1:1 + int(rng.integers(1, 4))]
    big_day, big_hour = int(rng.integers(0, 7)), float(np.clip(rng.normal(17.5, 2.5), 9, 21))
    top_ups_per_week = float(rng.uniform(0.5, 4.0))
    # Top-ups mostly go to one shop near home or work, at the user's own time of day.
    top_up_hour = float(np.clip(rng.normal(13, 4), 8, 21))
    loyalty = float(rng.uniform(0.5, 0.9))
    new_shop_rate = float(rng.uniform(0.0, 0.08))
    weeks = int(rng.integers(12, 60))
    visits: list[PastVisit] = []
    new_count = 0
    for week in range(weeks):
        week_start = start + dt.timedelta(weeks=week)
        if rng.random() < 0.9:  # the weekly big shop, sometimes a day early or late
            day = big_day + int(rng.choice([-1, 0, 0, 0, 0, 1]))
            when = week_start + dt.timedelta(days=day, hours=float(np.clip(rng.normal(big_hour, 1.0), 8, 22)))
            visits.append(PastVisit(shop=main, datetime=when, total=Decimal(str(round(float(rng.uniform(40, 140)), 2)))))
        for _ in range(int(rng.poisson(top_ups_per_week))):
            when = week_start + dt.timedelta(days=float(rng.uniform(0, 7)))
            when = when.replace(hour=int(np.clip(rng.normal(top_up_hour, 1.5), 8, 21)), minute=int(rng.integers(0, 60)))
            if rng.random() < new_shop_rate:
                new_count += 1
                shop = f"SHOP-{seed}-{new_count}"
            elif rng.random() < loyalty:
                shop = top_up_shops[0]
            else:
                shop = str(rng.choice(top_up_shops[1:] + [main]))
            visits.append(PastVisit(shop=shop, datetime=when, total=Decimal(str(round(float(rng.uniform(3, 30)), 2)))))
    visits.sort(key=lambda v: v.datetime)
    return visits
