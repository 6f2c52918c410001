"""The views of partner-search requests: `requests list` and `requests show`."""

from __future__ import annotations

from datetime import datetime
from typing import Any, TextIO

from consortium.catalogue.requests import Listing
from consortium.display.text import path_text, visible
from consortium.facts.countries import country_name
from consortium.facts.deadlines import Deadline, day_stamp, short_countdown, stamp
from consortium.report.layout import Column, write_fields
from consortium.report.layout import write_table as draw
from consortium.report.values import (
    Code,
    csv_document,
    deadline_value,
    dump_json,
    markdown_fields,
    markdown_table,
    md,
    when,
    write_json_lines,
)
from consortium.report.views import RequestList, RequestView


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


def write_json(view: RequestList, stream: TextIO) -> None:
    write_json_lines((listing_value(i, view.now) for i in view.items), stream)


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


def write_csv(view: RequestList, stream: TextIO) -> None:
    csv_document(stream, CSV_COLUMNS, (_csv_row(i, view.now) for i in view.items))


def _csv_row(item: Listing, now: datetime) -> list[Any]:
    row = listing_value(item, now)
    by_name = {d["name"]: d["at"] for d in row["deadlines"]}
    row |= {"eoi": by_name.get("eoi"), "call_deadline": by_name.get("call")}
    return [row[column] for column in CSV_COLUMNS]


def state(item: Listing, now: datetime) -> str:
    """'open', 'closed' (no more expressions of interest) or 'expired'."""
    if item.is_open(now):
        return "open"
    return "closed" if item.request.status == "closed" else "expired"


def _full(deadline: Deadline | None, now: datetime) -> str:
    return when(deadline, now, "\n")


def _short(deadline: Deadline | None, now: datetime) -> str:
    if deadline is None:
        return "-"
    return f"{day_stamp(deadline.at)}\n{short_countdown(deadline.remaining_seconds(now))}"


def write_table(view: RequestList, stream: TextIO) -> None:
    items, now = view.items, view.now
    refs = Column("Reference", [i.request.reference for i in items])
    kind = Column("Kind", [i.request.ref.short_kind for i in items])
    country = Column("Country", [i.request.country for i in items])
    call = Column("Call", [visible(i.request.call_id or "-") for i in items])
    status = Column("Status", [state(i, now) for i in items])
    ref_state = Column("Request", [f"{i.request.reference}\n{state(i, now)}" for i in items])

    def deadlines(show: Any, headers: tuple[str, str]) -> list[Column]:
        return [
            Column(headers[0], [show(i.deadline("eoi"), now) for i in items]),
            Column(headers[1], [show(i.deadline("call"), now) for i in items]),
        ]

    full = deadlines(_full, ("EOI deadline", "Call deadline"))
    short = deadlines(_short, ("EOI", "Deadline"))
    layouts = [
        [refs, kind, country, call, *full, status],
        [refs, call, *full, status],
        [refs, call, *short, status],
        [ref_state, call, *short],
        [ref_state, *short],
    ]
    records = [
        [
            f"{i.request.reference}  {i.request.country}  {state(i, now)}",
            f"call {visible(i.request.call_id or '-')}",
            f"EOI {when(i.deadline('eoi'), now)}",
            f"call deadline {when(i.deadline('call'), now)}",
        ]
        for i in items
    ]
    hint = "" if view.shown_all else " (open only; --all for every request)"
    title = f"Partner-search requests as of {stamp(now)}"
    draw(stream, title, layouts, records, f"{len(items)} request(s){hint}")


def write_markdown(view: RequestList, stream: TextIO) -> None:
    rows = [
        [
            Code(i.request.reference),
            i.request.country,
            i.request.call_id or "-",
            when(i.deadline("eoi"), view.now),
            when(i.deadline("call"), view.now),
            state(i, view.now),
            i.request.title,
        ]
        for i in view.items
    ]
    headers = ["Reference", "Country", "Call", "EOI deadline", "Call deadline", "Status", "Title"]
    stream.write(f"## Partner-search requests as of {md(stamp(view.now))}\n\n")
    stream.write(markdown_table(headers, rows))


def show_json(view: RequestView, stream: TextIO) -> None:
    request = view.item.request
    value = listing_value(view.item, view.now) | {
        "stage": request.stage,
        "consortium": [m.model_dump(mode="json") for m in request.consortium],
        "seeking": request.seeking.model_dump(mode="json") if request.seeking else None,
        "keywords": request.keywords,
        "summary": request.summary,
        "source": request.source,
    }
    dump_json(value, stream)


def show_text(view: RequestView, stream: TextIO) -> None:
    item, now = view.item, view.now
    request = item.request
    write_fields(f"{request.reference}: {request.ref.kind}", _rows(item, now), stream)


def show_markdown(view: RequestView, stream: TextIO) -> None:
    request = view.item.request
    markdown_fields(f"{request.reference}: {request.ref.kind}", _rows(view.item, view.now), stream)


def _rows(item: Listing, now: datetime) -> list[tuple[str, str]]:
    request = item.request
    rows: list[tuple[str, str]] = [
        ("Title", request.title),
        ("Country", f"{request.country} ({country_name(request.country)})"),
        ("Created", f"{request.ref.created:%d %b %Y} (from the reference)"),
        ("Published", f"{request.published:%d %b %Y}" if request.published else "-"),
        ("Status", f"{request.status}; {state(item, now)} for expressions of interest"),
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
    return rows


def _seeking_rows(seeking: Any) -> list[tuple[str, str]]:
    label = ""
    if seeking.label:
        label = f"; {seeking.label} label {'required' if seeking.label_required else 'preferred'}"
    return [
        ("Seeking", f"{seeking.type or 'partner'} as {seeking.role or 'partner'}{label}"),
        ("Sectors sought", ", ".join(seeking.sectors) or "-"),
        ("Experience", ", ".join(seeking.experience) or "-"),
    ]
