import pytest

from ocr_service.extraction.parsing.payment import find_invoice_number, find_payment_method
from ocr_service.extraction.parsing.shop import read_shop
from ocr_service.extraction.parsing.tax_ids import find_spanish_tax_ids, is_valid_spanish_tax_id


@pytest.mark.parametrize("value,valid", [
    ("A46103834", True), ("A-46103834", True), ("B06996441", True), ("12345678Z", True), ("X1234567L", True),
    ("A46103835", False), ("12345678A", False), ("Q2826000H", True), ("Q2826000A", False),
])
def test_spanish_tax_id_check_digits(value, valid):
    assert is_valid_spanish_tax_id(value) is valid


def test_tax_id_never_swallows_the_next_line():
    assert find_spanish_tax_ids("MERCADONA, S.A. A-46103834\nC/ MENORCA 19") == [(16, "A46103834")]


def test_unknown_shop_gets_its_printed_legal_name_and_address():
    lines = ["FERRETERIA LOPEZ HERMANOS, S.L.", "CIF: B12345674", "AVDA. DE LA PAZ 12", "28001 MADRID",
             "TEL: 910000000", "14/03/2024 18:32"]
    shop = read_shop(lines)
    assert shop.legal_name == "FERRETERIA LOPEZ HERMANOS, S.L"
    assert shop.name == shop.legal_name
    assert shop.tax_id == "B12345674"
    assert shop.address == "AVDA. DE LA PAZ 12, 28001 MADRID"


def test_franchise_ticket_names_the_chain_and_the_company():
    lines = ["Compra en CL MISTRAL 16-18", "Productos vendidos por Dia", "GRACIALE, S.L CIF: B06996441"]
    shop = read_shop(lines)
    assert (shop.name, shop.legal_name, shop.tax_id) == ("DIA", "GRACIALE, S.L", "B06996441")


def test_english_receipt_company_line():
    lines = ["TAN WOON YANN", "BOOK TA .K(TAMAN DAYA) SDN BHD", "789417-W", "NO.53 55,57 & 59, JALAN SAGU 18,"]
    assert read_shop(lines).legal_name == "BOOK TA .K(TAMAN DAYA) SDN BHD"


@pytest.mark.parametrize("text,method", [
    ("TOTAL 8,76\nEfectivo 10,00\nCambio -1,24", "cash"),
    ("TOTAL (€) 37,76\nTARJETA BANCARIA 37,76", "card"),
    ("TOTAL A PAGAR 5,30\nDEBIT MASTERCARD\nCAMBIO RECIBIDO 0,00", "card"),
    ("TOTAL 9.00\nCASH 10.00\nCHANGE 1.00", "cash"),
    ("TOTAL 9.00", None),
])
def test_payment_method(text, method):
    assert find_payment_method(text) == method


@pytest.mark.parametrize("line,number", [("FACTURA SIMPLIFICADA: 2916-010-520925", "2916-010-520925"),
                                         ("Factura simplificada Nº 494671", "494671"),
                                         ("DOCUMENT NO : TD01167104", "TD01167104"), ("Invoice No: CS00012345", "CS00012345")])
def test_invoice_number(line, number):
    assert find_invoice_number(["TIENDA", line]) == number
