"""POST /categorize and the categories of /ocr/process, through the real service."""

from __future__ import annotations

import pytest

from ocr_service.categories.taxonomy import CATEGORIES
from tests.conftest import ES_DEV, json_body


def categorize(client, descriptions, examples=()):
    answer = client.post("/categorize", json={
        "items": [{"description": d} for d in descriptions],
        "examples": [{"description": d, "category": c} for d, c in examples]})
    assert answer.status_code == 200, answer.text
    return answer.json()


def test_each_line_gets_a_category_and_a_confidence_in_order(client):
    lines = ["PLATANO CANARIAS", "GASOLEO A", "DETERGENTE LIQUIDO", "IBUPROFENO 600 MG", "CAFE CON LECHE TAZA"]
    body = categorize(client, lines)
    assert [i["description"] for i in body["items"]] == lines
    assert [i["category"] for i in body["items"]] == [
        "Fruta y verdura", "Combustible", "Limpieza y hogar", "Farmacia", "Restaurante y cafetería"]
    assert all(0 < i["category_confidence"] <= 1 for i in body["items"])
    assert body["model"]


def test_the_persons_example_overrides_the_model_for_that_line_and_a_near_same_one(client):
    without = categorize(client, ["PAN MOLDE INTEGRAL", "PAN MOLDE INTEGRA"])
    assert {i["category"] for i in without["items"]} == {"Panadería y pastelería"}
    corrected = categorize(client, ["PAN MOLDE INTEGRAL", "PAN MOLDE INTEGRA", "MANZANA GOLDEN"],
                           examples=[("PAN MOLDE INTEGRAL", "Otros")])
    first, near, other = corrected["items"]
    assert (first["category"], first["category_confidence"]) == ("Otros", 1.0)
    assert near["category"] == "Otros" and 0.9 <= near["category_confidence"] < 1.0
    assert other["category"] == "Fruta y verdura"  # an example says nothing of unrelated lines


def test_an_example_informs_its_abbreviations(client):
    # The person says a line is a ready meal; a shorter print of the same product follows them.
    body = categorize(client, ["ARROZ NEGRO CAZUELA", "ARROZ NEG CAZ"],
                      examples=[("ARROZ NEGRO CAZUELA", "Pizzas y platos preparados")])
    assert [i["category"] for i in body["items"]] == ["Pizzas y platos preparados"] * 2


def test_the_later_of_two_examples_for_one_line_wins(client):
    body = categorize(client, ["AGUA MINERAL 1.5L"],
                      examples=[("AGUA MINERAL 1.5L", "Otros"), ("AGUA MINERAL 1,5 L", "Agua y refrescos")])
    assert body["items"][0]["category"] == "Agua y refrescos"


def test_a_line_with_nothing_to_read_is_other_at_zero(client):
    body = categorize(client, ["2 KG", "***"])
    assert [(i["category"], i["category_confidence"]) for i in body["items"]] == [("Otros", 0.0)] * 2


def test_no_items_is_an_empty_answer(client):
    assert categorize(client, [])["items"] == []


@pytest.mark.parametrize("body, code, where", [
    ({"items": [{"description": ""}]}, "invalid_request", "items.0.description"),
    ({"items": [{"description": "x" * 201}]}, "invalid_request", "items.0.description"),
    ({"items": [{"description": "PAN"}], "examples": [{"description": "PAN", "category": "Bread"}]},
     "invalid_request", "examples.0.category"),
    ({"items": [{"description": "PAN", "price": 1}]}, "invalid_request", "items.0.price"),
    ({"examples": []}, "invalid_request", "items"),
    ({"items": [{"description": "PAN"}] * 2001}, "invalid_request", "items"),
])
def test_bad_input_is_refused_with_its_code(client, body, code, where):
    answer = client.post("/categorize", json=body)
    assert answer.status_code == 422
    assert answer.json()["code"] == code
    assert where in answer.json()["message"]


def test_a_body_that_is_not_json_is_400(client):
    answer = client.post("/categorize", content=b"{items", headers={"Content-Type": "application/json"})
    assert (answer.status_code, answer.json()["code"]) == (400, "invalid_json")


def test_without_the_key_it_is_401(client):
    answer = client.post("/categorize", json={"items": []}, headers={"X-API-Key": "wrong"})
    assert (answer.status_code, answer.json()["code"]) == (401, "invalid_api_key")


def test_a_read_ticket_has_a_category_on_every_item(client):
    pdf = next(p for p in sorted(ES_DEV.glob("*.pdf")) if "mercadona" in p.name.lower())
    answer = client.post("/ocr/process", json=json_body(pdf.read_bytes(), pdf.name))
    assert answer.status_code == 200, answer.text
    body = answer.json()
    assert body["items"]
    assert all(i["category"] in CATEGORIES and 0 <= i["category_confidence"] <= 1 for i in body["items"])
    assert "categorise" in body["timings_ms"]
    # A supermarket ticket spreads over several sections, not one guess for everything.
    assert len({i["category"] for i in body["items"]}) >= 3
