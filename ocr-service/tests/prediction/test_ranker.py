"""The shipped next-shop ranker on real-shaped histories: edge cases, time zones, size, ranking."""

from __future__ import annotations

import datetime as dt
import random

import pytest

from ocr_service.prediction.history import build_history, canonical_shop
from ocr_service.prediction.ranker import DEFAULT_MODEL, load_ranker, predict
from ocr_service.prediction.synthetic import synthetic_user
from ocr_service.schemas import PastVisit

RANKER = load_ranker(str(DEFAULT_MODEL))


def test_the_shipped_model_loads_with_its_cross_validated_metrics():
    assert RANKER is not None
    assert RANKER.name == "ranker-v1"
    assert RANKER.metrics["cv_acc1"] > RANKER.metrics["cv_most_frequent_acc1"]
    assert RANKER.metrics["cv_acc1"] > RANKER.metrics["cv_markov1_acc1"]


def test_canonical_names_merge_spellings_of_one_shop():
    assert canonical_shop("Mercadona, S.A.") == canonical_shop("MERCADONA") == "MERCADONA"
    assert canonical_shop("Día") == canonical_shop("DIA")


def test_unsorted_and_duplicated_visits_give_the_same_answer():
    visits = synthetic_user(7)[:60]
    now = visits[-1].datetime + dt.timedelta(hours=20)
    shuffled = visits[:] + visits[:10]
    random.Random(1).shuffle(shuffled)
    assert len(build_history(shuffled)) == len(build_history(visits))
    assert predict(shuffled, now, RANKER) == predict(visits, now, RANKER)


def test_time_zones_in_current_time_are_read_as_wall_clock():
    visits = synthetic_user(3)[:40]
    naive = visits[-1].datetime + dt.timedelta(hours=30)
    aware = naive.replace(tzinfo=dt.timezone(dt.timedelta(hours=1)))
    assert predict(visits, aware, RANKER).predictions == predict(visits, naive, RANKER).predictions


def test_probabilities_are_a_distribution_ranked_best_first():
    visits = synthetic_user(11)
    answer = predict(visits, visits[-1].datetime + dt.timedelta(days=2), RANKER)
    probabilities = [p.probability for p in answer.predictions]
    assert probabilities == sorted(probabilities, reverse=True)
    assert sum(probabilities) + answer.new_shop_probability <= 1.0001
    assert answer.model == "ranker-v1" and answer.baseline and answer.confidence == "normal"
    assert answer.next_visit is not None


def test_a_regular_weekly_shopper_is_predicted_on_the_right_day():
    start = dt.datetime(2025, 1, 6, 18)  # Mondays: MERCADONA; Thursdays at noon: DIA
    visits = [PastVisit(shop="MERCADONA", datetime=start + dt.timedelta(weeks=w)) for w in range(12)]
    visits += [PastVisit(shop="DIA", datetime=start + dt.timedelta(weeks=w, days=3, hours=-6)) for w in range(12)]
    monday = predict(visits, dt.datetime(2025, 3, 31, 17, 0), RANKER)
    thursday = predict(visits, dt.datetime(2025, 4, 3, 11, 30), RANKER)
    assert monday.predictions[0].shop == "MERCADONA"
    assert thursday.predictions[0].shop == "DIA"


@pytest.mark.parametrize("size", [0, 1, 2])
def test_tiny_histories_fall_back_to_an_honest_low_confidence_answer(size):
    visits = synthetic_user(5)[:size]
    answer = predict(visits, dt.datetime(2025, 1, 1, 10), RANKER)
    assert answer.confidence == ("none" if size == 0 else "low")
    assert len(answer.predictions) == min(size, 1)


def test_a_shopper_who_moved_to_another_shop_is_predicted_at_the_new_one():
    start = dt.datetime(2024, 1, 6, 11)  # Saturdays: a year at OLD, then two months at NEW
    visits = [PastVisit(shop="OLD", datetime=start + dt.timedelta(weeks=w)) for w in range(44)]
    visits += [PastVisit(shop="NEW", datetime=start + dt.timedelta(weeks=w)) for w in range(44, 52)]
    answer = predict(visits, visits[-1].datetime + dt.timedelta(days=6, hours=22), RANKER)
    assert answer.predictions[0].shop == "NEW"
    assert answer.predictions[0].probability > 0.5


def test_a_weekday_morning_habit_beside_a_weekly_shop():
    start = dt.datetime(2025, 2, 3, 8, 15)  # every weekday morning BAKERY, Saturday evening MERCADONA
    visits = [PastVisit(shop="BAKERY", datetime=start + dt.timedelta(days=d)) for d in range(70) if d % 7 < 5]
    visits += [PastVisit(shop="MERCADONA", datetime=start + dt.timedelta(days=d, hours=10)) for d in range(5, 70, 7)]

    def asked_at(now: dt.datetime):
        return predict([v for v in visits if v.datetime < now], now, RANKER)

    tuesday_morning = asked_at(dt.datetime(2025, 4, 8, 7, 30))
    assert tuesday_morning.predictions[0].shop == "BAKERY"
    assert tuesday_morning.predictions[1].shop == "MERCADONA"
    # Known weakness of ranker-v1, kept visible: asked on Saturday afternoon it still ranks the
    # weekday bakery first (0.66) above the Saturday-evening supermarket.


def test_ten_thousand_visits_are_answered():
    # Its speed is measured by `./cesta bench prediction`, not here.
    rng = random.Random(0)
    start = dt.datetime(2010, 1, 1)
    visits = [PastVisit(shop=f"SHOP-{rng.randint(0, 300)}", datetime=start + dt.timedelta(hours=7 * i))
              for i in range(10_000)]
    answer = predict(visits, visits[-1].datetime + dt.timedelta(hours=3), RANKER)
    assert len(answer.predictions) == 5 and answer.history_size == 10_000
