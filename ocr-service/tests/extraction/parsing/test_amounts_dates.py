import datetime as dt
from decimal import Decimal

import pytest

from ocr_service.extraction.parsing import conventions
from ocr_service.extraction.parsing.amounts import amounts_in, parse_amount, trailing_amount
from ocr_service.extraction.parsing.dates import find_date, find_time


@pytest.mark.parametrize("text,value", [("37,76", "37.76"), ("1.234,56", "1234.56"), ("1,234.56", "1234.56"),
                                        ("0,05", "0.05"), ("-3,10", "-3.10"), ("- 0,13", "-0.13"), ("12.00", "12.00")])
def test_amounts_with_either_decimal_separator(text, value):
    assert parse_amount(text) == Decimal(value)


def test_weights_dates_and_card_numbers_are_not_amounts():
    assert amounts_in("0,680 kg 11,95 €/kg 8,13") == [Decimal("11.95"), Decimal("8.13")]
    assert amounts_in("25/11/2023 09:09") == []
    assert amounts_in("7,5% 2,95 0,22")[-2:] == [Decimal("2.95"), Decimal("0.22")]


def test_trailing_amount_drops_currency_and_vat_letter():
    assert trailing_amount("BARRA PAN 250 G 1 ud 0,50 € 0,50 € A") == (Decimal("0.50"), "BARRA PAN 250 G 1 ud 0,50 €")
    assert trailing_amount("ENTRADA 08:28 SALIDA 09:08") is None


@pytest.mark.parametrize("line,date", [
    ("25/11/2023 09:09 OP: 78800", dt.date(2023, 11, 25)), ("FECHA 05-02-24", dt.date(2024, 2, 5)),
    ("2024-03-14T10:00", dt.date(2024, 3, 14)), ("01.12.2022", dt.date(2022, 12, 1)),
    ("Date: 25 Dec 2018", dt.date(2018, 12, 25)), ("25-DEC-18 10:00", dt.date(2018, 12, 25)),
    ("14 de enero de 2025", dt.date(2025, 1, 14)), ("Mar 5, 2024", dt.date(2024, 3, 5)),
    ("12/25/2018", dt.date(2018, 12, 25)),
    # Restaurant systems: "Feb23'19", a month before its day, a two-digit year after an apostrophe.
    ("Feb23'19 10:23AM", dt.date(2019, 2, 23)), ("Date: Sep07'18 09:28PM", dt.date(2018, 9, 7)),
    ("0168 20:14 #04 MAR.19'17 REG0001", dt.date(2017, 3, 19)), ("ID: 234673 #1 Jun 26,15 04:55 PM", dt.date(2015, 6, 26)),
    ("Mar18'1810:54AM", dt.date(2018, 3, 18)),
])
def test_dates_day_first_with_month_names(line, date):
    assert find_date([line])[0] == date


def test_impossible_dates_are_skipped():
    assert find_date(["32/13/2023", "02/01/2024"]) == (dt.date(2024, 1, 2), 1)


def test_time_comes_from_the_header_date_not_the_card_slip():
    lines = ["06/02/2025 20:53 Nº de Tienda 1692", "TOTAL 14,76", "FECHA: 06/02/2025 HORA: 20:55"]
    found = find_date(lines)
    assert found == (dt.date(2025, 2, 6), 0)
    assert find_time(lines, found[1]) == "20:53"


@pytest.mark.parametrize("line,time", [("25/12/2018 8:13:39 PM", "20:13"), ("14/03/24 15:22:22", "15:22"),
                                       ("DATE 01/01/2019 12:05 AM", "00:05")])
def test_times_with_seconds_and_meridiem(line, time):
    assert find_time([line], 0) == time


def test_ocr_slips_around_a_date_and_codes_that_look_like_one():
    # A doubled separator is still a date; letters glued to digits are a code, not a day.
    assert find_date(["HCO3-7 - 15", "CHOPPING BOARD 19.00", "12. -01-19 21:13 SH01 T4"]) == (dt.date(2019, 1, 12), 2)
    # Unlabelled dates: the one printed with a time is the purchase's.
    assert find_date(["TAXINV:002-1550040 18/03/16", "CASH 100.00", "18/03/18 09:03 S002"])[0] == dt.date(2018, 3, 18)


US_HEADER = ["SMOKE HOUSE GRILL", "5242 MAIN BLVD", "SHERMAN OAKS, CA 91401", "(818) 555-1280"]


def test_us_tickets_print_the_month_first():
    lines = [*US_HEADER, "09/08/2017 12:45 PM", "Total $26.96"]
    assert find_date(lines, month_first=conventions.month_first("\n".join(lines)))[0] == dt.date(2017, 9, 8)
    # A day above 12 decides by itself whichever way the ticket prints dates.
    assert find_date(["06/26/2015 4:55 PM"])[0] == dt.date(2015, 6, 26)


def test_day_first_countries_keep_their_order_even_with_a_us_looking_sign():
    spanish = ["SUPERMERCADO EJEMPLO S.L.", "NIF B12345674", "TEL 963-319-378", "09/08/2024 18:00", "TOTAL (€) 3,20"]
    malaysian = ["ABC TRADING SDN BHD", "GST REG 001", "TEL 555-123-4567", "09/08/2018", "TOTAL RM 9.00"]
    for lines in (spanish, malaysian):
        assert not conventions.month_first("\n".join(lines))
        assert find_date(lines)[0].month == 8


def test_a_time_glued_to_the_year_is_still_a_date_and_a_time():
    # Engines that drop spaces print "03/06/202419:22".
    assert find_date(["03/06/202419:22   OP:3646962"])[0] == dt.date(2024, 6, 3)
    assert find_time(["03/06/202419:22   OP:3646962"], 0) == "19:22"
    assert find_date(["DECAF 12 16.50"]) is None


@pytest.mark.parametrize("read", ["Mar18\u203218 10:54AM", "Mar18\u00b418 10:54AM"])
def test_an_apostrophe_read_as_a_prime_or_an_accent_still_dates_a_restaurant_ticket(read):
    from ocr_service.extraction.ocr.cleanup import clean_ocr_text

    assert find_date([read]) is None  # the raw reading misses it (RapidOCR read a prime so)
    assert find_date([clean_ocr_text(read)])[0] == dt.date(2018, 3, 18)
