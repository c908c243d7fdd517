import datetime as dt
from decimal import Decimal

import pytest

from ocr_service.extraction.first_pass import parse_amount, read_first_fields


@pytest.mark.parametrize("text,value", [("37,76", "37.76"), ("1.234,56", "1234.56"), ("1,234.56", "1234.56"),
                                        ("0,05", "0.05"), ("-3,10", "-3.10"), ("12.00", "12.00")])
def test_amounts_with_either_decimal_separator(text, value):
    assert parse_amount(text) == Decimal(value)


def test_paid_total_beats_the_total_before_discounts():
    text = "TOTALS 28,98\nDESCUENTO CLUB -3,10\nTOTAL A PAGAR 25,88\n"
    assert read_first_fields(text).total == Decimal("25.88")


def test_subtotal_and_vat_summary_are_not_the_total():
    text = ("SUBTOTAL 40,00\nTOTAL (€) 37,76\nIVA BASE IMPONIBLE (€) CUOTA (€)\n"
            "10% 1,33 0,13\nTOTAL 27,20 5,56\n")
    assert read_first_fields(text).total == Decimal("37.76")


def test_total_sin_promociones_is_skipped():
    text = "Total sin promociones 12,40\nTOTAL COMPRA 10,90\n"
    assert read_first_fields(text).total == Decimal("10.90")


def test_amount_on_the_line_after_the_keyword():
    assert read_first_fields("TOTAL\n 9,99\n").total == Decimal("9.99")


@pytest.mark.parametrize("text,date", [("25/11/2023 09:09", dt.date(2023, 11, 25)), ("FECHA 05-02-24", dt.date(2024, 2, 5)),
                                       ("2024-03-14T10:00", dt.date(2024, 3, 14)), ("01.12.2022", dt.date(2022, 12, 1))])
def test_dates_day_first(text, date):
    assert read_first_fields(text).date == date


def test_impossible_dates_are_skipped():
    assert read_first_fields("32/13/2023 then 02/01/2024").date == dt.date(2024, 1, 2)


def test_time_is_taken_from_the_date_line():
    reading = read_first_fields("OPEN 08:00-22:00\n25/11/2023 9:09 OP: 78800\n")
    assert reading.time == "09:09"


def test_nothing_found_is_none_with_warnings():
    reading = read_first_fields("hello world")
    assert reading.total is None and reading.date is None and reading.time is None
    assert reading.warnings == ["total not found", "date not found"]
