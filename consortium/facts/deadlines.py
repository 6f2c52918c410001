"""Deadlines as aware datetimes in the call's zone, and countdowns computed in UTC.

Source: EU call deadlines are "17:00 Brussels time" (Funding & Tenders portal). A zone,
never a fixed offset: 17:00 is 16:00 UTC in winter and 15:00 UTC in summer. A date-only
call deadline means 17:00; a date-only EOI deadline means the end of that day.
Nothing here reads the clock: "now" is always passed in.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import UTC, date, datetime, time
from functools import cache
from typing import NamedTuple
from zoneinfo import ZoneInfo

from consortium.display.text import shorten
from consortium.facts.dates import MAX_YEAR, MIN_YEAR, parse_instant

BRUSSELS = "Europe/Brussels"
CALL_TIME = time(17, 0)
EOI_TIME = time(23, 59, 59)
DEFAULT_TIMES = {"call": CALL_TIME, "eoi": EOI_TIME}
TITLES = {"eoi": "Expression of interest", "call": "Call deadline"}


@cache
def zone(name: str) -> ZoneInfo:
    return ZoneInfo(name)


def localise(value: date | datetime, tz: str, default_time: time) -> datetime:
    """An aware datetime: dates get ``default_time``, naive datetimes the zone ``tz``."""
    if isinstance(value, datetime):
        # an offset written in the file is honoured, then shown in the call's zone
        return value.astimezone(zone(tz)) if value.tzinfo else value.replace(tzinfo=zone(tz))
    return datetime.combine(value, default_time, tzinfo=zone(tz))


class Deadline(NamedTuple):
    """A named deadline (``eoi`` or ``call``) at an aware instant."""

    name: str
    at: datetime

    def remaining_seconds(self, now: datetime) -> int:
        return seconds_between(now, self.at)

    def passed(self, now: datetime) -> bool:
        return self.remaining_seconds(now) < 0

    @property
    def title(self) -> str:
        return TITLES.get(self.name, self.name)


def named(deadlines: Iterable[Deadline], name: str) -> Deadline | None:
    """The deadline called ``name`` (``eoi`` or ``call``), if there is one."""
    return next((d for d in deadlines if d.name == name), None)


def stamp(at: datetime) -> str:
    """'02 Feb 2021 17:00 CET': the instant as people read it, in its own zone."""
    return f"{at:%d %b %Y %H:%M} {at.tzname()}"


def make_deadline(name: str, value: date | datetime, tz: str) -> Deadline:
    return Deadline(name, localise(value, tz, DEFAULT_TIMES[name]))


def seconds_between(start: datetime, end: datetime) -> int:
    """Whole seconds from ``start`` to ``end``, in UTC: same-zone subtraction ignores DST."""
    return int((end.astimezone(UTC) - start.astimezone(UTC)).total_seconds())


def countdown(seconds: int) -> str:
    """'in 23 days 4 h', 'in 3 h 20 min', 'passed 3 days ago'."""
    if seconds >= 0:
        return f"in {_span(seconds)}"
    return f"passed {_span(-seconds, coarse=True)} ago"


def short_countdown(seconds: int) -> str:
    """'in 23 d', 'in 5 h', '3 d ago': the countdown for a narrow column."""
    left = abs(seconds)
    days, hours, minutes = left // 86400, left // 3600, left // 60
    span = f"{days} d" if days else f"{hours} h" if hours else f"{minutes} min"
    return f"in {span}" if seconds >= 0 else f"{span} ago"


def day_stamp(at: datetime) -> str:
    """'02 Feb 2021': the day of an instant, in its own zone."""
    return f"{at:%d %b %Y}"


def _span(seconds: int, coarse: bool = False) -> str:
    """Days and hours, or hours and minutes; ``coarse`` keeps only the largest unit."""
    days, rest = divmod(seconds, 86400)
    hours, rest = divmod(rest, 3600)
    minutes = rest // 60
    if days:
        unit = "day" if days == 1 else "days"
        return f"{days} {unit} {hours} h" if hours and not coarse else f"{days} {unit}"
    if hours:
        return f"{hours} h {minutes} min" if minutes and not coarse else f"{hours} h"
    return f"{minutes} min" if minutes else f"{seconds} s"


def parse_now(today: str | None, now: str | None, env: str | None) -> datetime | None:
    """The instant to count from, from ``--now``, ``--today`` or ``CONSORTIUM_NOW``.

    ``--today D`` means the start of day D in Brussels; a ``--now`` without an offset is
    Brussels time too. Returns None when none is given: only the CLI may then read the clock.
    Raises ValueError with a message that says how to write the value.
    """
    if now is not None:
        return _in_brussels(parse_instant(now, "--now"))
    if today is not None:
        try:
            day = date.fromisoformat(today.strip())
        except ValueError:
            raise ValueError(
                f"--today '{shorten(today)}' is not a date: write YYYY-MM-DD"
            ) from None
        if not MIN_YEAR <= day.year <= MAX_YEAR:  # year 1 cannot even be shifted to UTC
            raise ValueError(
                f"--today '{shorten(today)}' is out of range: "
                f"give a year from {MIN_YEAR} to {MAX_YEAR}"
            )
        return datetime.combine(day, time(0), tzinfo=zone(BRUSSELS))
    if env is not None:
        return _in_brussels(parse_instant(env, "CONSORTIUM_NOW"))
    return None


def _in_brussels(value: datetime) -> datetime:
    return value if value.tzinfo else value.replace(tzinfo=zone(BRUSSELS))
