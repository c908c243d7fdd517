"""What counts as a ticket when a picture is read: money that the parser can place."""

from ocr_service.extraction.parsing.receipt import parse_receipt
from ocr_service.extraction.ticket_evidence import is_ticket


def test_a_total_is_a_ticket_even_when_it_is_the_only_amount_read():
    text = "YOGURT SHOP\nDate: Sep07'18 09:28PM\nCard Type: VISA\nTota   17.80\nFOR PURCHASES UNDER $20.0O"
    assert is_ticket(parse_receipt(text), text)


def test_words_without_prices_and_a_lone_number_are_not_a_ticket():
    letter = "Dear neighbours,\nthe meeting about the garden is on Thursday at 19.30 in the hall.\nSee you, Ana"
    assert not is_ticket(parse_receipt(letter), letter)
    assert not is_ticket(parse_receipt(""), "")
