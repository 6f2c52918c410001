"""Which deadlines `consortium deadlines` shows: a window, countries, a call, and no EOI
deadline of a closed request.

A request with ``status: closed`` takes no more expressions of interest, so its EOI
deadline is no longer a date anyone can act on; its call deadline still is (the
consortium it formed still submits). ``--all`` shows everything, passed ones included.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from datetime import datetime, timedelta
from typing import NamedTuple

from consortium.catalogue.requests import DeadlineRow, Listing, deadline_rows

_UNITS = {"h": "hours", "d": "days", "w": "weeks"}
_WITHIN = re.compile(r"\s*(\d{1,5})\s*([hdw])\s*", re.IGNORECASE)


def parse_within(text: str) -> timedelta:
    """``14d``, ``36h``, ``2w``: a window from now; anything else is a ValueError that
    says what is accepted (a bare number is refused: hours or days would be a guess)."""
    match = _WITHIN.fullmatch(text)
    if match is None:
        raise ValueError("give a number and a unit: 36h, 14d or 2w")
    count, unit = int(match[1]), match[2].lower()
    return timedelta(**{_UNITS[unit]: count})


class DeadlineFilter(NamedTuple):
    """What `deadlines` keeps; countries and the call are matched case-insensitively."""

    show_all: bool = False
    within: timedelta | None = None
    countries: frozenset[str] = frozenset()
    call: str | None = None

    @classmethod
    def of(
        cls,
        show_all: bool = False,
        within: timedelta | None = None,
        countries: Iterable[str] = (),
        call: str | None = None,
    ) -> DeadlineFilter:
        return cls(show_all, within, frozenset(c.strip().upper() for c in countries), call)

    def keeps_listing(self, item: Listing) -> bool:
        request = item.request
        if self.countries and request.country not in self.countries:
            return False
        return not self.call or self.call.strip().casefold() in (request.call_id or "").casefold()

    def keeps_row(self, row: DeadlineRow, now: datetime) -> bool:
        if not self.in_window(row, now):
            return False
        return self.show_all or not closed_eoi(row)

    def in_window(self, row: DeadlineRow, now: datetime) -> bool:
        return self.within is None or row.deadline.at - now <= self.within


def closed_eoi(row: DeadlineRow) -> bool:
    """The EOI deadline of a request that takes no more expressions of interest."""
    return row.deadline.name == "eoi" and row.listing.request.status == "closed"


def agenda(items: Iterable[Listing], now: datetime, chosen: DeadlineFilter) -> list[DeadlineRow]:
    """The deadlines ``chosen`` keeps, soonest first (passed ones only with ``show_all``)."""
    kept = [item for item in items if chosen.keeps_listing(item)]
    rows = deadline_rows(kept, now, passed=chosen.show_all)
    return [row for row in rows if chosen.keeps_row(row, now)]


def hidden_closed(items: Iterable[Listing], now: datetime, chosen: DeadlineFilter) -> int:
    """How many coming EOI deadlines of closed requests ``chosen`` hides, so the command
    can say so ("1 deadline of a closed request hidden; --all shows it")."""
    if chosen.show_all:
        return 0
    kept = [item for item in items if chosen.keeps_listing(item)]
    rows = deadline_rows(kept, now, passed=False)
    return sum(1 for row in rows if closed_eoi(row) and chosen.in_window(row, now))
