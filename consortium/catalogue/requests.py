"""Requests as a catalogue: their calls resolved, deadlines made aware, filtered, sorted.

The listing and deadline commands are views over this; it knows nothing of terminals.
Lifetimes (EEN Partnering Profile Quality Guidelines): an R&D request lives until its call
deadline; other profiles 365 days from publication unless they say when they expire.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date, datetime, timedelta
from pathlib import Path
from sys import intern
from typing import NamedTuple

from consortium.calls.known import known_calls
from consortium.display.text import mentions
from consortium.facts.deadlines import BRUSSELS, Deadline, make_deadline, named
from consortium.files.loading import Loaded, load_many, yaml_files
from consortium.files.problems import Problem
from consortium.files.roots import Root
from consortium.models import Call, CallInfo, Request
from consortium.models.request import RequestDeadlines, RequestMember

PROFILE_LIFETIME = timedelta(days=365)


class Listing(NamedTuple):
    """One request with what the tool derived for it."""

    request: Request
    path: Path
    programme: str | None
    call_title: str | None
    deadlines: list[Deadline]
    expires: date | None

    def deadline(self, name: str) -> Deadline | None:
        return named(self.deadlines, name)

    def deadline_seconds(self, name: str) -> float:
        """Seconds from the epoch to deadline ``name``, or infinity when it is unknown
        (a sort key: known deadlines first, soonest first)."""
        deadline = self.deadline(name)
        return deadline.at.timestamp() if deadline else float("inf")

    def is_open(self, now: datetime) -> bool:
        """Open for expressions of interest: not closed, not past its call, not expired."""
        if self.request.status != "open":
            return False
        if self.expires and self.expires < now.date():
            return False
        return not any(d.passed(now) for d in self.deadlines)


def listing(loaded: Loaded[Request], calls: dict[str, Call]) -> Listing:
    request = loaded.item
    info = request.call if isinstance(request.call, CallInfo) else None
    preset = calls.get(request.call_id or "")
    tz = (info and info.timezone) or (preset.timezone if preset else BRUSSELS)
    call_at = request.deadlines.call or (info and info.deadline) or (preset and preset.deadline)
    deadlines = []
    if request.deadlines.eoi:
        deadlines.append(make_deadline("eoi", request.deadlines.eoi, tz))
    if call_at:
        deadlines.append(make_deadline("call", call_at, tz))
    expires = request.expires
    if expires is None and request.ref.short_kind != "RD" and request.published:
        expires = request.published + PROFILE_LIFETIME
    return Listing(
        request=request,
        path=loaded.path,
        programme=(info and info.programme) or (preset.programme if preset else None),
        call_title=(info and info.title) or (preset.title if preset else None),
        deadlines=deadlines,
        expires=expires,
    )


class Filter(NamedTuple):
    """What `requests list` keeps; every criterion is case-insensitive."""

    open_only: bool = True
    countries: frozenset[str] = frozenset()
    sector: str | None = None
    programme: str | None = None
    call: str | None = None
    kinds: frozenset[str] = frozenset()

    @classmethod
    def of(
        cls,
        open_only: bool = True,
        countries: Iterable[str] = (),
        sector: str | None = None,
        programme: str | None = None,
        call: str | None = None,
        kinds: Iterable[str] = (),
    ) -> Filter:
        """A filter from options as people type them: ``fr``, ``RDR`` (the platform's new
        code for an R&D request, listed as RD), surrounding spaces."""
        return cls(
            open_only=open_only,
            countries=frozenset(c.strip().upper() for c in countries),
            sector=sector,
            programme=programme,
            call=call,
            kinds=frozenset(
                "RD" if k.strip().upper() == "RDR" else k.strip().upper() for k in kinds
            ),
        )

    def keeps(self, item: Listing, now: datetime) -> bool:
        request = item.request
        return all(
            (
                not self.open_only or item.is_open(now),
                not self.countries or request.country in self.countries,
                not self.sector or mentions(request.sectors, self.sector),
                not self.programme or mentions([item.programme or ""], self.programme),
                not self.call or mentions([request.call_id or ""], self.call),
                not self.kinds or request.ref.short_kind in self.kinds,
            )
        )


def sort_listings(items: list[Listing], by: str, now: datetime) -> list[Listing]:
    """Sorted copy: `deadline` puts the soonest coming deadline first, passed ones last."""
    if by == "published":
        return sorted(items, key=lambda e: e.request.published or date.min, reverse=True)
    if by == "country":
        return sorted(items, key=lambda e: (e.request.country, e.request.reference))
    return sorted(items, key=lambda e: _deadline_key(e, now))


def _deadline_key(item: Listing, now: datetime) -> tuple[int, float, str]:
    coming = [d.remaining_seconds(now) for d in item.deadlines if not d.passed(now)]
    if coming:
        return (0, min(coming), item.request.reference)
    passed = [d.remaining_seconds(now) for d in item.deadlines]
    return (1, -max(passed) if passed else float("inf"), item.request.reference)


def load_catalogue(
    folder: Path, calls_dir: Path | None = None, rows_only: bool = False
) -> tuple[list[Listing], list[Problem]]:
    """Every loadable request of ``folder`` with its call resolved (presets and
    ``calls_dir``, by default ``calls/`` beside the folder); the problems of the others.

    ``rows_only``: each listing cut to what a listing shows (``listed``) as soon as its
    request is validated, so a listing of 50 000 files keeps rows, not whole profiles.
    """
    if not folder.is_dir():
        return [], [Problem(folder, "no such folder of requests: give one with --requests")]
    calls, call_problems = known_calls(calls_dir or folder.parent / "calls")

    def keep(loaded: Loaded[Request]) -> Listing:
        made = listing(loaded, calls)
        return listed(made) if rows_only else made

    items, problems = load_many(yaml_files(folder), Request, Root.around(folder), keep)
    return items, call_problems + problems


_NO_DEADLINES = RequestDeadlines()  # a listed request's deadlines live in its Listing
_NO_MEMBERS: list[RequestMember] = []  # shared, never changed: a listed request has none
_LISTED_FIELDS = {"reference", "title", "country", "status", "call", "keywords"}  # shared


def listed(item: Listing) -> Listing:
    """``item`` with its request cut to what `requests list` filters, sorts and prints:
    reference, title, country, status, call id, dates. Its sectors (its partners', the
    sought partner's and its keywords, which a listing searches alike) are kept as keywords;
    the call's details and the deadlines are already resolved in ``item``. Built without
    validating again (the request was just validated), repeated words shared
    (``sys.intern``): a listing of 10 000 files kept whole profiles until output (117 MiB).
    """
    request = item.request
    call_id = request.call_id
    return item._replace(
        request=Request.model_construct(
            _LISTED_FIELDS,
            reference=request.reference,
            title=request.title,
            country=intern(request.country),
            published=request.published,
            status=request.status,
            call=intern(call_id) if call_id is not None else None,
            deadlines=_NO_DEADLINES,
            consortium=_NO_MEMBERS,
            keywords=[intern(s) for s in request.sectors],
            expires=request.expires,
        )
    )


def find(items: Iterable[Listing], reference: str) -> Listing | None:
    """The request with ``reference`` (case and spaces forgiven)."""
    wanted = reference.strip().upper()
    return next((i for i in items if i.request.reference == wanted), None)


class DeadlineRow(NamedTuple):
    listing: Listing
    deadline: Deadline


def deadline_rows(
    items: Iterable[Listing], now: datetime, passed: bool = False
) -> list[DeadlineRow]:
    """Every request's deadlines, soonest first (ties by reference); passed ones only if asked."""
    rows = [
        DeadlineRow(item, d)
        for item in items
        for d in item.deadlines
        if passed or not d.passed(now)
    ]
    rows.sort(key=lambda r: (r.deadline.remaining_seconds(now), r.listing.request.reference))
    return rows
