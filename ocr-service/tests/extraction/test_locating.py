"""Each field matched back to the printed line it was read from; no box where no line prints it."""

from __future__ import annotations

import datetime as dt
import uuid
from decimal import Decimal

import pypdfium2 as pdfium

from ocr_service.config import Settings
from ocr_service.extraction.documents import Upload
from ocr_service.extraction.locating import LocatedLine, locate
from ocr_service.extraction.parsing.items import ParsedItem
from ocr_service.extraction.parsing.receipt import Receipt, parse_receipt
from ocr_service.extraction.parsing.shop import ShopReading
from ocr_service.extraction.pipeline import process_ticket
from tests.factory import SIMPLE_TICKET, ticket_pdf


def lines_of(texts: list[str]) -> list[LocatedLine]:
    """Each line on its own row of a page 100 rows high, a tall one where the text says 'TALL'."""
    return [LocatedLine(0, text.replace("TALL ", ""), (0.1, row / 100, 0.9, (row + (2 if "TALL" in text else 1)) / 100))
            for row, text in enumerate(texts)]


def row_of(box) -> int:
    return round(box.box[1] * 100)


def test_the_total_is_the_line_that_says_total_not_the_subtotal_nor_the_card():
    lines = lines_of(SIMPLE_TICKET)
    found = locate(parse_receipt("\n".join(SIMPLE_TICKET)), lines)
    assert row_of(found.fields["total"]) == SIMPLE_TICKET.index("TOTAL (€)                2,15")
    assert row_of(found.fields["date"]) == 3 and row_of(found.fields["time"]) == 3
    assert row_of(found.fields["tax_id"]) == 1 and row_of(found.fields["shop"]) == 0
    assert [row_of(b) for b in found.items] == [4, 5]


def test_of_two_total_lines_equally_worded_the_double_height_one_is_chosen():
    texts = ["TIENDA", "TOTAL 9,80", "TALL TOTAL 9,80", "TARJETA 9,80"]
    receipt = Receipt(shop=ShopReading(name="TIENDA"), total=Decimal("9.80"))
    assert row_of(locate(receipt, lines_of(texts)).fields["total"]) == 2


def test_the_same_product_twice_gets_two_lines_in_printed_order():
    texts = ["PLUMAS INTEG 1,31", "PLUMAS INTEG 1,31", "TOMATE 1,87"]
    items = [ParsedItem("PLUMAS INTEG", Decimal("1.31")), ParsedItem("PLUMAS INTEG", Decimal("1.31")),
             ParsedItem("TOMATE", Decimal("1.87"))]
    found = locate(Receipt(shop=ShopReading(), items=items), lines_of(texts))
    assert [row_of(b) for b in found.items] == [0, 1, 2]


def test_a_field_no_line_prints_has_no_box():
    texts = ["TIENDA", "PAN 1,00", "TOTAL 1,00"]
    receipt = Receipt(shop=ShopReading(name="OTRA COSA DISTINTA"), total=Decimal("7.00"), date=dt.date(2024, 3, 1),
                      time="10:15", items=[ParsedItem("LECHE", Decimal("0.95"))])
    found = locate(receipt, lines_of(texts))
    assert found.fields == {} and found.items == [None]


def test_a_time_printed_with_a_leading_zero_is_found():
    texts = ["25/11/2023 09:09   OP: 78800"]
    receipt = Receipt(shop=ShopReading(), date=dt.date(2023, 11, 25), time="09:09")
    assert set(locate(receipt, lines_of(texts)).fields) == {"date", "time"}


def test_a_text_layer_pdf_has_the_box_of_its_printed_total_line():
    data = ticket_pdf(SIMPLE_TICKET)
    response = process_ticket(uuid.uuid4(), Upload("ticket.pdf", data), Settings())
    assert response.source == "text_layer"
    page = pdfium.PdfDocument(data)[0]
    width, height = page.get_size()
    textpage = page.get_textpage()

    def printed_in(box) -> str:
        return str(textpage.get_text_bounded(box.left * width, (1 - box.bottom) * height,
                                             box.right * width, (1 - box.top) * height))

    boxes = response.boxes
    assert "TOTAL" in printed_in(boxes.total) and "SUB" not in printed_in(boxes.total)
    assert "14/03/2024" in printed_in(boxes.date)
    assert "B12345674" in printed_in(boxes.tax_id)
    assert [printed_in(b).split()[1] for b in boxes.items] == ["LECHE", "PAN"]
    assert all(0 <= v <= 1 for b in boxes.items for v in (b.left, b.top, b.right, b.bottom))
