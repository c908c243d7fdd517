"""Every kind of bad input gets its documented error fast, and the service keeps working."""

from __future__ import annotations

import json
import time
import uuid

import psutil
import pytest

from tests.conftest import json_body
from tests.factory import (
    SIMPLE_TICKET,
    blank_page_photo,
    blank_pdf,
    encrypted_pdf,
    huge_png,
    random_bytes,
    real_photo,
    text_screenshot,
    ticket_pdf,
    truncated_pdf,
    zip_archive,
)

TID = "7f0f4f3e-8a0c-4b56-9d7e-4f9a2f0f6c11"


def _file(data: bytes, name: str) -> dict:
    return {"json": json_body(data, name)}


BAD_INPUTS = {
    "empty file": (lambda: _file(b"", "empty.pdf"), 400, "empty_file"),
    "truncated pdf": (lambda: _file(truncated_pdf(), "cut.pdf"), 422, "unreadable_pdf"),
    "encrypted pdf": (lambda: _file(encrypted_pdf(), "locked.pdf"), 422, "encrypted_pdf"),
    "500-page pdf": (lambda: _file(blank_pdf(500), "book.pdf"), 413, "too_many_pages"),
    "20000x20000 png": (lambda: _file(huge_png(), "bomb.png"), 413, "image_too_large"),
    "random bytes named .pdf": (lambda: _file(random_bytes(), "noise.pdf"), 400, "not_a_document"),
    "zip named .pdf": (lambda: _file(zip_archive(), "archive.pdf"), 415, "unsupported_type"),
    # Pictures that are not tickets: answered as such, never as a ticket with invented fields.
    "photo of a cat": (lambda: _file(real_photo("chelsea"), "cat.jpg"), 422, "not_a_ticket"),
    "photo of a coffee cup": (lambda: _file(real_photo("coffee"), "coffee.jpg"), 422, "not_a_ticket"),
    "photo of a blank page": (lambda: _file(blank_page_photo(), "blank.jpg"), 422, "not_a_ticket"),
    "screenshot of a letter": (lambda: _file(text_screenshot(), "letter.png"), 422, "not_a_ticket"),
    "invalid base64": (lambda: {"json": {"ticket_id": TID, "file_name": "x.pdf", "file_content_b64": "%%%not base64%%%"}},
                       400, "invalid_base64"),
    "wrong json types": (lambda: {"json": {"ticket_id": 42, "file_name": ["x"], "file_content_b64": None}},
                         422, "invalid_request"),
    "unknown field": (lambda: {"json": {**json_body(ticket_pdf(SIMPLE_TICKET)), "priority": "high"}},
                      422, "invalid_request"),
    "not json at all": (lambda: {"content": b"{this is not json", "headers": {"Content-Type": "application/json"}},
                        400, "invalid_json"),
    "30 MB body": (lambda: {"content": json.dumps(json_body(b"%PDF-1.4\n" + b"0" * 23_000_000)).encode(),
                            "headers": {"Content-Type": "application/json"}}, 413, "body_too_large"),
    "30 MB multipart file": (lambda: {"files": {"file": ("big.pdf", b"%PDF-1.4\n" + b"0" * 30_000_000)},
                                      "data": {"ticket_id": TID}}, 413, "body_too_large"),
}


@pytest.fixture(scope="module")
def worker_pids(service):
    return {c.pid for c in psutil.Process(service.process.pid).children()}


@pytest.mark.parametrize("case", list(BAD_INPUTS), ids=list(BAD_INPUTS))
def test_bad_input_gets_its_error_and_service_survives(client, service, worker_pids, case):
    make_request, status, code = BAD_INPUTS[case]
    request = make_request()
    started = time.monotonic()
    answer = client.post("/ocr/process", **request)
    elapsed = time.monotonic() - started
    assert answer.status_code == status, answer.text[:300]
    body = answer.json()
    if code:
        assert body["code"] == code
    assert body["message"]  # a sentence a person can read
    assert elapsed < 5, f"{case} took {elapsed:.1f} s"

    good = client.post("/ocr/process", json=json_body(ticket_pdf(SIMPLE_TICKET)))
    assert good.status_code == 200
    assert good.json()["total"] == "2.15"
    assert {c.pid for c in psutil.Process(service.process.pid).children()} == worker_pids, "a worker died"


def test_a_real_ticket_named_with_the_wrong_extension_is_still_read(client):
    answer = client.post("/ocr/process", json=json_body(ticket_pdf(SIMPLE_TICKET), "ticket.jpg"))
    assert answer.status_code == 200
    assert answer.json()["total"] == "2.15"


def test_error_bodies_never_echo_the_document(client):
    answer = client.post("/ocr/process", json={"ticket_id": str(uuid.uuid4()), "file_name": "x.pdf",
                                               "file_content_b64": 12345})
    assert answer.status_code == 422
    assert len(answer.text) < 5000


def test_a_client_that_hangs_up_mid_body_leaves_no_traceback(service, client):
    import socket

    with socket.create_connection(("127.0.0.1", service.port), timeout=5) as raw:
        raw.sendall(b"POST /ocr/process HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\n"
                     b"X-API-Key: " + service.api_key.encode() + b"\r\nContent-Length: 100000\r\n\r\n{\"ticket_id\"")
    time.sleep(0.5)
    assert client.post("/ocr/process", json=json_body(ticket_pdf(SIMPLE_TICKET))).json()["total"] == "2.15"
    assert not any("Traceback" in line for line in service.log)
