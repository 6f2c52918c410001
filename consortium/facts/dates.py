"""Dates as people type them in partner-search profiles, parsed without guessing.

EEN profiles write dates day first (``20/12/2020``); ISO dates (``2020-12-20``) come from
YAML already typed. dateutil's ``dayfirst`` misreads ISO input (``2026-02-01`` becomes
2 January), so the numeric forms are parsed here explicitly and dateutil only sees text
with a month name. An impossible date (``31/02/2021``) is an error, never a guess.
"""

from __future__ import annotations

import calendar
import re
import reprlib
from datetime import date, datetime
from typing import TypeVar

from consortium.display.text import shorten

_ISO = re.compile(r"^(\d{4})-(\d{1,2})-(\d{1,2})$")
_DAY_FIRST = re.compile(r"^(\d{1,2})[/.](\d{1,2})[/.](\d{4})$")
_HAS_MONTH_NAME = re.compile(r"[A-Za-z]{3,}")
_DAY_MONTH_YEAR = re.compile(r"^(\d{1,2})(?:st|nd|rd|th)? ([A-Za-z]+)\.?,? (\d{4})$")
# English month names and abbreviations: the EEN platform writes "20 November 2020".
_MONTHS = {
    name.lower(): number
    for number in range(1, 13)
    for name in (calendar.month_name[number], calendar.month_abbr[number])
} | {"sept": 9}
MIN_YEAR, MAX_YEAR = 1900, 2999
MAX_LENGTH = 100  # longer text is no date, and dateutil would take its time to say so
D = TypeVar("D", date, datetime)
_HINT = "write it as YYYY-MM-DD, DD/MM/YYYY or '20 December 2020'"


class DateError(ValueError):
    """A date that cannot be read, with a message that says how to write it."""


def _in_range(value: D, text: str) -> D:
    """Years a profile can mean: a typo (0202, 20201) is an error, and date arithmetic on
    the result (a 365-day lifetime, a shift to UTC) can never overflow."""
    _check_year(value.year, text)
    return value


def _check_year(year: int, text: str) -> None:
    if not MIN_YEAR <= year <= MAX_YEAR:
        raise DateError(
            f"'{shorten(text)}' is out of range: expected a year from {MIN_YEAR} to {MAX_YEAR}"
        )


def _make(year: int, month: int, day: int, text: str) -> date:
    _check_year(year, text)
    if not 1 <= month <= 12:
        raise DateError(f"'{text}' has no month {month}: {_HINT}")
    last = calendar.monthrange(year, month)[1]
    if not 1 <= day <= last:
        name = calendar.month_name[month]
        raise DateError(f"'{text}' is not a real date ({name} {year} has {last} days)")
    return date(year, month, day)


def parse_date(value: object) -> date:
    """A calendar date from a YAML value: a date, or text in one of the accepted forms."""
    if isinstance(value, datetime):
        raise DateError(f"expected a date, got a date and time ({value.isoformat()})")
    if isinstance(value, date):
        return _in_range(value, value.isoformat())
    if not isinstance(value, str):
        raise DateError(f"expected a date, got {reprlib.repr(value)}: {_HINT}")
    text = value.strip()
    if len(text) > MAX_LENGTH:
        raise DateError(f"'{shorten(text)}' is too long to be a date: {_HINT}")
    if match := _ISO.match(text):
        year, month, day = (int(g) for g in match.groups())
        return _make(year, month, day, text)
    if match := _DAY_FIRST.match(text):
        day, month, year = (int(g) for g in match.groups())
        return _make(year, month, day, text)
    if (match := _DAY_MONTH_YEAR.match(text)) and match.group(2).lower() in _MONTHS:
        day, month, year = int(match.group(1)), _MONTHS[match.group(2).lower()], int(match.group(3))
        return _make(year, month, day, text)
    if _HAS_MONTH_NAME.search(text):
        return _parse_words(text)
    raise DateError(f"cannot read '{text}' as a date: {_HINT}")


def _parse_words(text: str) -> date:
    """Other worded forms ('December 20, 2020'): dateutil with two defaults, so a missing
    part is caught. The common '20 December 2020' is parsed above, without dateutil's cost."""
    from dateutil import parser

    try:
        first = parser.parse(text, default=datetime(1, 1, 1), dayfirst=True)
        second = parser.parse(text, default=datetime(2, 2, 2), dayfirst=True)
    except (ValueError, OverflowError) as exc:
        raise DateError(f"cannot read '{text}' as a date ({exc}): {_HINT}") from None
    if first.date() != second.date():
        raise DateError(f"'{text}' is not a full date (day, month and year): {_HINT}")
    if first.time() != datetime.min.time():
        raise DateError(f"expected a date, got a time too in '{text}'")
    return _in_range(first.date(), text)


def parse_instant(text: str, name: str = "") -> datetime:
    """The one ISO 8601 date-and-time reader (files, ``--now``, ``CONSORTIUM_NOW``): naive
    or with an offset, its year in range; DateError naming ``name`` and the form to write."""
    what = f"{name} '{shorten(text.strip())}'" if name else f"'{shorten(text.strip())}'"
    try:
        moment = datetime.fromisoformat(text.strip())
    except ValueError:
        raise DateError(
            f"cannot read {what} as a date and time: write 2021-02-02T17:00:00+01:00"
        ) from None
    if not MIN_YEAR <= moment.year <= MAX_YEAR:
        raise DateError(f"{what} is out of range: give a year from {MIN_YEAR} to {MAX_YEAR}")
    return moment


def parse_date_or_datetime(value: object) -> date | datetime:
    """A date, or a date and time (ISO 8601, with or without an offset)."""
    if isinstance(value, datetime):
        return _in_range(value, value.isoformat())
    if isinstance(value, str) and ("T" in value or ":" in value):
        return parse_instant(value)
    return parse_date(value)
