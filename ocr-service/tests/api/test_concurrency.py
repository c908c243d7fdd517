"""Concurrent clients against the real service, and the 503 bound when a worker is saturated."""

from concurrent.futures import ThreadPoolExecutor
from decimal import Decimal

import httpx

from ocr_service.devtools.local_service import LocalService
from tests.conftest import ground_truth, json_body, text_layer_tickets
from tests.factory import ticket_pdf


def test_twenty_concurrent_text_layer_tickets_all_succeed(service):
    tickets = text_layer_tickets()[:20]
    assert len(tickets) == 20

    def send(pdf):
        with httpx.Client(timeout=30) as http:
            return pdf, http.post(f"{service.url}/ocr/process", json=json_body(pdf.read_bytes(), pdf.name),
                                  headers=service.headers)

    with ThreadPoolExecutor(max_workers=20) as pool:
        results = list(pool.map(send, tickets))
    for pdf, answer in results:
        assert answer.status_code == 200, f"{pdf.name}: {answer.status_code} {answer.text[:200]}"
        assert Decimal(answer.json()["total"]) == Decimal(ground_truth(pdf)["total"]), pdf.name


def test_saturated_worker_answers_503_with_retry_after():
    # One worker that admits a single document at a time; long PDFs keep it busy.
    heavy = json_body(ticket_pdf([f"LINE {i} PRODUCT NAME {i * 7}  {i},{i % 100:02d}" for i in range(70)], pages=30))
    settings = {"INTELLIGENCE_MAX_PENDING_PER_WORKER": "1", "INTELLIGENCE_CONCURRENCY_PER_WORKER": "1"}
    with LocalService(workers=1, extra_env=settings) as busy:

        def send(_):
            with httpx.Client(timeout=30) as http:
                return http.post(f"{busy.url}/ocr/process", json=heavy, headers=busy.headers)

        with ThreadPoolExecutor(max_workers=12) as pool:
            answers = list(pool.map(send, range(12)))
    statuses = [a.status_code for a in answers]
    assert set(statuses) <= {200, 503}
    assert 200 in statuses
    refused = [a for a in answers if a.status_code == 503]
    assert refused, statuses
    for answer in refused:
        assert answer.json()["code"] == "busy"
        assert int(answer.headers["Retry-After"]) >= 1
