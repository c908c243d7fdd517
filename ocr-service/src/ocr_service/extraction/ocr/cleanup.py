"""Undo the OCR slips that break amounts: '39. 80' -> '39.80', '“0.01' -> '-0.01', 'RM64 15' kept.

Only applied to OCR output, never to a PDF's own text layer.
"""

from __future__ import annotations

import re

SPLIT_DECIMALS = re.compile(r"(?<=\d)([.,])\s(?=\d{2}\b)")
QUOTE_AS_MINUS = re.compile(r"[“”\"~](?=\s?\d+[.,]\d{2}\b)")
# Before a euro sign an amount always has cents: '098€' lost its comma to the scan.
EURO_WITHOUT_COMMA = re.compile(r"(?<![\d.,])(\d{1,4})(\d{2})(?=\s?€)")
LETTER_O_IN_NUMBER = re.compile(r"(?<=\d[.,])[oO](?=\d)|(?<=\d)[oO](?=[.,]\d)")


def clean_ocr_text(text: str) -> str:
    text = SPLIT_DECIMALS.sub(r"\1", text)
    text = QUOTE_AS_MINUS.sub("-", text)
    text = EURO_WITHOUT_COMMA.sub(r"\1,\2", text)
    return LETTER_O_IN_NUMBER.sub("0", text)
