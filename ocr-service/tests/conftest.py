"""Shared fixtures: one real Gunicorn service for the session, the real ticket corpus, a ticket maker."""

from __future__ import annotations

import base64
import json
import uuid
from pathlib import Path

import httpx
import pytest

from ocr_service.devtools.local_service import LocalService

REPO_ROOT = Path(__file__).resolve().parents[2]
SHARED = REPO_ROOT.parent / "shared"
ES_DEV = SHARED / "receipts" / "es-dev"


def text_layer_tickets() -> list[Path]:
    """Every es-dev ticket whose ground truth says it was born digital (text layer)."""
    return sorted(p.with_suffix(".pdf") for p in ES_DEV.glob("*.json")
                  if json.loads(p.read_text()).get("kind", "").startswith("digital") and p.with_suffix(".pdf").exists())


def ground_truth(pdf: Path) -> dict:
    return json.loads(pdf.with_suffix(".json").read_text())


def json_body(data: bytes, file_name: str = "ticket.pdf", ticket_id: str | None = None) -> dict:
    return {"ticket_id": ticket_id or str(uuid.uuid4()), "file_name": file_name,
            "file_content_b64": base64.b64encode(data).decode()}


@pytest.fixture(scope="session")
def service():
    with LocalService(workers=2) as running:
        yield running


@pytest.fixture
def client(service):
    with httpx.Client(base_url=service.url, headers=service.headers, timeout=30) as http:
        yield http
