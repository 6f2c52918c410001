"""The views of the Funding & Tenders Portal: `calls search` and `calls refresh`."""

from __future__ import annotations

from datetime import datetime
from typing import Any, TextIO

from consortium.display.text import neutralise, path_text, visible
from consortium.facts.deadlines import stamp
from consortium.portal.listing import RefreshReport, TopicList, TopicRow
from consortium.report.check_machine import annotation
from consortium.report.layout import Column
from consortium.report.layout import write_table as draw
from consortium.report.values import Code, csv_document, dump_json, markdown_table

ASSUMED = "17:00 Brussels assumed: the portal gives only the date"


def _value(row: TopicRow, now: datetime) -> dict[str, Any]:
    return {
        "id": row.identifier,
        "title": row.title,
        "programme": row.programme,
        "deadline": row.deadline.isoformat() if row.deadline else None,
        "days_left": row.days_left(now),
        "status": row.status,
    }


def _when(row: TopicRow) -> str:
    return stamp(row.deadline) if row.deadline else "-"


def _left(row: TopicRow, now: datetime) -> str:
    days = row.days_left(now)
    return "-" if days is None else str(days)


def search_table(view: TopicList, stream: TextIO) -> None:
    rows, now = view.rows, view.now
    ids = Column("Id", [r.identifier for r in rows])
    title = Column("Title", [r.title for r in rows], elastic=True)
    programme = Column("Programme", [r.programme for r in rows], elastic=True)
    when = Column("Next deadline", [_when(r) for r in rows])
    left = Column("Days left", [_left(r, now) for r in rows])
    layouts = [[ids, title, programme, when, left], [ids, title, when, left], [ids, when, left]]
    records = [
        [r.identifier, r.title, r.programme, f"{_when(r)} ({_left(r, now)} days)"] for r in rows
    ]
    draw(stream, f"{len(rows)} topic(s)", layouts, records, footer=f"Deadlines: {ASSUMED}.")


def search_json(view: TopicList, stream: TextIO) -> None:
    dump_json([_value(r, view.now) for r in view.rows], stream)


def search_csv(view: TopicList, stream: TextIO) -> None:
    header = ["id", "title", "programme", "deadline", "days_left", "status"]
    csv_document(stream, header, ([*_value(r, view.now).values()] for r in view.rows))


def search_markdown(view: TopicList, stream: TextIO) -> None:
    rows = [
        [Code(r.identifier), r.title, r.programme, _when(r), _left(r, view.now)] for r in view.rows
    ]
    stream.write(f"## Topics on the Funding & Tenders Portal\n\nDeadlines: {ASSUMED}.\n\n")
    stream.write(markdown_table(["Id", "Title", "Programme", "Next deadline", "Days left"], rows))


def _lines(report: RefreshReport) -> list[str]:
    lines = []
    for entry in report.calls:
        where = path_text(entry.path)
        if entry.problem:
            lines.append(f"{where}: could not be refreshed: {visible(entry.problem)}")
        for change, line in entry.changes:
            place = f"{where}:{line}" if line else where
            lines.append(f"{place}: {change.severity} [{change.rule}] {visible(change.message)}")
    moved = report.moved
    total = sum(len(e.changes) for e in report.calls)
    lines.append(
        f"{len(report.calls)} call file(s) refreshed: {total} change(s), {moved} deadline(s) moved"
    )
    return lines


def refresh_text(report: RefreshReport, stream: TextIO) -> None:
    stream.write("".join(f"{neutralise(line)}\n" for line in _lines(report)))


def refresh_github(report: RefreshReport, stream: TextIO) -> None:
    """An annotation per change on the call file's line, then the plain list."""
    for entry in report.calls:
        where = path_text(entry.path)
        if entry.problem:
            stream.write(annotation("warning", where, 0, 0, "not-refreshed", entry.problem))
        for change, line in entry.changes:
            stream.write(annotation(change.severity, where, line, 0, change.rule, change.message))
    refresh_text(report, stream)


def refresh_json(report: RefreshReport, stream: TextIO) -> None:
    dump_json(
        {
            "moved": report.moved,
            "calls": [
                {
                    "file": path_text(e.path),
                    "topic": e.topic,
                    "problem": e.problem,
                    "changes": [
                        {"rule": c.rule, "severity": c.severity, "message": c.message, "line": n}
                        for c, n in e.changes
                    ],
                }
                for e in report.calls
            ],
        },
        stream,
    )


def refresh_markdown(report: RefreshReport, stream: TextIO) -> None:
    rows = [
        [Code(path_text(e.path)), str(n or ""), c.severity, c.rule, c.message]
        for e in report.calls
        for c, n in e.changes
    ]
    rows += [
        [Code(path_text(e.path)), "", "problem", "not-refreshed", e.problem]
        for e in report.calls
        if e.problem
    ]
    stream.write(f"## Calls refreshed from the portal\n\n{_lines(report)[-1]}\n\n")
    if rows:
        stream.write(markdown_table(["File", "Line", "Severity", "Change", "Message"], rows))
