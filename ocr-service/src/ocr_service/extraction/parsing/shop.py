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

# A company's legal form, the last words of its legal name (S.L., SDN BHD, LTD ...).
LEGAL_FORM = re.compile(
    r"(?:,?\s*\b(?:S\.?\s?A\.?\s?U\.?|S\.?\s?L\.?\s?U\.?|S\.?\s?L\.?\s?L\.?|S\.?\s?A\b\.?|S\.?\s?L\b\.?|S\.?\s?COOP\.?(?:\s+\w+)?|"
    r"C\.?\s?B\.?|SDN\.?\s*B[HN]D\.?|BHD\.?|S/B|PLT|PTE\.?|LTD\.?|LIMITED|GMBH|INC\.?|LLC|CORP(?:ORATION)?\.?|CO\.)(?=\W*$|\s*\())",
    re.IGNORECASE,
)
# Words of trade that open the second line of a company name ("AIK HUAT HARDWARE" /
# "ENTERPRISE (SETIA" / "ALAM) SDN BHD").
TRADE_WORDS = (r"ENTERPRISES?|TRADING|HARDWARE|RESTAURANT|RESTORAN|STORES?|MART|SUPERMARKET|MINI\s?MARKET|MARKET|"
               r"BAKERY|CAF[EÉ]|BISTRO|PHARMACY|FARMACIA|STATIONERY|BOOKS?|ELECTRICAL|KEDAI|PERNIAGAAN")
# OCR's usual slip inside the commonest legal form: "SON BHD", "SDN BND", "5DN BHD".
SDN_BHD_SLIP = re.compile(r"\b[S5][O0D]N\.?\s*B[HN]D\b", re.IGNORECASE)
# A name printed over two or three lines: a line ending in "&" or an open bracket goes on, and a
# line beginning with a bracket's close, "&" or a trade word continues the one above.
CONTINUES_BELOW = re.compile(r"(?:&|\bAND|\bY|-|,)\s*$", re.IGNORECASE)
CONTINUES_ABOVE = re.compile(rf"^\s*(?:[)&]|(?:{TRADE_WORDS})\b|SDN\b|BHD\b)", re.IGNORECASE)
HEADER_LINES = 10
# The document's title ("TAX INVOICE", "FACTURA SIMPLIFICADA") closes the seller's header: a company
# named under it is the customer the invoice is made out to.
DOCUMENT_TITLE = re.compile(r"\bINVOICE\b|\bRECEIPT\b|\bFACTURA\b|\bCASH\s+BILL\b|\bBILL\s+TO\b|\bCUSTOMER\b|\bCLIENTE\b",
                            re.IGNORECASE)
# The body begins at the first amount, date or table heading: no shop name below it.
BODY_START = re.compile(r"\d[.,]\d{2}\b|\d{1,2}[/.-]\d{1,2}[/.-]\d{2,4}|\bQTY\b|\bDESCRIPCI|\bCANT(?:IDAD)?\b|\bITEM\b",
                        re.IGNORECASE)
