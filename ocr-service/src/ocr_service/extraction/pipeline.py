"""One ticket through the extraction stages, within the request's limits and time budget."""

from __future__ import annotations

import time
from uuid import UUID

from ocr_service.config import Settings
from ocr_service.extraction import documents, pdf
from ocr_service.extraction.deadline import Deadline
from ocr_service.extraction.documents import Upload
from ocr_service.extraction.parsing.items import ParsedItem
from ocr_service.extraction.parsing.receipt import Receipt, parse_receipt
from ocr_service.schemas import Checks, LineItem, OcrResponse, Shop, TaxLine

# Below this many characters per page a PDF is treated as having no usable text layer.
MIN_TEXT_CHARS_PER_PAGE = 20


def engines() -> dict[str, str]:
    return {"text_layer": pdf.PDFIUM_VERSION}


def _line_item(item: ParsedItem) -> LineItem:
    return LineItem(description=item.description, quantity=item.quantity, unit=item.unit,
                    unit_price=item.unit_price, amount=item.amount)


def to_response(ticket_id: UUID, receipt: Receipt, *, source: str, pages: int, text: str,
                warnings: list[str], timings: dict[str, int]) -> OcrResponse:
    return OcrResponse(
        ticket_id=ticket_id,
        source=source,  # type: ignore[arg-type]
        pages=pages,
        shop=Shop(name=receipt.shop.name, legal_name=receipt.shop.legal_name, tax_id=receipt.shop.tax_id,
                  address=receipt.shop.address),
        date=receipt.date,
        time=receipt.time,
        currency=receipt.currency,
        total=receipt.total,
        items=[_line_item(i) for i in receipt.items],
        discounts=[_line_item(d) for d in receipt.discounts],
        taxes=[TaxLine(rate=t.rate, base=t.base, amount=t.amount) for t in receipt.taxes],
        payment_method=receipt.payment_method,  # type: ignore[arg-type]
        invoice_number=receipt.invoice_number,
        confidence=receipt.confidence,
        checks=Checks(**receipt.checks),
        warnings=warnings + receipt.warnings,
        text=text,
        timings_ms=timings,
    )


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
    receipt = parse_receipt(text)
    timings["parse"] = round((time.perf_counter() - parse_started) * 1000)
    return to_response(ticket_id, receipt, source="text_layer", pages=pages, text=text, warnings=warnings,
                       timings=timings)
