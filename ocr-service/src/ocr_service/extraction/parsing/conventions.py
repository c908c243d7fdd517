"""Which country's printing conventions a ticket follows, from what it prints about itself.

Numeric dates are ambiguous: 09/08/2017 is 9 August in Spain and Malaysia and 8 September in the
United States. A ticket says where it comes from in its address, phone number, tax lines and
currency, so those decide the order when the date itself cannot (neither number above 12).
"""

from __future__ import annotations

import re

# Evidence of a US ticket: a state and ZIP code ("CA 91401", "NY, 11003-1234"), a phone number
# printed (555) 555-5555 or 555-555-5555, and the words of US tax and tipping.
US_STATE_ZIP = re.compile(
    r"\b(?:AL|AK|AZ|AR|CA|CO|CT|DE|DC|FL|GA|HI|ID|IL|IN|IA|KS|KY|LA|ME|MD|MA|MI|MN|MS|MO|MT|NE|NV|NH|NJ|NM"
    r"|NY|NC|ND|OH|OK|OR|PA|RI|SC|SD|TN|TX|UT|VT|VA|WA|WV|WI|WY)[,.]?\s{0,3}\d{5}(?:-\d{4})?\b")
US_PHONE = re.compile(r"\(\d{3}\)\s?\d{3}[-.\s]\d{4}\b|(?<![\d-])\d{3}[-.]\d{3}[-.]\d{4}(?![\d-])")
US_WORDS = re.compile(r"\bSALES\s+TAX\b|\bGRATUITY\b|\bSUGGESTED\s+TIP|\bTIP\s+GUIDE\b|\bSERVER\b|\bGUESTS?\b")
# Evidence against it: euros and Spanish tax words, ringgit and Malaysian company and tax words.
DAY_FIRST_MARKS = re.compile(r"€|\bEUR\b|\bIVA\b|\bN\.?I\.?F\b|\bC\.?I\.?F\b|\bRM\s?\d|\bMYR\b|\bGST\b|\bSST\b"
                             r"|\bSDN\.?\s*BHD\b|\bBHD\b")


def month_first(text: str) -> bool:
    """Whether the ticket's numeric dates put the month first (US), judged from the whole text:
    a US address, phone number or tax wording, and nothing of a day-first country. Dollar amounts
    alone do not decide: Malaysian and other tickets print them too."""
    upper = text.upper()
    return not DAY_FIRST_MARKS.search(upper) and any(p.search(upper) for p in (US_STATE_ZIP, US_PHONE, US_WORDS))
