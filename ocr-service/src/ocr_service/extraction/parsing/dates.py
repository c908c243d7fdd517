"""Date and time of purchase: numeric (day first, or month first on US tickets) or with Spanish /
English month names."""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

MONTHS = {
    **{m: i + 1 for i, m in enumerate(["JAN", "FEB", "MAR", "APR", "MAY", "JUN", "JUL", "AUG", "SEP", "OCT", "NOV", "DEC"])},
    **{m: i + 1 for i, m in enumerate(["ENE", "FEB", "MAR", "ABR", "MAY", "JUN", "JUL", "AGO", "SEP", "OCT", "NOV", "DIC"])},
    "SET": 9, "SEPT": 9,
}
MONTH_WORD = r"([A-Z]{3})[A-Z]*\.?"
# OCR may double a separator or set a space beside it ("12. -01-19").
# OCR may also glue the time to the year ("03/06/202419:22" from an engine that drops spaces).
DMY = re.compile(r"(?<![\dA-Z/.-])(\d{1,2})\s?[/.-](?:\s?[/.-])?\s?(\d{1,2})\s?[/.-]\s?"
                 r"(\d{4}(?=[01]?\d:[0-5]\d)|(?:\d{4}|\d{2})(?![\d/]))")
YMD = re.compile(r"(?<![\d/.-])(\d{4})[/.-](\d{1,2})[/.-](\d{1,2})(?![\d/])")
D_MONTH_Y = re.compile(rf"(?<!\d)(\d{{1,2}})(?:\s+DE)?[\s/.-]*{MONTH_WORD}(?:\s+DE)?[\s/.,-]*(\d{{4}}|\d{{2}})(?!\d)")
MONTH_D_Y = re.compile(rf"\b{MONTH_WORD}\s+(\d{{1,2}}),?\s+(\d{{4}})(?!\d)")
# US and restaurant-system forms: "Feb23'19", "Sep07'18", "MAR.19'17", "Jun 26,15 04:55 PM"; a
# two-digit year needs its apostrophe or comma, so "DECAF 12 16.50" is not a date.
# A time may follow glued to the year ("Mar18'1810:54AM" from an engine that drops spaces).
MONTH_D_APOSTROPHE_YY = re.compile(
    r"\b([A-Z]{3})[A-Z]{0,6}\.?\s?(\d{1,2})\s?[,'’`.]\s?(\d{2})(?:(?=[01]?\d:[0-5]\d)|(?![\d.,]\d))")
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


def _dates_in(line: str, month_first: bool = False) -> list[dt.date]:
    upper = line.upper()
    found: list[dt.date] = []
    for m in YMD.finditer(upper):
        found += filter(None, [_make(int(m[1]), int(m[2]), int(m[3]))])
    for m in DMY.finditer(upper):
        day, month, year = int(m[1]), int(m[2]), int(m[3])
        if month_first:
            day, month = month, day
        # The ticket's order first; the other one when a "month" above 12 says it is the day.
        found += filter(None, [_make(year, month, day) or (_make(year, day, month) if month > 12 else None)])
    # A month name followed by its day ("JUN 26, 15", "MAR.19'17") is read that way, not as the year
    # of a number printed before the month ("#04 MAR.19'17" is not 4 March 2019).
    month_words: list[int] = []
    for pattern in (MONTH_D_Y, MONTH_D_APOSTROPHE_YY):
        for m in pattern.finditer(upper):
            if m[1] in MONTHS:
                month_words.append(m.start(1))
                found += filter(None, [_make(int(m[3]), MONTHS[m[1]], int(m[2]))])
    for m in D_MONTH_Y.finditer(upper):
        if m[2] in MONTHS and m.start(2) not in month_words:
            found += filter(None, [_make(int(m[3]), MONTHS[m[2]], int(m[1]))])
    return list(dict.fromkeys(found))


def find_date(lines: list[str], month_first: bool = False) -> tuple[dt.date, int] | None:
    """The purchase date and its line: a labelled date first, else the first one printed with a
    time, else the first date on the ticket. `month_first` reads 09/08/2017 as 8 September."""
    candidates = [Found(d, i, bool(DATE_LABEL.search(line.upper()))) for i, line in enumerate(lines)
                  for d in _dates_in(line, month_first)]
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
