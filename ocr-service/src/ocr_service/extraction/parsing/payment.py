"""How the ticket was paid, and its invoice (simplified invoice / ticket) number."""

from __future__ import annotations

import re

CARD = re.compile(r"\bTARJ(?:ETA)?\b|\bVISA\b|MASTERCARD|MAESTRO|\bAMEX\b|DAT[AÁ]FONO|CONTACTLESS|\bTPV\b|\bCREDIT\b|"
                  r"\bDEBIT\b|\bCARD\b|\bAID\s*:|TARJETA|\bTEF\b|BIZUM|APPLE\s*PAY|GOOGLE\s*PAY")
CASH = re.compile(r"\bEFECTIVO\b|\bCASH\b|\bMET[AÁ]LICO\b|\bCONTADO\b")
CHANGE_GIVEN = re.compile(r"\bCAMBIO\b|\bENTREGADO\b|\bCHANGE\b|\bTENDERED\b")
INVOICE = re.compile(
    r"(?:FACTURA\s+SIMPLIFICADA|FRA\.?\s*SIMPL(?:IFICADA)?\.?|FACTURA|F\.\s*SIMPL\.?|N[º°O]\s*TICKET|TICKET|"
    r"INVOICE|RECEIPT|BILL|DOCUMENT|DOC\.?)\s*(?:N[º°O]\.?|NO\.?|NUM(?:ERO)?\.?|#)?\s*[:.]?\s*"
    r"([A-Z]{0,4}[0-9][0-9A-Z/-]{3,})",
)


def find_payment_method(text: str) -> str | None:
    upper = text.upper()
    card, cash = bool(CARD.search(upper)), bool(CASH.search(upper))
    if cash and not card:
        return "cash"
    if card and cash:
        # Both words appear when a card slip follows a cash line or the reverse: the one printed
        # first after the total is the payment line.
        return "cash" if CASH.search(upper).start() < CARD.search(upper).start() else "card"  # type: ignore[union-attr]
    if card:
        return "card"
    if CHANGE_GIVEN.search(upper):
        return "cash"
    return None


def find_invoice_number(lines: list[str]) -> str | None:
    for line in lines:
        match = INVOICE.search(line.upper())
        if match:
            return match.group(1).strip("-/")
    return None
