"""Date and time of purchase: day first, numeric or with Spanish / English month names."""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

MONTHS = {
    **{m: i + 1 for i, m in enumerate("JAN FEB MAR APR MAY JUN JUL AUG SEP OCT NOV DEC".split())},
    **{m: i + 1 for i, m in enumerate("ENE FEB MAR ABR MAY JUN JUL AGO SEP OCT NOV DIC".split())},
    "SET": 9, "SEPT": 9,
}
MONTH_WORD = r"([A-Z]{3})[A-Z]*\.?"
# OCR may double a separator or set a space beside it ("12. -01-19").
DMY = re.compile(r"(?<![\dA-Z/.-])(\d{1,2})\s?[/.-](?:\s?[/.-])?\s?(\d{1,2})\s?[/.-]\s?(\d{4}|\d{2})(?![\d/])")
YMD = re.compile(r"(?<![\d/.-])(\d{4})[/.-](\d{1,2})[/.-](\d{1,2})(?![\d/])")
D_MONTH_Y = re.compile(rf"(?<!\d)(\d{{1,2}})(?:\s+DE)?[\s/.-]*{MONTH_WORD}(?:\s+DE)?[\s/.,-]*(\d{{4}}|\d{{2}})(?!\d)")
MONTH_D_Y = re.compile(rf"\b{MONTH_WORD}\s+(\d{{1,2}}),?\s+(\d{{4}})(?!\d)")
TIME = re.compile(r"(?<![\d:.])([01]?\d|2[0-3])[:h.]([0-5]\d)(?::([0-5]\d))?(?:\s*([AP])\.?M\.?)?(?![\d:])", re.IGNORECASE)
DATE_LABEL = re.compile(r"\b(FECHA|DATE|DATA)\b")


@dataclass(frozen=True)
class Found:
    value: dt.date
    line: int
    labelled: bool


def _make(year: int, month: int, day: int) -> dt.date | None:
    year = year + 2000 if year < 100 else year
    try:
        value = dt.date(year, month, day)
    except ValueError:
        return None
    return value if 1990 <= value.year <= dt.date.today().year + 1 else None


def _dates_in(line: str) -> list[dt.date]:
    upper = line.upper()
    found: list[dt.date] = []
    for m in YMD.finditer(upper):
        found += filter(None, [_make(int(m[1]), int(m[2]), int(m[3]))])
    for m in DMY.finditer(upper):
        day, month, year = int(m[1]), int(m[2]), int(m[3])
        # Day first; a few receipts print month first, recognisable when the "month" is > 12.
        found += filter(None, [_make(year, month, day) or (_make(year, day, month) if month > 12 else None)])
    for m in D_MONTH_Y.finditer(upper):
        if m[2] in MONTHS:
            found += filter(None, [_make(int(m[3]), MONTHS[m[2]], int(m[1]))])
    for m in MONTH_D_Y.finditer(upper):
        if m[1] in MONTHS:
            found += filter(None, [_make(int(m[3]), MONTHS[m[1]], int(m[2]))])
    return found


def find_date(lines: list[str]) -> tuple[dt.date, int] | None:
    """The purchase date and its line: a labelled date first, else the first one printed with a
    time, else the first date on the ticket."""
    candidates = [Found(d, i, bool(DATE_LABEL.search(line.upper()))) for i, line in enumerate(lines)
                  for d in _dates_in(line)]
    if not candidates:
        return None
    # Unlabelled, the date printed with a time is the purchase's; a lone one may be a misread code.
    timed = [c for c in candidates if _time_in(DMY.sub(" ", lines[c.line]))]
    best = next((c for c in candidates if c.labelled), timed[0] if timed else candidates[0])
    # The same date printed earlier (the ticket's header, before a card slip) carries the time of purchase.
    first = next(c for c in candidates if c.value == best.value)
    return first.value, first.line


def _time_in(line: str) -> str | None:
    for m in TIME.finditer(line):
        hour, minute, meridiem = int(m[1]), m[2], (m[4] or "").upper()
        if m.group(0)[len(m[1])] == "." and not m[3]:
            continue  # "12.50" is an amount more often than a time
        if meridiem == "P" and hour < 12:
            hour += 12
        elif meridiem == "A" and hour == 12:
            hour = 0
        return f"{hour:02d}:{minute}"
    return None


def find_time(lines: list[str], date_line: int | None) -> str | None:
    """The time on the date's line, else on the line after it, else the first labelled time."""
    order = []
    if date_line is not None:
        order += [date_line, date_line + 1, date_line - 1]
    order += [i for i, line in enumerate(lines) if re.search(r"\b(HORA|TIME)\b", line.upper())]
    for index in order:
        if 0 <= index < len(lines):
            found = _time_in(DMY.sub(" ", lines[index]))
            if found:
                return found
    return None
