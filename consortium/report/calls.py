"""Calls for people: a list, and one call with its rules and sources."""

from __future__ import annotations

from consortium.deadlines import make_deadline
from consortium.models import Call


def _deadline_text(call: Call) -> str:
    if call.deadline is None:
        return "-"
    at = make_deadline("call", call.deadline, call.timezone).at
    return f"{at:%d %b %Y %H:%M} {call.timezone}"


def print_calls(calls: list[Call]) -> None:
    from rich.console import Console
    from rich.table import Table

    table = Table(title="Known calls")
    for column in ("Id", "Programme", "Deadline", "Title"):
        table.add_column(column, overflow="fold")
    for call in calls:
        table.add_row(call.id, call.programme, _deadline_text(call), call.title)
    Console(markup=False).print(table)


def print_call(call: Call) -> None:
    from rich.console import Console
    from rich.table import Table

    table = Table(show_header=False, box=None, title=f"{call.id}: {call.title}")
    table.add_column(style="bold")
    table.add_column(overflow="fold")
    table.add_row("Programme", call.programme)
    table.add_row("Deadline", _deadline_text(call))
    for label, value in (("Budget", call.budget), ("Notes", call.notes), ("URL", call.url)):
        if value:
            table.add_row(label, value)
    for key, value in call.rules.model_dump(exclude_none=True).items():
        table.add_row(f"rule {key}", str(value))
    for source in call.sources:
        table.add_row("Source", source)
    Console(markup=False).print(table)
