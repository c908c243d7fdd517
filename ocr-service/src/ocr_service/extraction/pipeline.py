"""One ticket through the extraction stages, within the request's limits and time budget."""

from __future__ import annotations

import time
from uuid import UUID

from ocr_service.config import Settings
from ocr_service.extraction import documents, pdf
from ocr_service.extraction.deadline import Deadline
from ocr_service.extraction.documents import Upload
from ocr_service.extraction.first_pass import read_first_fields
from ocr_service.schemas import OcrResponse, Shop

# Below this many characters per page a PDF is treated as having no usable text layer.
MIN_TEXT_CHARS_PER_PAGE = 20


def engines() -> dict[str, str]:
    return {"text_layer": pdf.PDFIUM_VERSION}


def process_ticket(ticket_id: UUID, upload: Upload, settings: Settings) -> OcrResponse:
    deadline = Deadline(settings.request_time_budget_s)
    timings: dict[str, int] = {}
    started = time.perf_counter()
    documents.check_upload_size(upload, settings.max_upload_bytes)
    kind = documents.sniff_kind(upload)
    warnings: list[str] = []
    if kind == "pdf":
        with pdf.open_pdf(upload, settings.max_pages) as document:
            pages = len(document)
            texts = pdf.page_texts(document, deadline)
        text = "\n".join(t.strip("\n") for t in texts)
    else:
        documents.open_image(upload, settings.max_image_pixels)
        pages, text = 1, ""
    timings["extract"] = round((time.perf_counter() - started) * 1000)

    if len(text.strip()) < MIN_TEXT_CHARS_PER_PAGE * pages:
        warnings.append("no usable text layer: this document needs OCR, which this version does not run yet")
        text = text.strip()
    parse_started = time.perf_counter()
    reading = read_first_fields(text)
    timings["parse"] = round((time.perf_counter() - parse_started) * 1000)
    warnings.extend(reading.warnings)
    warnings.append("shop, items and VAT table are not read by this version")
    return OcrResponse(
        ticket_id=ticket_id,
        source="text_layer",
        pages=pages,
        shop=Shop(),
        date=reading.date,
        time=reading.time,
        currency=reading.currency,
        total=reading.total,
        confidence=reading.confidence,
        warnings=warnings,
        text=text,
        timings_ms=timings,
    )
