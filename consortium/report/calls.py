"""The views of the calls the tool knows: `calls list` and `calls show`."""

from __future__ import annotations

from datetime import datetime
from typing import Any, TextIO

from consortium.display.text import visible
from consortium.facts.deadlines import countdown, make_deadline, stamp
from consortium.models import Call
from consortium.report.layout import Column, write_fields
from consortium.report.layout import write_table as draw
from consortium.report.values import (
    Code,
    csv_document,
    deadline_value,
    dump_json,
    json_lines,
    markdown_fields,
    markdown_table,
    plain_value,
)
from consortium.report.views import CallList, CallView


def call_value(call: Call, now: datetime) -> dict[str, Any]:
    value = call.model_dump(mode="json")
    deadline = make_deadline("call", call.deadline, call.timezone) if call.deadline else None
    value["deadline"] = deadline_value(deadline, now) if deadline else None
    return value


def _deadline_text(call: Call, now: datetime, sep: str = " ") -> str:
    """'02 Feb 2021 17:00 CET (passed 2 days ago)': in the call's zone, CET/CEST shown."""
    if call.deadline is None:
        return "-"
    deadline = make_deadline("call", call.deadline, call.timezone)
    return f"{stamp(deadline.at)}{sep}({countdown(deadline.remaining_seconds(now))})"


def write_json(view: CallList, stream: TextIO) -> None:
    stream.write(json_lines((call_value(c, view.now) for c in view.calls), stream) + "\n")


def write_csv(view: CallList, stream: TextIO) -> None:
    def row(call: Call) -> list[Any]:
        deadline = call_value(call, view.now)["deadline"] or {}
        return [
            call.id,
            call.programme,
            deadline.get("at"),
            deadline.get("remaining_seconds"),
            call.title,
        ]

    csv_document(
        stream, ["id", "programme", "deadline", "remaining_seconds", "title"], map(row, view.calls)
    )


def write_table(view: CallList, stream: TextIO) -> None:
    calls, now = view.calls, view.now
    ids = Column("Id", [visible(c.id) for c in calls])
    programme = Column("Programme", [visible(c.programme) for c in calls], elastic=True)
    deadline = Column("Deadline", [_deadline_text(c, now, "\n") for c in calls])
    title = Column("Title", [visible(c.title) for c in calls], elastic=True)
    layouts = [[ids, programme, deadline, title], [ids, deadline, title], [ids, deadline]]
    records = [
        [visible(c.id), visible(c.programme), _deadline_text(c, now), visible(c.title)]
        for c in calls
    ]
    draw(stream, "Known calls", layouts, records)


def write_markdown(view: CallList, stream: TextIO) -> None:
    rows = [[Code(c.id), c.programme, _deadline_text(c, view.now), c.title] for c in view.calls]
    stream.write("## Known calls\n\n")
    stream.write(markdown_table(["Id", "Programme", "Deadline", "Title"], rows))


def show_json(view: CallView, stream: TextIO) -> None:
    dump_json(call_value(view.call, view.now), stream)


def show_markdown(view: CallView, stream: TextIO) -> None:
    call = view.call
    markdown_fields(f"{call.id}: {call.title}", _rows(call, view.now), stream)


def show_text(view: CallView, stream: TextIO) -> None:
    call = view.call
    write_fields(visible(f"{call.id}: {call.title}"), _rows(call, view.now), stream)


def _rows(call: Call, now: datetime) -> list[tuple[str, str]]:
    """The fields of one call as the text and Markdown views show them."""
    rows = [("Programme", call.programme), ("Deadline", _deadline_text(call, now))]
    for label, value in (("Budget", call.budget), ("Notes", call.notes), ("URL", call.url)):
        if value:
            rows.append((label, value))
    for key, value in call.rules.model_dump(exclude_none=True).items():
        rows.append((f"rule {key}", plain_value(value)))
    rows += [("Source", source) for source in call.sources]
    return rows
