"""POST /predict/next-shop through the real service."""

from datetime import datetime, timedelta

import pytest


def visits(pattern, start=datetime(2025, 9, 1, 18, 0)):
    """pattern: list of (shop, days after start, hour)."""
    return [{"shop": shop, "datetime": (start + timedelta(days=day)).replace(hour=hour).isoformat(), "total": "10.00"}
            for shop, day, hour in pattern]


def ask(client, history, now="2025-10-27T09:00:00"):
    answer = client.post("/predict/next-shop", json={
        "user_context": {"current_time": now, "is_weekend": False}, "purchase_history_summary": history})
    assert answer.status_code == 200, answer.text
    return answer.json()


def test_empty_history_is_an_honest_answer_not_an_error(client):
    body = ask(client, [])
    assert body["predictions"] == []
    assert body["new_shop_probability"] == 1.0
    assert body["history_size"] == 0
    assert body["confidence"] == "none"
    assert body["next_visit"] is None


@pytest.mark.parametrize("size", [1, 2])
def test_tiny_history_is_low_confidence(client, size):
    body = ask(client, visits([("MERCADONA", d, 18) for d in range(size)]))
    assert body["confidence"] == "low"
    assert body["predictions"][0]["shop"] == "MERCADONA"
    assert body["predictions"][0]["probability"] < 0.7


def test_weekly_shopper_gets_the_usual_shop_and_a_window(client):
    # Mercadona every Monday evening, Dia on some Thursdays, one Lidl visit.
    pattern = [("MERCADONA", 7 * w, 18) for w in range(8)] + [("DIA", 7 * w + 3, 12) for w in range(0, 8, 2)]
    pattern.append(("LIDL", 20, 11))
    body = ask(client, visits(pattern), now="2025-10-27T09:00:00")
    ranked = [p["shop"] for p in body["predictions"]]
    assert ranked[0] == "MERCADONA"
    assert set(ranked) == {"MERCADONA", "DIA", "LIDL"}
    probabilities = [p["probability"] for p in body["predictions"]]
    assert probabilities == sorted(probabilities, reverse=True)
    assert 0.99 <= sum(probabilities) + body["new_shop_probability"] <= 1.01
    top = body["predictions"][0]
    start, end = top["interval_80"]
    assert start <= top["expected_visit"] <= end
    assert top["expected_visit"] >= "2025-10-27T09:00:00"
    assert body["history_size"] == len(pattern)
    assert body["model"] == "ranker-v1"


def test_shop_names_are_canonicalised(client):
    body = ask(client, visits([("Mercadona", 0, 18), ("MERCADONA ", 7, 18), ("mercadona", 14, 18), ("DIA", 3, 12)]))
    assert body["predictions"][0]["shop"] == "Mercadona"
    assert len(body["predictions"]) == 2


def test_unknown_fields_are_refused(client):
    answer = client.post("/predict/next-shop", json={"user_context": {"current_time": "2025-10-27T09:00:00"},
                                                     "purchase_history_summary": [], "extra": 1})
    assert answer.status_code == 422
    assert answer.json()["code"] == "invalid_request"


def test_bad_datetime_is_422(client):
    answer = client.post("/predict/next-shop", json={"user_context": {"current_time": "yesterday"},
                                                     "purchase_history_summary": []})
    assert answer.status_code == 422


def basket_request(history, k=10, now="2025-10-27T09:00:00"):
    return {"user_context": {"current_time": now}, "history": history, "k": k}


def test_next_basket_lists_due_products_with_their_rhythm(client):
    start = datetime(2025, 9, 1, 18, 0)
    history = [{"datetime": (start + timedelta(days=7 * w)).isoformat(), "shop": "MERCADONA",
                "items": [{"description": "LECHE ENTERA", "category": "Huevos, leche y mantequilla", "quantity": "6"},
                          {"description": "PAN BARRA" if w % 2 else "PAN BAR. HACENDADO"}]} for w in range(8)]
    answer = client.post("/predict/next-basket", json=basket_request(history, k=5))
    assert answer.status_code == 200, answer.text
    body = answer.json()
    assert set(body) == {"items", "model", "history_size", "products", "reason", "warnings"}
    assert body["history_size"] == 8 and body["products"] == 2 and body["reason"] is None
    milk = next(i for i in body["items"] if i["description"] == "LECHE ENTERA")
    assert set(milk) == {"description", "spellings", "category", "probability", "repeat", "times_bought",
                         "last_bought", "every_days", "due", "days_overdue", "usual_shop"}
    assert milk["category"] == "Huevos, leche y mantequilla" and milk["repeat"] and milk["every_days"] == 7.0
    assert milk["due"] == "2025-10-27" and milk["days_overdue"] == 0 and milk["usual_shop"] == "MERCADONA"
    bread = next(i for i in body["items"] if i["description"].startswith("PAN"))
    assert sorted(bread["spellings"]) == ["PAN BAR. HACENDADO", "PAN BARRA"]


def test_next_basket_on_an_empty_history_is_an_empty_list_with_a_reason(client):
    body = client.post("/predict/next-basket", json=basket_request([])).json()
    assert body["items"] == [] and body["products"] == 0 and body["reason"]


@pytest.mark.parametrize("bad", [
    basket_request([], k=0),
    basket_request([{"datetime": "2025-09-01T10:00:00", "items": [{"description": ""}]}]),
    basket_request([{"datetime": "yesterday", "items": []}]),
    basket_request([{"datetime": "2025-09-01T10:00:00", "items": [{"description": "PAN", "category": "Bread"}]}]),
])
def test_next_basket_refuses_bad_input_with_its_code(client, bad):
    answer = client.post("/predict/next-basket", json=bad)
    assert answer.status_code == 422
    assert answer.json()["code"] == "invalid_request"
