"""Who sold: chain name, legal name, tax id and address.

Known chains are recognised by name patterns and tax ids; any other shop gets its printed
header: the legal-name line (a company form such as S.L., S.A., SDN BHD) and the lines around it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from rapidfuzz import fuzz

from ocr_service.extraction.parsing.tax_ids import find_foreign_registration, find_spanish_tax_ids

# name -> pattern. Short or common words (Dia, Spar) need a context that only the chain prints.
CHAINS: dict[str, str] = {
    "MERCADONA": r"\bMERCADONA\b",
    "DIA": r"VENDIDOS\s+POR\s+DIA\b|TOTAL\s+VENTA\s+DIA\b|\bCLUB\s+DIA\b|\bDIA\.ES\b|^\s*DIA\s*%?\s*$|DIA\s+RETAIL|"
           r"DISTRIBUIDORA\s+INTERNACIONAL\s+DE\s+ALIMENTACI",
    "CARREFOUR": r"\bCARREFOUR\b",
    "LIDL": r"\bLIDL\b",
    "ALCAMPO": r"\bALCAMPO\b",
    "ALDI": r"\bALDI\b",
    "EROSKI": r"\bEROSKI\b",
    "CONSUM": r"\bCONSUM\b(?!IDOR)",
    "CAPRABO": r"\bCAPRABO\b",
    "AHORRAMAS": r"\bAHORRAMAS\b",
    "HIPERCOR": r"\bHIPERCOR\b",
    "SUPERCOR": r"\bSUPERCOR\b",
    "EL CORTE INGLES": r"\bEL\s+CORTE\s+INGL[EÉ]S\b",
    "BONAREA": r"\bBON\s?[AÀ]REA\b",
    "BONPREU": r"\bBONPREU\b",
    "CONDIS": r"\bCONDIS\b",
    "GADIS": r"\bGADIS\b",
    "FROIZ": r"\bFROIZ\b",
    "MASYMAS": r"\bMASYMAS\b|\bMAS\s+Y\s+MAS\b",
    "SPAR": r"^\s*SPAR\b|\bSPAR\s+(?:ESPA|SUPER|EXPRESS)",
    "COVIRAN": r"\bCOVIR[AÁ]N\b",
    "HIPERDINO": r"\bHIPERDINO\b",
    "E.LECLERC": r"\bLECLERC\b",
    "FAMILIA": r"\bSUPERMERCADOS\s+FAMILIA\b",
    "PRIMAPRIX": r"\bPRIMAPRIX\b",
    "IKEA": r"\bIKEA\b",
    "DECATHLON": r"\bDECATHLON\b",
    "LEROY MERLIN": r"\bLEROY\s+MERLIN\b",
    "PRIMARK": r"\bPRIMARK\b",
    "TIFER": r"\bTIFER\b",
}
CHAIN_PATTERNS = {name: re.compile(p, re.IGNORECASE | re.MULTILINE) for name, p in CHAINS.items()}
# Tax ids of chains whose tickets may not print the brand in words.
CHAIN_TAX_IDS = {"A46103834": "MERCADONA", "A28164754": "DIA", "A28425270": "CARREFOUR", "A08115032": "CAPRABO",
                 "A60195278": "LIDL", "A28581882": "ALCAMPO", "F20033361": "EROSKI", "F46078986": "CONSUM"}

COMPANY_FORM = re.compile(
    r"(?:,?\s*\b(?:S\.?\s?A\.?\s?U\.?|S\.?\s?L\.?\s?U\.?|S\.?\s?L\.?\s?L\.?|S\.?\s?A\b\.?|S\.?\s?L\b\.?|S\.?\s?COOP\.?(?:\s+\w+)?|"
    r"C\.?\s?B\.?|SDN\.?\s*B[HN]D\.?|BHD\.?|PLT|LTD\.?|LIMITED|GMBH|INC\.?|LLC|ENTERPRISE|TRADING|"
    r"HARDWARE|RESTAURANT|RESTORAN|STORE|MART|SUPERMARKET|MINIMARKET)\b\.?)",
    re.IGNORECASE,
)
ADDRESS_HINT = re.compile(
    r"\b(C/|CL\.?|CALLE|AVDA?\.?|AVENIDA|CTRA\.?|CARRETERA|PLAZA|PZA\.?|PASEO|P[ºO]\.?|CAMINO|POL[IÍ]GONO|"
    r"JALAN|JLN|LORONG|TAMAN|NO\.?\s?\d|LOT\b|ROAD|STREET|ST\.|AVENUE|S/N)|\b\d{5}\b",
    re.IGNORECASE,
)
NOT_A_NAME = re.compile(
    r"\d{2}[/.-]\d{2}|TEL[EÉ]?F|PHONE|\bFAX\b|CIF|NIF|FACTURA|TICKET|INVOICE|RECEIPT|WELCOME|BIENVENID|GRACIAS|"
    r"THANK|CASHIER|CAJER|\bOP\b|COMPRA\s+EN|\*{3,}$|^\W*$|TAX|GST|REG\.?\s*NO|CO\.?\s*NO",
    re.IGNORECASE,
)


@dataclass
class ShopReading:
    name: str | None = None
    legal_name: str | None = None
    tax_id: str | None = None
    address: str | None = None
    confidence: float = 0.0


def _clean(line: str) -> str:
    line = re.sub(r"[*=#~_]{2,}", " ", line)
    return " ".join(line.split()).strip(" .:-*")


# OCR misreads a letter or two of a logo-sized name ("Al CAMPO", "Titer"): the header lines are
# also compared with the chain names, letters only, for names long enough not to match by chance.
FUZZY_HEADER_LINES = 5
FUZZY_MIN_NAME_LETTERS = 5
FUZZY_MIN_SCORE = 80


def _letters(text: str) -> str:
    return re.sub(r"[^A-Z]", "", text.upper())


def _fuzzy_chain(lines: list[str]) -> str | None:
    best: tuple[float, str] | None = None
    for line in lines[:FUZZY_HEADER_LINES]:
        letters = _letters(line)
        for name in CHAINS:
            target = _letters(name)
            if len(target) < FUZZY_MIN_NAME_LETTERS or len(letters) < len(target) - 1:
                continue
            score = fuzz.partial_ratio(target, letters)
            if score >= FUZZY_MIN_SCORE and (best is None or score > best[0]):
                best = (score, name)
    return best[1] if best else None


def _chain(lines: list[str], tax_ids: list[str]) -> str | None:
    for tax_id in tax_ids:
        if tax_id in CHAIN_TAX_IDS:
            return CHAIN_TAX_IDS[tax_id]
    text = "\n".join(lines)
    hits = [(m.start(), name) for name, pattern in CHAIN_PATTERNS.items() for m in [pattern.search(text)] if m]
    return min(hits)[1] if hits else _fuzzy_chain(lines)


def _legal_name_line(lines: list[str], chain: str | None) -> int | None:
    """The line carrying a company form; a chain's own name on it wins, then the earliest."""
    found = [i for i, line in enumerate(lines) if COMPANY_FORM.search(line) and len(_clean(line)) >= 4]
    if chain:
        own = [i for i in found if chain.split()[0] in lines[i].upper()]
        if own:
            return own[0]
    header = [i for i in found if i < 12]
    return header[0] if header else (found[0] if found else None)