ADDRESS_HINT = re.compile(
    r"\b(C/|CL\.?|CALLE|AVDA?\.?|AVENIDA|CTRA\.?|CARRETERA|PLAZA|PZA\.?|PASEO|P[ºO]\.?|CAMINO|POL[IÍ]GONO|"
    r"JALAN|JLN|LORONG|TAMAN|NO\.?\s?\d|LOT\b|ROAD|STREET|ST\.|AVENUE|S/N)|\b\d{5}\b",
    re.IGNORECASE,
)
NOT_A_NAME = re.compile(
    r"\d{2}[/.-]\d{2}|TEL[EÉ]?F|PHONE|\bFAX\b|CIF|NIF|FACTURA|TICKET|INVOICE|RECEIPT|WELCOME|BIENVENID|GRACIAS|"
    r"THANK|CASHIER|CAJER|\bOP\b|COMPRA\s+EN|\*{3,}$|^\W*$|TAX|GST|REG\.?\s*NO|CO\.?\s*NO|"
    r"SHOPPING\s+WITH|\bTQ\b|WWW\.|\.COM\b|\.ES\b|@|^\W*CASH\b",
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
FUZZY_MIN_SCORE_LONG_LINE = 90


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
            # A short line is the name or not ("Titer" is TIFER, "Ada dis" is not GADIS); in a
            # longer line the name must stand out nearly intact, and never in an address.
            if len(letters) <= len(target) + 3:
                score = fuzz.ratio(target, letters)
            elif ADDRESS_HINT.search(line):
                continue
            else:
                score = fuzz.partial_ratio(target, letters) - (FUZZY_MIN_SCORE_LONG_LINE - FUZZY_MIN_SCORE)
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


def _strip_ids(line: str) -> str:
    line = re.sub(r"\b(CIF|NIF|N\.I\.F|C\.I\.F)\b\.?\s*:?.*$", "", line, flags=re.IGNORECASE)
    line = re.sub(r"\s[A-Z]-?\d{8}\b.*$|\s\d{8}-?[A-Z]\b.*$|\(\s*\d[\d-]*[A-Z]?\s*\)$", "", line)
    return _clean(line)


def _legal_form(line: str) -> bool:
    return bool(LEGAL_FORM.search(_strip_ids(line))) and len(_clean(line)) >= 4


def header_end(lines: list[str]) -> int:
    """Index of the first body line (an amount, a date, a table heading) within the header lines."""
    for index, line in enumerate(lines[:HEADER_LINES]):
        if BODY_START.search(line) or (index > 0 and DOCUMENT_TITLE.search(line)):
            return index
    return min(len(lines), HEADER_LINES)


def _legal_name_line(lines: list[str], chain: str | None, end: int) -> int | None:
    """The header line ending in a legal form. A chain's own company line wins wherever it is, and
    on a chain's ticket a franchisee's company may be printed at the foot; on any other ticket a
    company named below the header is a product's maker or a supplier, not the shop."""
    found = [i for i, line in enumerate(lines) if _legal_form(line)]
    if chain:
        own = [i for i in found if chain.split()[0] in lines[i].upper()]
        if own:
            return own[0]
    in_header = [i for i in found if i < end]
    if in_header:
        return in_header[0]
    return found[0] if chain and found else None


def _name_line(line: str) -> bool:
    cleaned = _clean(line)
    letters = sum(c.isalpha() for c in cleaned)
    return letters >= 4 and not NOT_A_NAME.search(cleaned) and not ADDRESS_HINT.search(cleaned)


def _first_header_name(lines: list[str], end: int) -> int | None:
    """The first header line that reads like a shop name: shops print theirs in capitals, so a
    lower-case line (a stamp, a cashier's name) is taken only when nothing else fits."""
    fallback = None
    for i, line in enumerate(lines[:max(end, 1)]):
        if not _name_line(line):
            continue
        letters = [c for c in _clean(line) if c.isalpha()]
        if sum(c.isupper() for c in letters) >= 0.6 * len(letters):
            return i
        fallback = i if fallback is None else fallback
    return fallback


def _continues(above: str, below: str, legal: bool) -> bool:
    """Whether `below` carries on the name printed on `above`."""
    if not _name_line(above) or not _name_line(below) and not LEGAL_FORM.match(_clean(below)):
        return False
    cleaned = _clean(above)
    return bool(CONTINUES_BELOW.search(above.rstrip()) or cleaned.count("(") > cleaned.count(")")
                or (legal and CONTINUES_ABOVE.search(_clean(below))))


def _name_block(lines: list[str], index: int, end: int, legal: bool) -> str:
    """The name on line `index` with the header lines it wraps onto, above and below."""
    first = last = index
    while first > 0 and _continues(lines[first - 1], lines[first], legal):
        first -= 1
    while last + 1 < max(end, index + 1) and _continues(lines[last], lines[last + 1], legal):
        last += 1
    return SDN_BHD_SLIP.sub("SDN BHD", " ".join(_strip_ids(line) for line in lines[first:last + 1]))


def _address(lines: list[str], after: int | None) -> str | None:
    start = (after + 1) if after is not None else 0
    parts = []
    for line in lines[start:start + 6]:
        cleaned = _clean(line)
        if ADDRESS_HINT.search(cleaned) and not re.search(r"TEL|PHONE|FAX|\d{2}[/.-]\d{2}[/.-]\d{2}", cleaned, re.IGNORECASE):
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
    end = header_end(lines)
    legal_index = _legal_name_line(lines, chain, end)
    if legal_index is not None:
        reading.legal_name = _name_block(lines, legal_index, end, legal=True) or None
    header_index = legal_index if legal_index is not None and legal_index < end else _first_header_name(lines, end)
    if chain:
        reading.name, reading.confidence = chain, 0.97
    elif reading.legal_name:
        reading.name, reading.confidence = reading.legal_name, 0.7
    elif header_index is not None:
        reading.name, reading.confidence = _name_block(lines, header_index, end, legal=False), 0.5
    reading.address = _address(lines, header_index)
    return reading
