"""A document that takes longer than the request's time budget is refused with its code, between
pages, and the worker goes on serving (the budget keeps one slow document from holding a worker)."""

from __future__ import annotations

import io

import httpx
import pytest
from pypdf import PdfReader, PdfWriter

from ocr_service.devtools.local_service import LocalService
from tests.conftest import ES_DEV, json_body
from tests.factory import SIMPLE_TICKET, ticket_pdf

SCAN = min(ES_DEV.glob("scan-*.pdf"))
BUDGET_S = 0.5


def scanned_pages(count: int) -> bytes:
    """A real scanned ticket's page, `count` times: each page needs OCR (about a second here)."""
    writer = PdfWriter()
    for _ in range(count):
        writer.append(PdfReader(SCAN))
    buffer = io.BytesIO()
    writer.write(buffer)
    return buffer.getvalue()


@pytest.mark.timeout(120)
def test_a_document_beyond_the_time_budget_is_refused_and_the_service_goes_on():
    budget = {"INTELLIGENCE_REQUEST_TIME_BUDGET_S": str(BUDGET_S)}
    with LocalService(workers=1, extra_env=budget) as service, \
            httpx.Client(base_url=service.url, headers=service.headers, timeout=60) as client:
        slow = client.post("/ocr/process", json=json_body(scanned_pages(4), "four-scans.pdf"))
        assert slow.status_code == 422, slow.text[:300]
        assert slow.json()["code"] == "time_budget_exceeded"
        assert "budget" in slow.json()["message"]
        quick = client.post("/ocr/process", json=json_body(ticket_pdf(SIMPLE_TICKET)))
        assert quick.status_code == 200 and quick.json()["total"] == "2.15"
