"""Extraction quality on the real dev tickets, through the real service, field by field.

The floors are those of the extraction issue; they fail when a change makes Cesta read real
tickets worse.
"""

from __future__ import annotations

import json
from concurrent.futures import ThreadPoolExecutor
from decimal import Decimal
from pathlib import Path

import httpx
import pypdfium2 as pdfium
import pytest

from ocr_service.extraction.parsing.amounts import amounts_in
from tests.conftest import ES_DEV, SHARED, json_body

SROIE_DEV = SHARED / "receipts" / "sroie-dev"
PHOTOS_DEV = SHARED / "receipts" / "photos-dev"


def tickets_of(kind: str) -> list[Path]:
    return sorted(p.with_suffix(".pdf") for p in ES_DEV.glob("*.json")
                  if json.loads(p.read_text()).get("kind") == kind and p.with_suffix(".pdf").exists())


# What a refused receipt scores as: nothing found.
NOTHING_READ = {"shop": {"name": None, "legal_name": None, "tax_id": None, "address": None}, "date": None,
                "time": None, "total": None, "items": [], "taxes": [], "payment_method": None}


def read_all(service, files: list[Path], refusals: list[str] | None = None) -> dict[Path, dict]:
    """Every file's answer. A file refused as not a ticket is scored as nothing read and named in
    `refusals` when the caller allows refusals (a receipt too damaged to read), else it fails."""
    def send(path: Path) -> tuple[Path, dict]:
        with httpx.Client(timeout=120) as http:
            answer = http.post(f"{service.url}/ocr/process", json=json_body(path.read_bytes(), path.name),
                               headers=service.headers)
        if refusals is not None and answer.status_code == 422 and answer.json()["code"] == "not_a_ticket":
            refusals.append(path.name)
            return path, NOTHING_READ
        assert answer.status_code == 200, f"{path.name}: {answer.text[:200]}"
        return path, answer.json()

    with ThreadPoolExecutor(max_workers=2) as pool:
        return dict(pool.map(send, files))


def field_hits(truth: dict, got: dict) -> dict[str, bool]:
    hits = {
        "shop": truth["shop"]["name"] in ((got["shop"]["name"] or "") + (got["shop"]["legal_name"] or "")).upper(),
        "tax_id": got["shop"]["tax_id"] == truth["shop"]["tax_id"],
        "date": got["date"] == truth["date"],
        "time": got["time"] == truth["time"],
        "total": got["total"] is not None and Decimal(got["total"]) == Decimal(truth["total"]),
        "payment_method": got["payment_method"] == truth["payment_method"],
    }
    if truth.get("items"):
        hits["items"] = sorted(Decimal(i["amount"]) for i in got["items"]) == sorted(
            Decimal(i["amount"]) for i in truth["items"])
    if truth.get("taxes"):
        key = lambda t: (Decimal(t["rate"]), Decimal(t["base"]), Decimal(t["amount"]))
        hits["taxes"] = sorted(map(key, got["taxes"])) == sorted(map(key, truth["taxes"]))
    return hits


def accuracy(results: dict[Path, dict]) -> dict[str, float]:
    counts: dict[str, list[int]] = {}
    for path, got in results.items():
        for field, hit in field_hits(json.loads(path.with_suffix(".json").read_text()), got).items():
            counts.setdefault(field, []).append(int(hit))
    return {field: sum(v) / len(v) for field, v in counts.items()}


def test_digital_tickets_are_read_exactly(service):
    results = read_all(service, tickets_of("digital-pdf"))
    assert len(results) == 70
    assert all(r["source"] == "text_layer" for r in results.values())
    score = accuracy(results)
    for field in ("shop", "tax_id", "date", "time", "total", "payment_method"):
        assert score[field] >= 0.99, (field, score)
    assert score["items"] >= 0.97 and score["taxes"] >= 0.97, score
    # The review's boxes: the text layer inside the total's box prints the total.
    holds = [Decimal(got["total"]) in amounts_in(printed_in(path, got["boxes"]["total"]))
             for path, got in results.items() if got["total"] is not None]
    assert sum(holds) / len(holds) >= 0.99, holds


@pytest.mark.timeout(600)
def test_scanned_tickets_are_read_by_ocr(service):
    results = read_all(service, tickets_of("scan-pdf") + tickets_of("vector-pdf-no-text"))
    assert all(r["source"] == "ocr" for r in results.values())
    score = accuracy(results)
    for field in ("shop", "date", "total"):
        assert score[field] >= 0.98, (field, score)
    assert score["tax_id"] >= 0.95, score
    assert score["items"] >= 0.90 and score["taxes"] >= 0.90, score
    # The review's boxes: on a scan of a PDF, the total and the date are found where the PDF prints them.
    twins = {scan: ES_DEV / scan.name.removeprefix("scan-") for scan in results if scan.name.startswith("scan-")}
    printed = read_all(service, [t for t in twins.values() if t.exists()])
    same = [same_line(results[scan]["boxes"][field], printed[twin]["boxes"][field])
            for scan, twin in twins.items() if twin in printed for field in ("total", "date")]
    # Measured 28 of 30: on two Dia scans OCR garbles "Total a pagar", and the box is the other
    # line that prints the total ("Total venta Dia").
    assert len(same) >= 20 and sum(same) / len(same) >= 0.9, same


