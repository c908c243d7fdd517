from decimal import Decimal

from ocr_service.extraction.parsing.items import read_items
from ocr_service.extraction.parsing.receipt import parse_receipt
from ocr_service.extraction.parsing.vat import read_vat_table

D = Decimal

MERCADONA_STYLE = """MERCADONA, S.A. A-46103834
C/ ALICANTE 83
12/01/2024 18:05 OP: 79592
Descripción P. Unit Importe
1 AJO Y PEREJIL 1,15
2 CARACOL PRECOCIDO 2,25 4,50
PESCADO
SEPIA SUCIA REFRIG
0,680 kg 11,95 €/kg 8,13
1 PLATANO
1,168 kg 1,59 €/kg 1,86
ENTRADA 08:28 SALIDA 09:08
TOTAL (€) 15,64
TARJETA BANCARIA 15,64
IVA BASE IMPONIBLE (€) CUOTA (€)
10% 3,77 0,38
0% 11,49 0,00
TOTAL 15,26 0,38
"""

DIA_STYLE = """Total sin promociones..... 8,89 €
Total a pagar..... 8,76 €
DESCRIPCIÓN CANTIDAD PRECIO KG TOTAL
BARRA PAN 250 G 1 ud 0,50 € 0,50 € A
PANINI JAMÓN QUESO 2 ud 0,89 € 1,78 € B
PANINI BARB-JAM/QUES -0,13 €
FILETE CABEZA LOMO 0,469kg 6,99 €/kg 3,28 € B
EMPANADA POLLO
120 G
2 ud 0,69 € 1,38 € B
FLAUTA POLLO QUESO 1 ud 1,95 € 1,95 € B
Total venta Dia..... 8,76 €
TIPO IVA BASE CUOTA
A 4% 0,48 € 0,02 €
B 10% 7,51 € 0,75 €
"""


def test_quantity_unit_price_weighed_and_section_items():
    found = read_items(MERCADONA_STYLE.splitlines()).items
    assert [(i.description, i.quantity, i.unit, i.unit_price, i.amount) for i in found] == [
        ("AJO Y PEREJIL", D(1), None, D("1.15"), D("1.15")),
        ("CARACOL PRECOCIDO", D(2), None, D("2.25"), D("4.50")),
        ("SEPIA SUCIA REFRIG", D("0.680"), "kg", D("11.95"), D("8.13")),
        ("PLATANO", D("1.168"), "kg", D("1.59"), D("1.86")),
    ]


def test_wrapped_names_and_promotions_apart():
    reading = read_items(DIA_STYLE.splitlines())
    assert [i.description for i in reading.items] == [
        "BARRA PAN 250 G", "PANINI JAMÓN QUESO", "FILETE CABEZA LOMO", "EMPANADA POLLO 120 G", "FLAUTA POLLO QUESO"]
    assert [(d.description, d.amount) for d in reading.discounts] == [("PANINI BARB-JAM/QUES", D("-0.13"))]
    weighed = reading.items[2]
    assert (weighed.quantity, weighed.unit, weighed.unit_price) == (D("0.469"), "kg", D("6.99"))


def test_vat_table_shapes():
    assert [(r.rate, r.base, r.amount) for r in read_vat_table(MERCADONA_STYLE.splitlines())] == [
        (D(10), D("3.77"), D("0.38")), (D(0), D("11.49"), D("0.00"))]
    assert [(r.rate, r.base, r.amount) for r in read_vat_table(DIA_STYLE.splitlines())] == [
        (D(4), D("0.48"), D("0.02")), (D(10), D("7.51"), D("0.75"))]
    base_rate_quota_total = ["BASE IVA% CUOTA TOTAL", "13,89 10% 1,39 15,28", "3,10 21% 0,65 3,75"]
    assert [(r.rate, r.base, r.amount) for r in read_vat_table(base_rate_quota_total)] == [
        (D(10), D("13.89"), D("1.39")), (D(21), D("3.10"), D("0.65"))]
    no_percent_sign = ["TIPO BASE CUOTA", "10,00 2,84 0,28", "21,00 1,80 0,38"]
    assert [(r.rate, r.base) for r in read_vat_table(no_percent_sign)] == [(D(10), D("2.84")), (D(21), D("1.80"))]


def test_receipt_cross_checks():
    receipt = parse_receipt(MERCADONA_STYLE)
    assert receipt.total == D("15.64")
    assert receipt.checks == {"items_sum_matches_total": True, "taxes_match_total": True}
    dia = parse_receipt(DIA_STYLE)
    assert dia.total == D("8.76")  # paid, not the total before promotions
    assert dia.checks["items_sum_matches_total"] is True  # items minus promotions


def test_paid_total_beats_subtotal_and_club_total():
    receipt = parse_receipt("TOTALS 28,98\nDESCUENTO CLUB -3,10\nSUBTOTAL 28,98\nTOTAL A PAGAR 25,88\nVISA 25,88")
    assert receipt.total == D("25.88")


def test_nothing_readable_gives_nulls_and_warnings():
    receipt = parse_receipt("-----\n12 34\n*****")
    assert receipt.total is None and receipt.date is None and receipt.shop.name is None
    assert receipt.warnings == ["shop not found", "date not found", "total not found"]


def test_blurred_total_word_is_a_last_resort_with_low_confidence():
    lines = "ALCAMPO\nYOGUR NATURAL 4,29 B\nHUEVOS CLASE L 2,68 E\nPAN 1,00\ne.   Tor. 47,72\n"
    receipt = parse_receipt(lines)
    assert receipt.total == D("47.72")
    assert receipt.confidence["total"] <= 0.6
    clear = parse_receipt("ALCAMPO\nTOFU 2,50\nTOTAL 9,99\n")
    assert clear.total == D("9.99")


def test_a_payment_line_or_a_cut_total_is_no_item():
    """A phone photo's OCR loses the end of TOTAL ("TOT"), and the card line follows it: neither is a product."""
    lines = ["ALCAMPO", "YOGUR NATURAL   4,29 B", "PECHUGA DE POLLO   3,94 B", "TOT   8,23",
             "3   TARJETA   8,23", "EFECTIVO 10,00"]
    found = read_items(lines)
    assert [i.description for i in found.items] == ["YOGUR NATURAL", "PECHUGA DE POLLO"]
