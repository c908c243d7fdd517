import os

import httpx
import psutil

from ocr_service import __version__


def test_health_answers_without_key_and_names_this_instance(service):
    answer = httpx.get(f"{service.url}/health", timeout=5)
    assert answer.status_code == 200
    body = answer.json()
    assert body["status"] == "ok"
    assert body["version"] == __version__
    assert body["instance_id"] == service.instance_id
    assert body["workers"] == 2
    assert body["pid"] == service.process.pid
    worker_pids = {c.pid for c in psutil.Process(service.process.pid).children()}
    assert body["worker_pid"] in worker_pids
    assert body["worker_pid"] != os.getpid()
    assert body["engines"]["text_layer"].startswith("pdfium")
    assert body["engines"]["ocr"].startswith("tesseract 5")


def test_unknown_route_is_a_json_404(client):
    answer = client.get("/nope")
    assert answer.status_code == 404
    assert answer.json()["code"] == "not_found"


def test_wrong_method_is_a_json_405(client):
    answer = client.get("/ocr/process")
    assert answer.status_code == 405
    assert answer.json()["code"] == "method_not_allowed"