def printed_in(pdf: Path, box: dict | None) -> str:
    """The text layer inside a page box of the answer."""
    if box is None:
        return ""
    page = pdfium.PdfDocument(pdf.read_bytes())[box["page"]]
    width, height = page.get_size()
    return str(page.get_textpage().get_text_bounded(box["left"] * width, (1 - box["bottom"]) * height,
                                                    box["right"] * width, (1 - box["top"]) * height))


def same_line(a: dict | None, b: dict | None) -> bool:
    """Two page boxes on the same printed line: their middles within half a line, sides overlapping."""
    if a is None or b is None or a["page"] != b["page"]:
        return False
    middle = lambda box: (box["top"] + box["bottom"]) / 2
    half_line = max(a["bottom"] - a["top"], b["bottom"] - b["top"]) / 2
    return abs(middle(a) - middle(b)) <= half_line and min(a["right"], b["right"]) > max(a["left"], b["left"])


def _official_score():
    """score.py, the script the product is judged with, imported from the shared corpus."""
    import importlib.util

    spec = importlib.util.spec_from_file_location("receipts_score", SHARED / "receipts" / "score.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)  # type: ignore[union-attr]
    return module


def official_accuracy(results: dict[Path, dict]) -> dict[str, float]:
    """Each field's share of right answers, as score.py counts them (a field the ground truth leaves
    empty, such as a date lost to a photo's crop, is not scored)."""
    score = _official_score()
    hits: dict[str, list[bool]] = {}
    for path, got in results.items():
        truth = score.normalise_gt(json.loads(path.with_suffix(".json").read_text()))
        for field, ok in score.score_one(truth, got).items():
            hits.setdefault(field, []).append(bool(ok))
    return {field: sum(v) / len(v) for field, v in hits.items()}


@pytest.mark.timeout(600)
def test_english_scanned_receipts_keep_their_measured_accuracy(service):
    """sroie-dev through the service, scored by score.py. The floors are the accuracy asked of scans
    (shop 80 %, total 93 %, date 93 %); this build measured shop 81.7 %, total 93.2 %, date 93.3 %."""
    refusals: list[str] = []
    results = read_all(service, sorted(SROIE_DEV.glob("*.pdf")), refusals)
    accuracy = official_accuracy(results)
    assert len(results) == 60
    # One receipt is a dithered scan that neither engine reads a price from: it is refused (the
    # person is told, and can retry) rather than stored with invented fields.
    assert len(refusals) <= 1, refusals
    assert accuracy["shop"] >= 0.8 and accuracy["total"] >= 0.93 and accuracy["date"] >= 0.93, accuracy


@pytest.mark.timeout(600)
def test_phone_photos_of_receipts_keep_their_measured_accuracy(service):
    """photos-dev (27 real phone photos, English), scored by score.py. This build measured total
    88.9 %, date 88.0 %; the floors sit one receipt below (the issue's floors are 85 % and 80 %)."""
    results = read_all(service, sorted(PHOTOS_DEV.glob("*.jpg")))
    accuracy = official_accuracy(results)
    assert len(results) == 27
    assert all(r["source"] == "ocr" for r in results.values())
    assert accuracy["total"] >= 0.85 and accuracy["date"] >= 0.84, accuracy
    # The review shows where the total was read on nearly every photo that has one.
    boxed = [r["boxes"]["total"] is not None for r in results.values() if r["total"] is not None]
    assert sum(boxed) / len(boxed) >= 0.9, boxed


def test_spanish_phone_photos_are_read(service):
    """The three es-dev photos (their dates were lost to the crop): shop and total, every one."""
    results = read_all(service, sorted(ES_DEV.glob("photo-*.jpg")))
    accuracy = official_accuracy(results)
    assert len(results) == 3
    assert accuracy["shop"] == 1.0 and accuracy["total"] == 1.0, accuracy
    assert all(r["boxes"]["total"] is not None and r["boxes"]["shop"] is not None for r in results.values())


@pytest.mark.timeout(600)
def test_simulated_photos_of_spanish_tickets_are_read(service, tmp_path):
    """Ten es-dev digital tickets photographed by the phone simulator (perspective, curl, shadow,
    blur, JPEG; some turned a quarter or upside down), with the PDFs' exact ground truth."""
    from ocr_service.devtools import phone_photo

    tickets = tickets_of("digital-pdf")[::7]
    assert phone_photo.main([*map(str, tickets), "--out", str(tmp_path), "--seed", "16"]) == 0
    results = read_all(service, sorted(tmp_path.glob("*.jpg")))
    accuracy = official_accuracy(results)
    assert len(results) == 10
    assert accuracy["total"] >= 0.9 and accuracy["date"] >= 0.9 and accuracy["shop"] >= 0.9, accuracy


def test_a_doubtful_reading_gets_a_second_look(service):
    """A receipt whose total line OCR cannot read ("Total Amount" with its amount garbled) is read
    again with the other preparation; the total comes from where the two readings agree."""
    path = SROIE_DEV / "059.pdf"
    got = read_all(service, [path])[path]
    assert "ocr_second_look" in got["timings_ms"]
    assert Decimal(got["total"]) == Decimal("7.60")
    clear = ES_DEV / "scan-dia-2024-10-29-5f1c6066.pdf"  # a scan whose total the items confirm
    assert "ocr_second_look" not in read_all(service, [clear])[clear]["timings_ms"]
