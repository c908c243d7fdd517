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


def test_a_name_wrapped_over_lines_is_read_whole():
    wrapped = ["HOME MASTER HARDWARE &", "ELECTRICAL", "NO.113G & 115G, JALAN SETIA GEMBILANG", "TEL 03-3362 4137"]
    assert read_shop(wrapped).name == "HOME MASTER HARDWARE & ELECTRICAL"
    legal = ["AIK HUAT HARDWARE", "ENTERPRISE (SETIA", "ALAM) SDN BHD", "822737-X", "NO. 17-G, JALAN SETIA INDAH"]
    assert read_shop(legal).legal_name == "AIK HUAT HARDWARE ENTERPRISE (SETIA ALAM) SDN BHD"
    # A brand above a company line is not part of it.
    branded = read_shop(["BREWERY TAP", "OWNER BY CASTLE BLUE S/B", "(1035693-T)", "GST NO : 002108047360"])
    assert branded.legal_name == "OWNER BY CASTLE BLUE S/B"


def test_the_customer_under_the_invoice_title_is_not_the_shop():
    lines = ["PERNIAGAAN ZHENG HUI", "JM0325955-V", "NO.59 JALAN PERMAS 9/5", "SIMPLIFIED TAX INVOICE",
             "GOGIANT ENGINEERING (M) SDN BHD", "Receipt#: CS00082852 Date: 12/02/2018", "ITEM 2.10"]
    shop = read_shop(lines)
    assert shop.name == "PERNIAGAAN ZHENG HUI" and shop.legal_name is None


def test_slogans_stamps_and_ocr_slips_in_the_header():
    assert read_shop(["TQ FOR SHOPPING WITH MYNEWS.COM", "PAGOH REST AND SERVICE AREA", "LOT R1, KWS REHAT"]).name \
        == "PAGOH REST AND SERVICE AREA"
    assert read_shop(["tan woon yann", "MR D.I.Y. (M) SON BHD", "(CO.REG : 860671-D)"]).legal_name \
        == "MR D.I.Y. (M) SDN BHD"
    # A few letters like a chain's name in a longer or garbled line are not that chain.
    assert read_shop(["Ada dis", "PERNIAGAAN ZHENG HUI", "NO.59 JALAN PERMAS 9/5"]).name == "PERNIAGAAN ZHENG HUI"
    assert read_shop(["Titer.", "LECHE ENTERA 16,92"]).name == "TIFER"
