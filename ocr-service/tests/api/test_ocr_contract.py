"""The /ocr/process contract on real tickets, in both input forms."""

import uuid
from decimal import Decimal

import pytest

from tests.conftest import ES_DEV, ground_truth, json_body, text_layer_tickets
from tests.factory import SIMPLE_TICKET, ticket_pdf

CONTRACT_KEYS = {"ticket_id", "source", "pages", "shop", "date", "time", "currency", "total", "items", "discounts", "taxes",
                 "payment_method", "invoice_number", "confidence", "checks", "warnings", "text", "timings_ms", "boxes"}
BOX_KEYS = {"shop", "tax_id", "date", "time", "total", "items", "discounts", "taxes"}


def first_mercadona():
    return next(p for p in text_layer_tickets() if p.name.startswith("mercadona"))


def test_json_form_reads_a_real_ticket(client):
    pdf = first_mercadona()
    truth = ground_truth(pdf)
    ticket_id = str(uuid.uuid4())
    answer = client.post("/ocr/process", json=json_body(pdf.read_bytes(), pdf.name, ticket_id))
    assert answer.status_code == 200, answer.text
    body = answer.json()
    assert set(body) == CONTRACT_KEYS
    assert body["ticket_id"] == ticket_id
    assert body["source"] == "text_layer"
    assert body["pages"] == 1
    assert isinstance(body["total"], str)  # amounts travel as decimal strings, never floats
    assert Decimal(body["total"]) == Decimal(truth["total"])
    assert body["date"] == truth["date"]
    assert body["time"] == truth["time"]
    assert body["currency"] == "EUR"
    assert "MERCADONA" in body["text"]
    assert set(body["shop"]) == {"name", "legal_name", "tax_id", "address"}
    assert body["shop"]["name"] == truth["shop"]["name"]
    assert body["shop"]["tax_id"] == truth["shop"]["tax_id"]
    assert [i["amount"] for i in body["items"]] == [i["amount"] for i in truth["items"]]
    assert body["taxes"] == truth["taxes"]
    boxes = body["boxes"]
    assert set(boxes) == BOX_KEYS
    assert len(boxes["items"]) == len(body["items"]) and len(boxes["taxes"]) == len(body["taxes"])
    for box in [boxes[k] for k in ("shop", "tax_id", "date", "time", "total")] + boxes["items"] + boxes["taxes"]:
        assert box["page"] == 0 and 0 <= box["left"] < box["right"] <= 1 and 0 <= box["top"] < box["bottom"] <= 1, box
    # One line each: the total is a few hundredths of the page high, below the date.
    assert boxes["total"]["bottom"] - boxes["total"]["top"] < 0.05 and boxes["date"]["bottom"] <= boxes["total"]["top"]
    assert body["payment_method"] == truth["payment_method"]
    assert body["checks"] == {"items_sum_matches_total": True, "taxes_match_total": True}
    assert set(body["checks"]) == {"items_sum_matches_total", "taxes_match_total"}
    assert body["timings_ms"]["extract"] >= 0


def test_multipart_form_gives_the_same_reading(client):
    pdf = first_mercadona()
    ticket_id = str(uuid.uuid4())
    as_json = client.post("/ocr/process", json=json_body(pdf.read_bytes(), pdf.name, ticket_id)).json()
    answer = client.post("/ocr/process", files={"file": (pdf.name, pdf.read_bytes(), "application/pdf")},
                         data={"ticket_id": ticket_id})
    assert answer.status_code == 200, answer.text
    as_multipart = answer.json()
    for key in ("ticket_id", "total", "date", "time", "text", "pages"):
        assert as_multipart[key] == as_json[key]


def test_generated_ticket_total_is_not_the_subtotal(client):
    answer = client.post("/ocr/process", json=json_body(ticket_pdf(SIMPLE_TICKET)))
    assert answer.status_code == 200
    body = answer.json()
    assert body["total"] == "2.15"
    assert body["date"] == "2024-03-14"
    assert body["time"] == "18:32"


def test_unread_fields_are_null_with_warnings(client):
    """A ticket whose header and total line are missing: no date, and a total worked out from the
    card payment alone, which nothing else confirms, so it is doubtful and says so."""
    answer = client.post("/ocr/process", json=json_body(ticket_pdf(["GRACIAS POR SU VISITA, VUELVA PRONTO", "1 PAN BARRA  1,20", "TARJETA BANCARIA  2,15"])))
    body = answer.json()
    assert answer.status_code == 200
    assert body["date"] is None and "date not found" in body["warnings"]
    assert body["total"] == "2.15" and body["confidence"]["total"] < 0.8
    assert "no total line could be read; total worked out from the card payment" in body["warnings"]


def test_a_scan_without_text_layer_is_ocrd(client):
    scan = ES_DEV / "scan-mercadona-2023-12-15-2d5f7f25.pdf"
    truth = ground_truth(scan)
    answer = client.post("/ocr/process", json=json_body(scan.read_bytes(), scan.name))
    assert answer.status_code == 200
    body = answer.json()
    assert body["source"] == "ocr"
    assert body["timings_ms"]["ocr"] > 0
    assert (body["shop"]["name"], body["date"], body["total"]) == (truth["shop"]["name"], truth["date"], truth["total"])


def test_a_phone_photo_is_ocrd(client):
    photo = ES_DEV / "photo-alcampo-burgos.jpg"
    answer = client.post("/ocr/process", files={"file": (photo.name, photo.read_bytes(), "image/jpeg")},
                         data={"ticket_id": str(uuid.uuid4())})
    assert answer.status_code == 200
    body = answer.json()
    assert body["source"] == "ocr"
    assert body["shop"]["name"] == "ALCAMPO"


@pytest.mark.parametrize("missing", ["ticket_id", "file_name", "file_content_b64"])
def test_missing_field_is_422(client, missing):
    body = json_body(ticket_pdf(SIMPLE_TICKET))
    del body[missing]
    answer = client.post("/ocr/process", json=body)
    assert answer.status_code == 422
    assert answer.json()["code"] == "invalid_request"
    assert missing in answer.json()["message"]


def test_ticket_id_must_be_a_uuid4(client):
    body = json_body(ticket_pdf(SIMPLE_TICKET), ticket_id="not-a-uuid")
    answer = client.post("/ocr/process", json=body)
    assert answer.status_code == 422


def test_multipart_without_file_is_422(client):
    answer = client.post("/ocr/process", data={"ticket_id": str(uuid.uuid4())}, files={"other": ("x", b"x")})
    assert answer.status_code == 422
    assert answer.json()["code"] == "invalid_request"


def test_other_content_types_are_415(client):
    answer = client.post("/ocr/process", content=b"hello", headers={"Content-Type": "text/plain"})
    assert answer.status_code == 415
    assert answer.json()["code"] == "unsupported_media_type"
