"""Calls for people: a list, and one call with its rules and sources."""

from __future__ import annotations

from datetime import datetime
from typing import TextIO

from consortium.deadlines import countdown, make_deadline
from consortium.models import Call
from consortium.report.console import console
from consortium.text import visible


def _deadline_text(call: Call, now: datetime) -> str:
    if call.deadline is None:
        return "-"
    deadline = make_deadline("call", call.deadline, call.timezone)
    at = deadline.at
    left = countdown(deadline.remaining_seconds(now))
    return f"{at:%d %b %Y %H:%M} {call.timezone} ({left})"


def print_calls(calls: list[Call], now: datetime, stream: TextIO) -> None:
    from rich.table import Table

    table = Table(title="Known calls")
    for column in ("Id", "Programme", "Deadline", "Title"):
        table.add_column(column, overflow="fold")
    for call in calls:
        table.add_row(
            visible(call.id),
            visible(call.programme),
            _deadline_text(call, now),
            visible(call.title),
        )
    console(stream).print(table)


def print_call(call: Call, now: datetime, stream: TextIO) -> None:
    from rich.table import Table

    table = Table(show_header=False, box=None, title=visible(f"{call.id}: {call.title}"))
    table.add_column(style="bold")
    table.add_column(overflow="fold")
    table.add_row("Programme", visible(call.programme))
    table.add_row("Deadline", _deadline_text(call, now))
    for label, value in (("Budget", call.budget), ("Notes", call.notes), ("URL", call.url)):
        if value:
            table.add_row(label, visible(value))
    for key, value in call.rules.model_dump(exclude_none=True).items():
        table.add_row(f"rule {key}", visible(str(value)))
    for source in call.sources:
        table.add_row("Source", visible(source))
    console(stream).print(table)
