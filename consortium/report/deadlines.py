"""The view of `consortium deadlines`: every coming EOI and call deadline, soonest first."""

from __future__ import annotations

from typing import Any, TextIO

from consortium.catalogue.requests import DeadlineRow
from consortium.display.text import visible
from consortium.facts.deadlines import countdown, day_stamp, short_countdown, stamp
from consortium.report.layout import Column
from consortium.report.layout import write_table as draw
from consortium.report.values import (
    Code,
    csv_document,
    deadline_value,
    json_lines,
    markdown_table,
    md,
)
from consortium.report.views import DeadlineList


def row_value(row: DeadlineRow, view: DeadlineList) -> dict[str, Any]:
    request = row.listing.request
    return {
        "reference": request.reference,
        "call": request.call_id,
        **deadline_value(row.deadline, view.now),
    }


def write_json(view: DeadlineList, stream: TextIO) -> None:
    stream.write(json_lines((row_value(r, view) for r in view.rows), stream) + "\n")


def write_csv(view: DeadlineList, stream: TextIO) -> None:
    columns = ["reference", "call", "name", "at", "remaining_seconds", "passed"]
    values = (row_value(row, view) for row in view.rows)
    csv_document(stream, columns, ([value[k] for k in columns] for value in values))


def write_table(view: DeadlineList, stream: TextIO) -> None:
    rows, now = view.rows, view.now
    at = Column("When", [stamp(r.deadline.at) for r in rows])
    day = Column("When", [day_stamp(r.deadline.at) for r in rows])
    left = Column("Countdown", [countdown(r.deadline.remaining_seconds(now)) for r in rows])
    short = Column("Left", [short_countdown(r.deadline.remaining_seconds(now)) for r in rows])
    what = Column("Deadline", [r.deadline.title for r in rows])
    name = Column("Kind", [r.deadline.name for r in rows])
    ref = Column("Reference", [r.listing.request.reference for r in rows])
    call = Column("Call", [visible(r.listing.request.call_id or "-") for r in rows])
    layouts = [[at, left, what, ref, call], [at, left, name, ref, call], [day, short, name, ref]]
    records = [
        [
            f"{stamp(r.deadline.at)}  {short_countdown(r.deadline.remaining_seconds(now))}",
            f"{r.deadline.title} of {r.listing.request.reference}",
            f"call {visible(r.listing.request.call_id or '-')}",
        ]
        for r in rows
    ]
    draw(stream, f"Deadlines as of {stamp(now)}", layouts, records)


def write_markdown(view: DeadlineList, stream: TextIO) -> None:
    rows = [
        [
            stamp(r.deadline.at),
            countdown(r.deadline.remaining_seconds(view.now)),
            r.deadline.title,
            Code(r.listing.request.reference),
            r.listing.request.call_id or "-",
        ]
        for r in view.rows
    ]
    stream.write(f"## Deadlines as of {md(stamp(view.now))}\n\n")
    stream.write(markdown_table(["When", "Countdown", "Deadline", "Reference", "Call"], rows))
