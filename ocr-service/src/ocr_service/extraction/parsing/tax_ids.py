"""Spanish tax identifiers (CIF, NIF, NIE) with their check digits, and foreign registration numbers."""

from __future__ import annotations

import re

NIF_LETTERS = "TRWAGMYFPDXBNJZSQVHLCKE"
CIF_CONTROL_LETTERS = "JABCDEFGHI"
# Written with optional '-', '.', ' ' between the parts, as tickets do ("A-46103834").
CANDIDATE = re.compile(r"(?<![A-Z0-9])([A-Z]{1,2}[-. ]?\d{2}[. ]?\d{3}[. ]?\d{2,3}[-. ]?[0-9A-Z]?|\d{8}[- ]?[A-Z])(?![A-Z0-9])")
LABELLED_FOREIGN = re.compile(
    r"\b(?:GST\s*(?:REG(?:ISTRATION)?\.?\s*)?(?:NO|ID|#)?|VAT\s*(?:REG\.?\s*)?(?:NO|NUMBER|#)|TAX\s*ID)\s*[.:#]?\s*([A-Z0-9][A-Z0-9-]{6,})",
    re.IGNORECASE,
)


def _nif_ok(value: str) -> bool:
    return bool(re.fullmatch(r"\d{8}[A-Z]", value)) and NIF_LETTERS[int(value[:8]) % 23] == value[8]


def _nie_ok(value: str) -> bool:
    if not re.fullmatch(r"[XYZ]\d{7}[A-Z]", value):
        return False
    return _nif_ok(str("XYZ".index(value[0])) + value[1:])


def _cif_ok(value: str) -> bool:
    if not re.fullmatch(r"[ABCDEFGHJNPQRSUVW]\d{7}[0-9A-J]", value):
        return False
    digits = value[1:8]
    even = sum(int(d) for d in digits[1::2])
    odd = sum(sum(divmod(2 * int(d), 10)) for d in digits[0::2])
    control = (10 - (even + odd) % 10) % 10
    given = value[8]
    if value[0] in "PQRSNW":  # these organisations always use a letter
        return given == CIF_CONTROL_LETTERS[control]
    if value[0] in "ABEH":  # companies always use a digit
        return given == str(control)
    return given in (str(control), CIF_CONTROL_LETTERS[control])


def normalise(raw: str) -> str:
    return re.sub(r"[-.\s]", "", raw.upper())


def is_valid_spanish_tax_id(value: str) -> bool:
    value = normalise(value)
    return _nif_ok(value) or _nie_ok(value) or _cif_ok(value)


def find_spanish_tax_ids(text: str) -> list[tuple[int, str]]:
    """Every valid CIF/NIF/NIE in the text, with the character offset where it starts."""
    found = []
    for match in CANDIDATE.finditer(text.upper()):
        value = normalise(match.group(1))
        if is_valid_spanish_tax_id(value):
            found.append((match.start(), value))
    return found


def find_foreign_registration(text: str) -> str | None:
    match = LABELLED_FOREIGN.search(text)
    return normalise(match.group(1)) if match else None
