"""Undo the OCR slips that break amounts: '39. 80' -> '39.80', '“0.01' -> '-0.01', 'RM64 15' kept.

Only applied to OCR output, never to a PDF's own text layer.
"""

from __future__ import annotations

import re

SPLIT_DECIMALS = re.compile(r"(?<=\d)([.,])[ ]{1,3}(?=\d{2}\b)")
# "GRAND TOTAL   10 00": the decimal point of a total lost; only on total lines, only at the end.
TOTAL_LINE_SPLIT_CENTS = re.compile(r"^(.*TOTAL.*\s)(\d{1,5})\s(\d{2})\s*$", re.IGNORECASE)
QUOTE_AS_MINUS = re.compile(r"[“”\"~](?=\s?\d+[.,]\d{2}\b)")
# Before a euro sign an amount always has cents: '098€' lost its comma to the scan.
EURO_WITHOUT_COMMA = re.compile(r"(?<![\d.,])(\d{1,4})(\d{2})(?=\s?€)")
LETTER_O_IN_NUMBER = re.compile(r"(?<=\d[.,])[oO](?=\d)|(?<=\d)[oO](?=[.,]\d)")
# An apostrophe read as its typographic look-alikes (right quote, prime, acute or grave accent):
# restaurant dates print a two-digit year after one ("Mar18'18"), and the date rules expect '.
APOSTROPHE_LOOK_ALIKES = str.maketrans({"\u2019": "'", "\u2018": "'", "\u2032": "'", "\u00b4": "'", "`": "'"})


def clean_ocr_text(text: str) -> str:
    text = text.translate(APOSTROPHE_LOOK_ALIKES)
    text = SPLIT_DECIMALS.sub(r"\1", text)
    text = QUOTE_AS_MINUS.sub("-", text)
    text = EURO_WITHOUT_COMMA.sub(r"\1,\2", text)
    text = LETTER_O_IN_NUMBER.sub("0", text)
    return "\n".join(TOTAL_LINE_SPLIT_CENTS.sub(r"\1\2.\3", line) for line in text.split("\n"))