def _strip_ids(line: str) -> str:
    line = re.sub(r"\b(CIF|NIF|N\.I\.F|C\.I\.F)\b\.?\s*:?.*$", "", line, flags=re.IGNORECASE)
    line = re.sub(r"\s[A-Z]-?\d{8}\b.*$|\s\d{8}-?[A-Z]\b.*$|\(\s*\d[\d-]*[A-Z]?\s*\)$", "", line)
    return _clean(line)


def _first_header_name(lines: list[str]) -> int | None:
    """The first header line that reads like a shop name: shops print theirs in capitals, so a
    lower-case line (a stamp, a cashier's name) is taken only when nothing else fits."""
    fallback = None
    for i, line in enumerate(lines[:8]):
        cleaned = _clean(line)
        letters = [c for c in cleaned if c.isalpha()]
        if len(letters) < 3 or NOT_A_NAME.search(cleaned) or ADDRESS_HINT.search(cleaned):
            continue
        if sum(c.isupper() for c in letters) >= 0.6 * len(letters):
            return i
        fallback = i if fallback is None else fallback
    return fallback


def _address(lines: list[str], after: int | None) -> str | None:
    start = (after + 1) if after is not None else 0
    parts = []
    for line in lines[start:start + 6]:
        cleaned = _clean(line)
        if ADDRESS_HINT.search(cleaned) and not re.search(r"TEL|PHONE|FAX|\d{2}[/.-]\d{2}[/.-]\d{2}", cleaned, re.I):
            parts.append(cleaned)
        elif parts:
            break
    return ", ".join(parts) if parts else None


def read_shop(lines: list[str]) -> ShopReading:
    text = "\n".join(lines)
    spanish = find_spanish_tax_ids(text)
    reading = ShopReading()
    if spanish:
        # The seller's id comes first on a ticket; a customer's NIF (on full invoices) comes later.
        reading.tax_id = spanish[0][1]
    else:
        reading.tax_id = find_foreign_registration(text)
    chain = _chain(lines, [tid for _, tid in spanish])
    legal_index = _legal_name_line(lines, chain)
    if legal_index is not None:
        reading.legal_name = _strip_ids(lines[legal_index]) or None
    header_index = legal_index if legal_index is not None and legal_index < 8 else _first_header_name(lines)
    if chain:
        reading.name, reading.confidence = chain, 0.97
    elif reading.legal_name:
        reading.name, reading.confidence = reading.legal_name, 0.7
    elif header_index is not None:
        reading.name, reading.confidence = _strip_ids(lines[header_index]), 0.5
    reading.address = _address(lines, header_index)
    return reading
