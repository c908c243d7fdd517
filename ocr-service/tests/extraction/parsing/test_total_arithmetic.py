"""The total worked out from the amounts around it, when OCR garbles or loses the total line."""

from decimal import Decimal

from ocr_service.extraction.parsing.breakdown import from_breakdowns, from_tendered_and_change, read_breakdowns
from ocr_service.extraction.parsing.receipt import parse_readings, parse_receipt

D = Decimal


def test_cash_tendered_minus_change_stands_in_for_an_unreadable_total():
    receipt = parse_receipt("ABC HO TRADING\nPlastic 2 15.50 31.00\nTotal Amount:  TOO\n"
                            "Cash Received: -101.00\nChange :  70.00")
    assert receipt.total == D("31.00")  # tendered minus change, and the item line agrees
    alone = parse_receipt("SHOP\nTotal Amount:  TOO\nCASH  40.00\nCHANGE  7.30")
    assert alone.total == D("32.70")
    assert alone.confidence["total"] <= 0.6  # nothing else agrees: shown as doubtful
    assert any("cash tendered minus change" in w for w in alone.warnings)


def test_exchange_policy_and_bill_lines_are_not_payments():
    lines = ["CASH BILL 12.00", "CHANGE 1.00", "GOODS SOLD ARE NOT EXCHANGEABLE 0.00"]
    assert from_tendered_and_change(lines) == []


def test_tax_added_under_the_subtotal_makes_the_total():
    text = ("ITEM QTY AMOUNT\nPEN 1 52.00\nSUB-TOTAL (EX) : 52.00\nTOTAL TAX : 3.12\nROUNDING : -0.02\n"
            "TAXCODE % AMOUNT TAX\nTOTAL: 52.00 3.12")
    receipt = parse_receipt(text)
    # The items add up to the subtotal before tax: that does not make 52.00 the total.
    assert receipt.total == D("55.10")


def test_cash_rounding_prefers_a_whole_number_of_five_cents():
    text = ("Item Qty Amount\nSTAPLER 1 100.00\nWIRE TAPE 3 6.10\nSub Total (RM) : 106.10\nDiscount (RM) : 0.00\nGST (RM) : 6.37\nRounding (RM) : -0.02\n"
            "Total (RM) : 112.46\nChange (RM) : 0.00")
    # 112.46 is a misread: after a rounding line the total is a multiple of 5 cents.
    assert parse_receipt(text).total == D("112.45")


def test_unreadable_rounding_adjustment_still_rounds_to_five_cents():
    derived = from_breakdowns(read_breakdowns(["Subtotal 179.00", "GST 6%: 10.74", "Rounding Adj 0,61", "Net Total 199.75"]))
    assert D("189.75") in {d.amount for d in derived}


def test_running_total_after_a_discount_is_passed_on_the_way_to_the_paid_total():
    text = ("SUBTOTAL 79.60\nDISCOUNT -30.00\nTOTAL AMOUNT : 49.60\nSERV CHARGE 10% 4.96\nGST @ 6% 3.27\n"
            "ROUNDING ADJ : -0.03\nTOTAL AMOUNT: 57.80\nTOTAL: RM 57.80")
    assert parse_receipt(text).total == D("57.80")


def test_a_clear_total_line_is_kept_when_the_breakdown_is_tax_inclusive():
    text = "SUBTOTAL 28.60\nTOTAL 28.60\nGST 6% INCLUDED 1.62\nCASH 50.00\nCHANGE 21.40"
    receipt = parse_receipt(text)
    assert receipt.total == D("28.60") and receipt.confidence["total"] >= 0.8


def test_a_charge_with_an_unreadable_amount_is_worked_out_from_its_rate():
    lines = ["1 SUB TOTAL 150.00", "SERVICE CHARGE 10% 15)", "GST 6%", "NET TOTAL 114,3", "CASH 00"]
    # 150.00 + 10 % = 165.00, + 6 % GST = 174.90: what the till computed.
    assert [d.amount for d in from_breakdowns(read_breakdowns(lines))] == [D("174.90")]


def test_two_readings_agree_where_one_alone_cannot_tell():
    first = "SHOP\nTotal Amount:  TOO\nCash Received: 101.00\nChange : 7O.00"
    second = "SHOP\n12/01/2024\nTotal Amount: 31.00\nCash Received: 101.00\nChange : 70.00"
    alone = parse_receipt(first)
    assert alone.total is None and alone.date is None
    both = parse_readings([first, second])
    assert both.total == D("31.00") and both.confidence["total"] >= 0.8  # the total line and tendered - change
    assert both.date is not None  # the date only the second reading has


