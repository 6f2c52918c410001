"""Output of `requests list`, `requests show` and `deadlines`."""

from __future__ import annotations

import csv
import json
from datetime import datetime
from typing import Any, TextIO

from consortium.catalogue import Listing
from consortium.countries import country_name
from consortium.deadlines import Deadline, countdown, stamp
from consortium.report.console import console
from consortium.report.values import deadline_value, dump_json, is_utf, when
from consortium.text import path_text, visible


def listing_value(item: Listing, now: datetime) -> dict[str, Any]:
    request = item.request
    return {
        "reference": request.reference,
        "kind": request.ref.kind,
        "type": request.ref.short_kind,
        "country": request.country,
        "title": request.title,
        "status": request.status,
        "open": item.is_open(now),
        "call": request.call_id,
        "programme": item.programme,
        "published": request.published.isoformat() if request.published else None,
        "expires": item.expires.isoformat() if item.expires else None,
        "deadlines": [deadline_value(d, now) for d in item.deadlines],
        "file": path_text(item.path),
    }


def write_json(items: list[Listing], now: datetime, stream: TextIO) -> None:
    """A JSON array, one request per line: readable, and written by json's C encoder
    (``indent`` would switch to the pure-Python one, a second over 10 000 requests)."""
    ascii_only = not is_utf(stream)
    rows = (json.dumps(listing_value(i, now), ensure_ascii=ascii_only) for i in items)
    stream.write("[\n" + ",\n".join(rows) + "\n]\n" if items else "[]\n")


CSV_COLUMNS = [
    "reference",
    "type",
    "country",
    "call",
    "programme",
    "status",
    "open",
    "published",
    "eoi",
    "call_deadline",
    "title",
    "file",
]


def write_csv(items: list[Listing], now: datetime, stream: TextIO) -> None:
    """Spreadsheet rows; text from files shown visibly (no control character reaches a cell)."""
    writer = csv.DictWriter(stream, CSV_COLUMNS, extrasaction="ignore", lineterminator="\n")
    writer.writeheader()
    for item in items:
        row = listing_value(item, now)
        by_name = {d["name"]: d["at"] for d in row["deadlines"]}
        row = {k: visible(v) if isinstance(v, str) else v for k, v in row.items()}
        writer.writerow({**row, "eoi": by_name.get("eoi"), "call_deadline": by_name.get("call")})


def print_table(items: list[Listing], now: datetime, shown_all: bool, stream: TextIO) -> None:
    from rich.table import Table

    table = Table(title=f"Partner-search requests as of {stamp(now)}")
    for column in (
        "Reference",
        "Kind",
        "Country",
        "Call",
        "EOI deadline",
        "Call deadline",
        "Status",
    ):
        table.add_column(column, overflow="fold", no_wrap=column in ("Reference", "Call"))
    for item in items:
        request = item.request
        state = (
            "open"
            if item.is_open(now)
            else request.status
            if request.status == "closed"
            else "expired"
        )
        table.add_row(
            request.reference,
            request.ref.short_kind,
            request.country,
            visible(request.call_id or "-"),
            when(item.deadline("eoi"), now, "\n"),
            when(item.deadline("call"), now, "\n"),
            state,
        )
    out = console(stream)
    out.print(table)
    hint = "" if shown_all else " (open only; --all for every request)"
    out.print(f"{len(items)} request(s){hint}", style="dim")


def print_request(item: Listing, now: datetime, stream: TextIO) -> None:
    from rich.table import Table

    request = item.request
    table = Table(show_header=False, box=None, title=f"{request.reference}: {request.ref.kind}")
    table.add_column(style="bold")
    table.add_column(overflow="fold")
    rows: list[tuple[str, str]] = [
        ("Title", request.title),
        ("Country", f"{request.country} ({country_name(request.country)})"),
        ("Created", f"{request.ref.created:%d %b %Y} (from the reference)"),
        ("Published", f"{request.published:%d %b %Y}" if request.published else "-"),
        (
            "Status",
            f"{request.status}; {'open' if item.is_open(now) else 'not open'} for expressions of interest",
        ),
        ("Call", " - ".join(x for x in (request.call_id, item.call_title) if x) or "-"),
        ("Programme", item.programme or "-"),
        ("EOI deadline", when(item.deadline("eoi"), now)),
        ("Call deadline", when(item.deadline("call"), now)),
    ]
    if item.expires:
        rows.append(("Expires", f"{item.expires:%d %b %Y}"))
    rows.append(("Stage", request.stage or "-"))
    for member in request.consortium:
        name = member.name or country_name(member.country)
        sectors = f", {', '.join(member.sectors)}" if member.sectors else ""
        rows.append(("Consortium", f"{name} ({member.country}{sectors}): {member.status}"))
    if request.seeking:
        rows.extend(_seeking_rows(request.seeking))
    for label, value in (
        ("Keywords", ", ".join(request.keywords)),
        ("Summary", " ".join((request.summary or "").split())),
        ("Source", request.source),
        ("File", path_text(item.path)),
    ):
        if value:
            rows.append((label, value.strip()))
    for label, value in rows:
        table.add_row(label, visible(value))
    console(stream).print(table)


def _seeking_rows(seeking: Any) -> list[tuple[str, str]]:
    label = ""
    if seeking.label:
        label = f"; {seeking.label} label {'required' if seeking.label_required else 'preferred'}"
    return [
        ("Seeking", f"{seeking.type or 'partner'} as {seeking.role or 'partner'}{label}"),
        ("Sectors sought", ", ".join(seeking.sectors) or "-"),
        ("Experience", ", ".join(seeking.experience) or "-"),
    ]


def write_deadlines(
    rows: list[tuple[Listing, Deadline]], now: datetime, output: str, stream: TextIO
) -> None:
    if output == "json":
        values = [
            {"reference": e.request.reference, "call": e.request.call_id, **deadline_value(d, now)}
            for e, d in rows
        ]
        dump_json(values, stream)
        return
    if output == "csv":
        writer = csv.writer(stream, lineterminator="\n")
        writer.writerow(["reference", "call", "name", "at", "remaining_seconds"])
        for e, d in rows:
            writer.writerow(
                [
                    e.request.reference,
                    visible(e.request.call_id or ""),
                    d.name,
                    d.at.isoformat(),
                    d.remaining_seconds(now),
                ]
            )
        return
    from rich.table import Table

    table = Table(title=f"Deadlines as of {stamp(now)}")
    for column in ("When", "Countdown", "Deadline", "Reference", "Call"):
        table.add_column(column, overflow="fold", no_wrap=column in ("Reference", "Call"))
    for e, d in rows:
        table.add_row(
            stamp(d.at),
            countdown(d.remaining_seconds(now)),
            d.title,
            e.request.reference,
            visible(e.request.call_id or "-"),
        )
    console(stream).print(table)
