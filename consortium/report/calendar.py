"""Deadlines as an iCalendar file (RFC 5545), for a calendar that reminds the team.

One event per EOI and call deadline, at its instant in the call's own zone (a VTIMEZONE
block describes the zone, so 17:00 Brussels stays 17:00 Brussels across daylight-saving
changes, whatever the reader's zone). Each event's UID is stable
(``<reference>-<eoi|call>@consortium``): importing a newer export updates the events
instead of duplicating them. Two reminders, a week and a day before. ``DTSTAMP`` is the
instant the command was given (``--today``/``--now``), never the clock, so an export is
reproducible.
"""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta
from functools import cache
from typing import TYPE_CHECKING

from consortium.catalogue.requests import DeadlineRow
from consortium.display.text import visible

if TYPE_CHECKING:
    from icalendar import Event, vText

PRODID = "-//consortium//deadlines//EN"
REMINDERS = (timedelta(days=7), timedelta(days=1))


def uid(row: DeadlineRow) -> str:
    return f"{row.listing.request.reference}-{row.deadline.name}@consortium"


def summary(row: DeadlineRow) -> str:
    """'Call deadline: RDFR20201119001 (COS-CLUSTER-2020-3-03)'."""
    request = row.listing.request
    call = f" ({visible(request.call_id)})" if request.call_id else ""
    return f"{row.deadline.title}: {request.reference}{call}"


def description(row: DeadlineRow) -> str:
    request = row.listing.request
    lines = [visible(request.title or ""), row.listing.call_title or ""]
    return "\n".join(visible(line) for line in lines if line)


def calendar_text(rows: list[DeadlineRow], now: datetime) -> str:
    """The iCalendar text (CRLF lines, as the RFC asks) of ``rows``."""
    from icalendar import Calendar

    cal = Calendar()
    cal.add("prodid", PRODID)
    cal.add("version", "2.0")
    cal.add("calscale", "GREGORIAN")
    cal.add("x-wr-calname", "Consortium deadlines")
    for row in rows:
        cal.add_component(_event(row, now))
    if rows:
        years = [row.deadline.at.year for row in rows]
        cal.add_missing_timezones(date(min(years) - 1, 1, 1), date(max(years) + 1, 12, 31))
    text: str = cal.to_ical().decode("utf-8")
    return text


def literal(text: str) -> vText:
    """``text`` as an iCalendar TEXT value that reads back as it is: every text of an event
    goes through here. icalendar's own escaping first turns a literal ``\\N`` into a line
    break; here the backslash is escaped first (``\\\\N``), then ``;``, ``,`` and line feeds
    (RFC 5545, 3.3.11)."""
    return _literal_class()(text)


@cache
def _literal_class() -> type[vText]:
    from icalendar import vText

    class Literal(vText):
        def to_ical(self) -> bytes:
            escaped = self.replace("\\", "\\\\").replace(";", "\\;").replace(",", "\\,")
            return escaped.replace("\n", "\\n").encode("utf-8")

    return Literal


def _event(row: DeadlineRow, now: datetime) -> Event:
    from icalendar import Alarm, Event

    event = Event()
    event.add("uid", uid(row))
    event.add("dtstamp", now.astimezone(UTC))
    event.add("dtstart", row.deadline.at)
    event.add("summary", literal(summary(row)))
    text = description(row)
    if text:
        event.add("description", literal(text))
    event.add("categories", [row.deadline.name.upper()])
    for before in REMINDERS:
        alarm = Alarm()
        alarm.add("action", "DISPLAY")
        alarm.add("trigger", -before)
        alarm.add("description", literal(f"{summary(row)} in {before.days} day(s)"))
        event.add_component(alarm)
    return event
