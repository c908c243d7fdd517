import datetime as dt

from ocr_service.prediction.frequency_model import predict
from ocr_service.prediction.intervals import next_window
from ocr_service.schemas import PastVisit


def visit(shop, when):
    return PastVisit(shop=shop, datetime=when)


def test_time_of_week_breaks_a_frequency_tie():
    base = dt.datetime(2025, 9, 1)  # a Monday
    history = [visit("MORNING SHOP", base + dt.timedelta(days=7 * w, hours=9)) for w in range(4)]
    history += [visit("EVENING SHOP", base + dt.timedelta(days=7 * w, hours=19)) for w in range(4)]
    morning = predict(history, dt.datetime(2025, 10, 6, 9, 30))
    evening = predict(history, dt.datetime(2025, 10, 6, 19, 30))
    assert morning.predictions[0].shop == "MORNING SHOP"
    assert evening.predictions[0].shop == "EVENING SHOP"


def test_window_of_a_regular_weekly_habit_is_about_a_week_after_the_last_visit():
    last = dt.datetime(2025, 10, 20, 18)
    times = [last - dt.timedelta(days=7 * k) for k in range(6)]
    window = next_window(times, now=last + dt.timedelta(days=1))
    assert window is not None
    assert window.expected == last + dt.timedelta(days=7)
    assert window.interval_80[0] <= window.expected <= window.interval_80[1]


def test_overdue_window_starts_now():
    last = dt.datetime(2025, 1, 6, 18)
    times = [last - dt.timedelta(days=7 * k) for k in range(4)]
    now = dt.datetime(2025, 3, 1, 10)
    window = next_window(times, now)
    assert window.interval_80[0] == now
    assert window.expected > now


def test_two_visits_give_no_window():
    assert next_window([dt.datetime(2025, 1, 1), dt.datetime(2025, 1, 8)], dt.datetime(2025, 1, 9)) is None
