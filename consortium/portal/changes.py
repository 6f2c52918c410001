"""What moved on the portal since a call file was written: deadlines, stages, status, news.

A moved deadline is the one that costs a proposal (``deadline-moved``, an error: ``calls
refresh`` exits 1); a new or dropped stage, a changed status, title or budget, and news
published since the last fetch are warnings. Each change names the place in the old file
it is about, so an annotation lands on the right line.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime
from typing import Literal

from consortium.models import Call

Severity = Literal["error", "warning"]


@dataclass(frozen=True)
class Change:
    rule: str  # deadline-moved, new-stage, stage-gone, status, title, budget, news
    severity: Severity
    message: str
    loc: tuple[str | int, ...]  # where in the old file


def _day(value: date | datetime) -> date:
    return value.date() if isinstance(value, datetime) else value


def _said(day: date) -> str:
    return f"{day:%d %b %Y}"


def _label(stage: str) -> str:
    """'first stage deadline', or 'deadline' for a single-stage topic's one."""
    return stage if stage == "deadline" else f"{stage} deadline"


def changes(old: Call, new: Call) -> list[Change]:
    """Every difference that matters between the file as it is and the portal today."""
    found = _stages(old, new)
    old_portal, new_portal = old.portal, new.portal
    if old_portal and new_portal and old_portal.status != new_portal.status:
        found.append(
            Change(
                "status",
                "warning",
                f"status now {new_portal.status or 'unknown'} (was {old_portal.status or 'unknown'})",
                ("portal", "status"),
            )
        )
    if old.title != new.title:
        found.append(Change("title", "warning", f"title now '{new.title}'", ("title",)))
    if old.budget != new.budget:
        found.append(
            Change("budget", "warning", f"budget now {new.budget or 'not given'}", ("budget",))
        )
    found += _news(old, new)
    return found


def _stages(old: Call, new: Call) -> list[Change]:
    before = {s.name: (i, _day(s.deadline)) for i, s in enumerate(old.stages)}
    if not before and old.deadline is not None and new.stages:
        before = {new.stages[-1].name: (-1, _day(old.deadline))}
    found: list[Change] = []
    for stage in new.stages:
        day = _day(stage.deadline)
        if stage.name not in before:
            found.append(
                Change("new-stage", "warning", f"new {stage.name} on {_said(day)}", ("stages",))
            )
            continue
        index, was = before[stage.name]
        if was != day:
            loc: tuple[str | int, ...] = (
                ("stages", index, "deadline") if index >= 0 else ("deadline",)
            )
            found.append(
                Change(
                    "deadline-moved",
                    "error",
                    f"{_label(stage.name)} moved from {_said(was)} to {_said(day)}",
                    loc,
                )
            )
    names = {s.name for s in new.stages}
    for name, (index, was) in before.items():
        if name not in names and index >= 0:
            found.append(
                Change(
                    "stage-gone",
                    "warning",
                    f"{name} of {_said(was)} is no longer on the portal",
                    ("stages", index),
                )
            )
    return found


def _news(old: Call, new: Call) -> list[Change]:
    """News the old file does not hold, published on or after its fetch day."""
    if new.portal is None:
        return []
    known = {(n.date, n.text) for n in old.portal.news} if old.portal else set()
    since = _day(old.portal.fetched) if old.portal else date.min
    return [
        Change("news", "warning", f"news of {_said(n.date)}: {n.text}", ("portal",))
        for n in new.portal.news
        if (n.date, n.text) not in known and n.date >= since
    ]
