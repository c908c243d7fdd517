"""One ticket through the extraction stages, within the request's limits and time budget:
the PDF text layer when it is usable, OCR of the rendered page or photo when it is not."""

from __future__ import annotations

import time
from dataclasses import dataclass, field
from uuid import UUID

from PIL import Image

from ocr_service.categories.service import category_model, with_categories
from ocr_service.config import Settings
from ocr_service.extraction import documents, locating, pdf, ticket_evidence
from ocr_service.extraction.deadline import Deadline
from ocr_service.extraction.documents import Upload
from ocr_service.extraction.locating import FieldLocations, Located, LocatedLine
from ocr_service.extraction.ocr.engines import OcrUnavailable
from ocr_service.extraction.ocr.reader import OcrReader, PageReading
from ocr_service.extraction.parsing import conventions
from ocr_service.extraction.parsing.items import ParsedItem
from ocr_service.extraction.parsing.receipt import Receipt, parse_readings, parse_receipt
from ocr_service.extraction.timing import StageTimer
from ocr_service.schemas import Checks, FieldBoxes, LineItem, OcrResponse, PageBox, Shop, TaxLine

# Below this many letters and digits per page a text layer is not the ticket's text
# (scans, pages drawn as vector paths or as many small images): the page is OCR'd instead.
MIN_TEXT_CHARS_PER_PAGE = 40
# A reading whose total nothing else confirms (confidence below this), or without a date, gets a
# second look; measured on sroie-dev: 23 of 60 receipts, none of the 15 es-dev scans.
SECOND_LOOK_BELOW = 0.8
# Not started when less than this is left of the request's time budget.
SECOND_LOOK_MIN_BUDGET_S = 10.0


def engines(settings: Settings) -> dict[str, str]:
    found = {"text_layer": pdf.PDFIUM_VERSION}
    try:
        found["ocr"] = OcrReader.describe(settings)
    except OcrUnavailable as exc:
        found["ocr"] = f"unavailable: {exc}"
    return found


def has_usable_text(texts: list[str]) -> bool:
    return all(sum(c.isalnum() for c in text) >= MIN_TEXT_CHARS_PER_PAGE for text in texts)


@dataclass
class Extracted:
    text: str
    source: str
    pages: int
    # The OCR'd pages as read, kept for a second look.
    readings: list[PageReading] = field(default_factory=list)
    reader: OcrReader | None = None
    # The text layer's lines and where they are (OCR'd pages keep theirs in `readings`).
    text_lines: list[LocatedLine] = field(default_factory=list)

    def lines(self) -> list[LocatedLine]:
        return self.text_lines or [line for page in self.readings for line in page.lines]


def doubtful(receipt: Receipt) -> bool:
    """A reading worth a second look: no total, a total nothing else agrees with, or no date."""
    return receipt.total is None or receipt.confidence.get("total", 0) < SECOND_LOOK_BELOW or receipt.date is None


def second_look(extracted: Extracted, timer: StageTimer, deadline: Deadline) -> str | None:
    """The pages read again by the other engine (or the other binarisation): OCR's misreads
    change with both, so two readings that agree on an amount are worth more than one."""
    if extracted.reader is None or not extracted.readings or deadline.remaining() < SECOND_LOOK_MIN_BUDGET_S:
        return None
    return "\n".join(extracted.reader.second_look(page, timer) for page in extracted.readings)


def _line_item(item: ParsedItem) -> LineItem:
    return LineItem(description=item.description, quantity=item.quantity, unit=item.unit,
                    unit_price=item.unit_price, amount=item.amount)


def _box(located: Located | None) -> PageBox | None:
    if located is None:
        return None
    left, top, right, bottom = located.box
    return PageBox(page=located.page, left=left, top=top, right=right, bottom=bottom)


def to_boxes(found: FieldLocations) -> FieldBoxes:
    return FieldBoxes(**{name: _box(at) for name, at in found.fields.items()},
                      items=[_box(at) for at in found.items], discounts=[_box(at) for at in found.discounts],
                      taxes=[_box(at) for at in found.taxes])


