"""The views of a folder of cluster profiles: `clusters list` and `clusters show`."""

from __future__ import annotations

from datetime import date
from typing import Any, TextIO

from consortium.catalogue.clusters import Entry
from consortium.display.text import path_text, visible
from consortium.facts.labels import lapses_before
from consortium.models import Label
from consortium.report.layout import Column, write_fields
from consortium.report.layout import write_table as draw
from consortium.report.values import (
    Code,
    csv_document,
    dump_json,
    json_lines,
    label_on,
    markdown_fields,
    markdown_table,
    yes_no,
)
from consortium.report.views import ClusterList, ClusterView

CSV_FIELDS = ["id", "name", "country", "type", "label", "valid_until", "roles", "sectors"]


def entry_value(entry: Entry) -> dict[str, Any]:
    value = entry.cluster.model_dump(mode="json")
    return {**value, "id": entry.id, "file": path_text(entry.path)}


def _flat(entry: Entry) -> list[str]:
    """The CSV and Markdown row: lists joined with '; ' (the writers escape each cell)."""
    c = entry.cluster
    label = c.label
    cells = [entry.id, c.name, c.country, c.type, label.level if label else ""]
    cells += [str(label.valid_until or "") if label else "", "; ".join(c.roles)]
    return [*cells, "; ".join(c.sectors)]


def write_json(view: ClusterList, stream: TextIO) -> None:
    stream.write(json_lines((entry_value(e) for e in view.entries), stream) + "\n")


def write_csv(view: ClusterList, stream: TextIO) -> None:
    csv_document(stream, CSV_FIELDS, map(_flat, view.entries))


def write_markdown(view: ClusterList, stream: TextIO) -> None:
    day = view.now.date()
    rows = [
        [Code(r[0]), *r[1:4], label_on(e.cluster.label, day), *r[6:]]
        for e, r in ((e, _flat(e)) for e in view.entries)
    ]
    stream.write("## Clusters\n\n")
    headers = ["Id", "Name", "Country", "Type", "Label", "Roles", "Sectors"]
    stream.write(markdown_table(headers, rows))


def write_table(view: ClusterList, stream: TextIO) -> None:
    entries, day = view.entries, view.now.date()
    ids = Column("Id", [visible(e.id) for e in entries])
    country = Column("Country", [e.cluster.country for e in entries])
    cc = Column("CC", [e.cluster.country for e in entries])
    label = Column("Label", [label_on(e.cluster.label, day) for e in entries])
    level = Column("Label", [_level(e.cluster.label, day) for e in entries])
    roles = Column("Roles", [", ".join(e.cluster.roles) for e in entries])
    name = Column("Name", [visible(e.cluster.name) for e in entries], elastic=True)
    sectors = Column("Sectors", [visible(", ".join(e.cluster.sectors)) for e in entries], True)
    layouts = [
        [ids, country, label, roles, name, sectors],
        [ids, country, label, name, sectors],
        [ids, cc, level, name],
        [ids, cc, level],
    ]
    records = [
        [
            f"{visible(e.id)}  {e.cluster.country}  {label_on(e.cluster.label, day)}",
            visible(e.cluster.name),
        ]
        for e in entries
    ]
    draw(stream, f"Clusters ({len(entries)})", layouts, records)


def _level(label: Label | None, day: date) -> str:
    """The label's level for narrow tables, still marked when it has lapsed by ``day``."""
    if label is None:
        return "-"
    return f"{label.level} (lapsed)" if lapses_before(label, day) else label.level


def show_json(view: ClusterView, stream: TextIO) -> None:
    dump_json(entry_value(view.entry), stream)


def show_markdown(view: ClusterView, stream: TextIO) -> None:
    entry = view.entry
    markdown_fields(f"{entry.id}: {entry.cluster.name}", _rows(view), stream)


def show_text(view: ClusterView, stream: TextIO) -> None:
    entry = view.entry
    write_fields(visible(f"{entry.id}: {entry.cluster.name}"), _rows(view), stream)


def _rows(view: ClusterView) -> list[tuple[str, str]]:
    """The fields a profile gives, as the text and Markdown views show them; the label as
    it stands on the judged day."""
    entry, c = view.entry, view.entry.cluster
    rows: list[tuple[str, str | None]] = [
        ("Country", c.country),
        ("Type", c.type),
        (
            "Region",
            " ".join(filter(None, (c.region.nuts, c.region.category))) if c.region else None,
        ),
        ("Sectors", ", ".join(c.sectors)),
        ("Label", label_on(c.label, view.now.date()) if c.label else None),
        ("ECCP", "requested" if c.eccp == "requested" else yes_no(c.eccp)),
        ("PIC", c.pic),
        ("Roles", ", ".join(c.roles)),
        *(("Experience", _experience(x)) for x in c.experience),
        ("Website", c.website),
        ("Contact", c.contact),
        ("Notes", c.notes),
        ("File", path_text(entry.path)),
    ]
    return [(key, value) for key, value in rows if value]


def _experience(x: Any) -> str:
    parts = [x.programme, x.project, x.role, str(x.year) if x.year else None]
    return ", ".join(p for p in parts if p)
