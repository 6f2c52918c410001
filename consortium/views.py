"""What each view shows, as plain values: the CLI builds one, a writer of the view's
format renders it (``report.formats``). Nothing here knows of terminals."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from consortium.catalogue import DeadlineRow, Listing
from consortium.directory import Entry
from consortium.models import Call
from consortium.rules import Rule


@dataclass(frozen=True)
class RequestList:
    items: list[Listing]
    now: datetime
    shown_all: bool = True


@dataclass(frozen=True)
class RequestView:
    item: Listing
    now: datetime


@dataclass(frozen=True)
class DeadlineList:
    rows: list[DeadlineRow]
    now: datetime


@dataclass(frozen=True)
class CallList:
    calls: list[Call]
    now: datetime


@dataclass(frozen=True)
class CallView:
    call: Call
    now: datetime


@dataclass(frozen=True)
class RuleList:
    rules: list[Rule]


@dataclass(frozen=True)
class RuleView:
    rule: Rule


@dataclass(frozen=True)
class ClusterList:
    entries: list[Entry]
    now: datetime


@dataclass(frozen=True)
class ClusterView:
    entry: Entry
    now: datetime