def to_response(ticket_id: UUID, receipt: Receipt, *, source: str, pages: int, text: str,
                warnings: list[str], timings: dict[str, int], boxes: FieldBoxes | None = None) -> OcrResponse:
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
        boxes=boxes or FieldBoxes(),
    )


def _reader_or_none(settings: Settings, warnings: list[str]) -> OcrReader | None:
    try:
        return OcrReader.from_settings(settings)
    except OcrUnavailable as exc:
        warnings.append(f"this document needs OCR, but the OCR engine is unavailable: {exc}")
        return None


def _ocr_image(image: Image.Image, reader: OcrReader, timer: StageTimer) -> Extracted:
    page = reader.read(image, timer)
    return Extracted(page.text, "ocr", 1, [page], reader)


def extract_text(upload: Upload, settings: Settings, deadline: Deadline, timer: StageTimer,
                 warnings: list[str]) -> Extracted:
    """The text of a PDF, JPEG or PNG: its text layer, or OCR of its pages."""
    started = time.perf_counter()
    documents.check_upload_size(upload, settings.max_upload_bytes)
    kind = documents.sniff_kind(upload)
    if kind != "pdf":
        image = documents.open_image(upload, settings.max_image_pixels)
        timer.lap("extract", started)
        reader = _reader_or_none(settings, warnings)
        return _ocr_image(image, reader, timer) if reader else Extracted("", "ocr", 1)
    with pdf.open_pdf(upload, settings.max_pages) as document:
        pages = len(document)
        texts = pdf.page_texts(document, deadline)
        started = timer.lap("extract", started)
        if has_usable_text(texts):
            return Extracted("\n".join(t.strip("\n") for t in texts), "text_layer", pages,
                             text_lines=pdf.page_lines(document))
        reader = _reader_or_none(settings, warnings)
        if reader is None:
            return Extracted("\n".join(texts).strip(), "text_layer", pages)
        extracted = Extracted("", "ocr", pages, reader=reader)
        for index in range(pages):
            deadline.check()
            started = time.perf_counter()
            image = pdf.render_page(document, index, settings.max_image_pixels)
            timer.lap("render", started)
            extracted.readings.append(reader.read(image, timer, index))
        extracted.text = "\n".join(page.text for page in extracted.readings)
        return extracted


def process_ticket(ticket_id: UUID, upload: Upload, settings: Settings) -> OcrResponse:
    deadline = Deadline(settings.request_time_budget_s)
    timer = StageTimer()
    warnings: list[str] = []
    extracted = extract_text(upload, settings, deadline, timer, warnings)
    started = time.perf_counter()
    receipt = parse_receipt(extracted.text)
    timer.lap("parse", started)
    readings = [extracted.text]
    if doubtful(receipt):
        again = second_look(extracted, timer, deadline)
        if again is not None:
            # The readings vote; on a tie (shop, date, which reading's items to keep) the first leads.
            readings.insert(0 if extracted.reader and extracted.reader.second_look_leads(extracted.readings) else 1, again)
            started = time.perf_counter()
            receipt = parse_readings(readings)
            timer.lap("parse", started)
    if extracted.source == "ocr" and extracted.reader is not None:
        ticket_evidence.refuse_unless_ticket(receipt, readings, upload.file_name)
    started = time.perf_counter()
    found = locating.locate(receipt, extracted.lines(), conventions.month_first(extracted.text))
    timer.lap("locate", started)
    response = to_response(ticket_id, receipt, source=extracted.source, pages=extracted.pages, text=extracted.text,
                           warnings=warnings, timings=timer.timings, boxes=to_boxes(found))
    started = time.perf_counter()
    response.items = with_categories(response.items, category_model(settings))
    timer.lap("categorise", started)
    response.timings_ms = dict(timer.timings)
    return response
