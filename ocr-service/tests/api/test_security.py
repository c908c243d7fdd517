"""The key guards every route but /health, listens on loopback only, and never leaks."""

import httpx
import psutil
import pytest

from tests.conftest import json_body
from tests.factory import SIMPLE_TICKET, ticket_pdf

PREDICT_BODY = {"user_context": {"current_time": "2025-10-27T09:00:00", "is_weekend": False},
                "purchase_history_summary": []}


@pytest.mark.parametrize("headers", [{}, {"X-API-Key": "wrong"}, {"X-API-Key": ""}], ids=["none", "wrong", "empty"])
@pytest.mark.parametrize("path,body", [("/ocr/process", json_body(ticket_pdf(SIMPLE_TICKET))),
                                       ("/predict/next-shop", PREDICT_BODY)], ids=["ocr", "predict"])
def test_requests_without_the_right_key_are_401(service, headers, path, body):
    answer = httpx.post(f"{service.url}{path}", json=body, headers=headers, timeout=10)
    assert answer.status_code == 401
    assert answer.json()["code"] == "invalid_api_key"


def test_the_right_key_is_accepted(client):
    assert client.post("/predict/next-shop", json=PREDICT_BODY).status_code == 200


def test_listens_on_loopback_only(service):
    master = psutil.Process(service.process.pid)
    listening = [c for p in [master, *master.children()] for c in p.net_connections(kind="inet")
                 if c.status == psutil.CONN_LISTEN]
    assert listening
    assert {c.laddr.ip for c in listening} == {"127.0.0.1"}


def test_key_never_in_command_lines_or_logs(service, client):
    client.post("/ocr/process", json=json_body(ticket_pdf(SIMPLE_TICKET)))
    httpx.post(f"{service.url}/ocr/process", json={}, headers={"X-API-Key": "wrong"}, timeout=10)
    master = psutil.Process(service.process.pid)
    for process in [master, *master.children(recursive=True)]:
        assert service.api_key not in " ".join(process.cmdline())
    log = "\n".join(service.log)
    assert "POST /ocr/process" in log  # the access log is there...
    assert service.api_key not in log  # ...but the key is not
