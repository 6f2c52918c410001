"""The timeline of the report: today, the EOI and call deadlines, each member's label
expiry, placed along one axis with the days left.

Positions are computed here and drawn by the template as SVG. Labels that would overlap
go to the next lane down (greedy, in date order), so 30 label expiries in one month stay
readable; the list under the drawing says every event in words as well.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import date, datetime

from consortium.facts.deadlines import Deadline, countdown, stamp

WIDTH = 760  # pixels of the drawing
MARGIN = 70  # room at each end for a label centred on its mark
LANE = 18  # pixels between two lanes of labels
CHAR = 6.2  # average width of a character of the label font, to keep labels apart


@dataclass(frozen=True)
class Event:
    """One mark on the timeline."""

    kind: str  # "today", "eoi", "call" or "label"
    title: str  # 'Call deadline', 'Label of fr-energy-transition expires'
    at: datetime | date
    shown: str  # '02 Feb 2021 17:00 CET'
    left: str  # 'in 74 days 17 h', 'passed 3 days ago', 'today'
    days: int  # whole days from today (negative: past)
    warn: bool = False  # a label lapsing before the call deadline, a deadline passed
    x: float = 0.0
    lane: int = 0
    label_x: float = 0.0  # the label's centre, kept inside the drawing

    @property
    def short(self) -> str:
        return self.title if self.kind != "label" else self.title.split(" of ", 1)[-1]


@dataclass(frozen=True)
class Timeline:
    events: list[Event]
    width: int
    height: int
    axis_y: int


def deadline_event(deadline: Deadline, now: datetime) -> Event:
    seconds = deadline.remaining_seconds(now)
    return Event(
        kind=deadline.name,
        title=deadline.title,
        at=deadline.at,
        shown=stamp(deadline.at),
        left=countdown(seconds),
        days=seconds // 86400,
        warn=seconds < 0,
    )


def label_event(cluster_id: str, level: str, until: date, now: datetime, lapses: bool) -> Event:
    days = (until - now.date()).days
    left = "today" if days == 0 else f"in {days} days" if days > 0 else f"{-days} days ago"
    title = f"{level.capitalize()} label of {cluster_id} expires"
    return Event("label", title, until, f"{until:%d %b %Y}", left, days, lapses)


def today_event(now: datetime) -> Event:
    return Event("today", "Today", now, stamp(now), "now", 0)


def timeline(events: list[Event]) -> Timeline:
    """``events`` in date order, each with its x position and the lane of its label: the
    deadlines and today take the first lanes, label expiries fill in around them."""
    ordered = sorted(events, key=_day_of)
    first, last = _day_of(ordered[0]), _day_of(ordered[-1])
    span = max((last - first).days, 1)
    inner = WIDTH - 2 * MARGIN
    lanes: list[list[tuple[float, float]]] = []  # the labels' extents in each lane
    placed: dict[int, Event] = {}
    for index in sorted(range(len(ordered)), key=lambda i: ordered[i].kind == "label"):
        event = ordered[index]
        x = MARGIN + inner * (_day_of(event) - first).days / span
        half = len(event.short) * CHAR / 2 + 4
        centre = min(max(x, half), WIDTH - half)
        extent = (centre - half, centre + half)
        lane = next((i for i, used in enumerate(lanes) if _free(used, extent)), len(lanes))
        if lane == len(lanes):
            lanes.append([])
        lanes[lane].append(extent)
        placed[index] = replace(event, x=round(x, 1), lane=lane, label_x=round(centre, 1))
    axis_y = 30
    height = axis_y + 26 + LANE * max(len(lanes), 1)
    return Timeline([placed[i] for i in range(len(ordered))], WIDTH, height, axis_y)


def _free(used: list[tuple[float, float]], extent: tuple[float, float]) -> bool:
    return all(extent[1] < start or extent[0] > end for start, end in used)


def _day_of(event: Event) -> date:
    at = event.at
    return at.date() if isinstance(at, datetime) else at