def test_a_total_off_the_cash_rounding_is_doubtful():
    text = "Total (?$T (RM) : 6.37\nRoundlng (RM) : -0.02\nTotal (RM) : 112.46\nCASH : 120.00"
    receipt = parse_receipt(text)
    assert receipt.total == D("112.46")  # nothing reads better, so it stays, but flagged
    assert receipt.confidence["total"] < 0.8
    assert any("5 cents" in w for w in receipt.warnings)
    assert parse_receipt("Rounding : 0.00\nTotal (RM) : 112.46").confidence["total"] >= 0.8  # no rounding done


def test_vat_lines_under_a_subtotal_are_part_of_it_on_european_tickets():
    receipt = parse_receipt("PAN 1 20,00\nSUBTOTAL 20,00\nIVA 21% 3,47\nTOTAL 20,00")
    assert receipt.total == D("20.00") and receipt.confidence["total"] >= 0.75
    # A clear TOTAL line equal to the subtotal is believed even under a tax line.
    assert parse_receipt("BOOK 1 20.00\nSUBTOTAL 20.00\nSALES TAX 1.60\nTOTAL 20.00").total == D("20.00")


def test_receipts_in_other_countries_settle_on_what_was_paid():
    uk = parse_receipt("TEA 2 6.25 12.50\nSUBTOTAL 12.50\nVAT 20% 2.08\nTOTAL 12.50\nCARD 12.50")
    assert uk.total == D("12.50")
    us = parse_receipt("BURGER 1 40.00\nSUBTOTAL 40.00\nTAX 3.20\nTOTAL 43.20\nTIP 8.00\nTOTAL 51.20\nVISA 51.20")
    assert us.total == D("51.20")  # the tip added after the first total is paid too


def test_the_payment_and_the_items_outweigh_a_vat_row_nothing_confirms():
    # The TOTAL line lost to the photo; the VAT table's TOTAL row prints the bases first.
    text = ("SUPERMERCADO\n1 YOGUR NATURAL 4,20\n1 PAN INTEGRAL 3,10\nTOTAL (€) 7,3O\nTARJETA BANCARIA 7,30\n"
            "IVA BASE IMPONIBLE (€) CUOTA (€)\n10% 6,64 0,66\nTOTAL 6,64 0,66\nImporte: 7,30 €")
    receipt = parse_receipt(text)
    assert receipt.total == D("7.30") and receipt.confidence["total"] >= 0.8  # card, items and VAT agree
    # The card payment and the items alone: chosen, but doubtful (no total line says it).
    alone = parse_receipt("SUPERMERCADO\n1 YOGUR NATURAL 4,20\n1 PAN INTEGRAL 3,10\nTOTAL (€) 7,3O\n"
                          "TARJETA BANCARIA 7,30\nTOTAL 6,64 0,66")
    assert alone.total == D("7.30") and alone.confidence["total"] < 0.8


def test_total_words_glued_to_what_precedes_them():
    assert parse_receipt("CAFE\n1 CHOWDER 6.00\nTax 0.40\nGRAT 18 1.15\n06/10 1:39pTOTAL : 7.55").total == D("7.55")
    assert parse_receipt("DINER\nNet Total: $145.00\nTax $12.51\nTOTAL: $157.51\nAmountDue: $157.51").total == D("157.51")


def test_a_total_the_ticket_adds_a_tip_to_is_not_what_was_paid():
    text = ("SUBTOTAL: 47.10\nTax2: 5.30\nFOOD TOTAL: 52.40\n20% TIP: 10.48\nTOTAL: $62.88\n"
            "Thank you")
    # Both total lines say TOTAL as clearly; the tip under the first one makes the second the sum.
    receipt = parse_receipt(text)
    assert receipt.total == D("62.88")
    assert [(b.subtotal, b.added) for b in read_breakdowns(text.splitlines())] == [
        (D("47.10"), D("15.78")), (D("52.40"), D("10.48"))]


def test_a_total_followed_only_by_its_payment_starts_no_breakdown():
    # The card line prints the same amount: nothing is added, so the total line is no subtotal.
    assert read_breakdowns(["TOTAL (€) 23,15", "TARJETA BANCARIA 23,15", "IVA 10% 2,10"]) == []
