"""What `calls search` and `calls refresh` show, as plain values for the writers."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, timedelta
from pathlib import Path

from consortium.facts.deadlines import BRUSSELS, CALL_TIME, zone
from consortium.portal.callfile import status_at
from consortium.portal.changes import Change
from consortium.portal.topics import Topic


@dataclass(frozen=True)
class TopicRow:
    identifier: str
    title: str
    programme: str
    deadline: datetime | None  # the next one at ``now`` (17:00 Brussels assumed), else the last
    status: str | None

    def days_left(self, now: datetime) -> int | None:
        if self.deadline is None:
            return None
        return (self.deadline.date() - now.astimezone(zone(BRUSSELS)).date()).days


@dataclass(frozen=True)
class TopicList:
    rows: list[TopicRow]
    now: datetime


def row_of(topic: Topic, now: datetime) -> TopicRow:
    moments = [datetime.combine(d, CALL_TIME, tzinfo=zone(BRUSSELS)) for d in topic.deadlines]
    ahead = [m for m in moments if m > now]
    deadline = ahead[0] if ahead else (moments[-1] if moments else None)
    return TopicRow(
        topic.identifier, topic.title, topic.programme or "-", deadline, status_at(topic, now)
    )


def listed(
    topics: list[Topic], now: datetime, open_only: bool, within: int | None
) -> list[TopicRow]:
    """The rows kept by ``--open`` and ``--closing-within DAYS``, soonest deadline first."""
    rows = [row_of(t, now) for t in topics]
    if open_only:
        rows = [r for r in rows if r.status == "open"]
    if within is not None:
        last = now + timedelta(days=within)
        rows = [r for r in rows if r.deadline is not None and now < r.deadline <= last]
    far = datetime.combine(date.max, CALL_TIME, tzinfo=zone(BRUSSELS))
    return sorted(rows, key=lambda r: (r.deadline or far, r.identifier))


@dataclass(frozen=True)
class Refreshed:
    """One call file and what moved, each change with its line in the file."""

    path: Path
    topic: str
    changes: list[tuple[Change, int]]
    problem: str | None = None


@dataclass(frozen=True)
class RefreshReport:
    calls: list[Refreshed]
    now: datetime

    @property
    def moved(self) -> int:
        return sum(c.rule == "deadline-moved" for r in self.calls for c, _ in r.changes)
