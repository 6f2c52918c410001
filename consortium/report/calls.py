"""Calls for people: a list, and one call with its rules and sources."""

from __future__ import annotations

from datetime import datetime

from consortium.deadlines import countdown, make_deadline
from consortium.models import Call


def _deadline_text(call: Call, now: datetime) -> str:
    if call.deadline is None:
        return "-"
    deadline = make_deadline("call", call.deadline, call.timezone)
    at = deadline.at
    left = countdown(deadline.remaining_seconds(now))
    return f"{at:%d %b %Y %H:%M} {call.timezone} ({left})"


def print_calls(calls: list[Call], now: datetime) -> None:
    from rich.console import Console
    from rich.table import Table

    table = Table(title="Known calls")
    for column in ("Id", "Programme", "Deadline", "Title"):
        table.add_column(column, overflow="fold")
    for call in calls:
        table.add_row(call.id, call.programme, _deadline_text(call, now), call.title)
    Console(markup=False).print(table)


def print_call(call: Call, now: datetime) -> None:
    from rich.console import Console
    from rich.table import Table

    table = Table(show_header=False, box=None, title=f"{call.id}: {call.title}")
    table.add_column(style="bold")
    table.add_column(overflow="fold")
    table.add_row("Programme", call.programme)
    table.add_row("Deadline", _deadline_text(call, now))
    for label, value in (("Budget", call.budget), ("Notes", call.notes), ("URL", call.url)):
        if value:
            table.add_row(label, value)
    for key, value in call.rules.model_dump(exclude_none=True).items():
        table.add_row(f"rule {key}", str(value))
    for source in call.sources:
        table.add_row("Source", source)
    Console(markup=False).print(table)
