"""docs/openapi.json is the contract as the service declares it: regenerated with `./cesta openapi`."""

from pathlib import Path

from ocr_service.devtools.openapi import render

DOCUMENT = Path(__file__).resolve().parents[3] / "docs" / "openapi.json"


def test_the_committed_openapi_document_is_what_the_service_declares():
    assert DOCUMENT.read_text(encoding="utf-8") == render(), "run ./cesta openapi and commit docs/openapi.json"


def test_the_document_names_every_endpoint_of_the_contract():
    paths = set(__import__("json").loads(DOCUMENT.read_text(encoding="utf-8"))["paths"])
    assert {"/health", "/ocr/process", "/predict/next-shop"} <= paths
