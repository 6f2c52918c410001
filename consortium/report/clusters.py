"""The views of a folder of cluster profiles: `clusters list` and `clusters show`."""

from __future__ import annotations

import csv
from typing import Any, TextIO

from consortium.directory import Entry
from consortium.report.layout import Column
from consortium.report.layout import write_table as draw
from consortium.report.values import csv_value, dump_json, markdown_table, yes_no
from consortium.text import path_text, visible
from consortium.views import ClusterList, ClusterView

CSV_FIELDS = ["id", "name", "country", "type", "label", "valid_until", "roles", "sectors"]


def entry_value(entry: Entry) -> dict[str, Any]:
    value = entry.cluster.model_dump(mode="json")
    return {**value, "id": entry.id, "file": path_text(entry.path)}


def _label(entry: Entry) -> str:
    label = entry.cluster.label
    if label is None:
        return "-"
    return f"{label.level} until {label.valid_until}" if label.valid_until else label.level


def _flat(entry: Entry) -> list[str]:
    """The CSV and Markdown row: lists joined with '; ', every text made visible."""
    c = entry.cluster
    label = c.label
    cells = [entry.id, c.name, c.country, c.type, label.level if label else ""]
    cells += [str(label.valid_until or "") if label else "", "; ".join(c.roles)]
    return [visible(cell) for cell in [*cells, "; ".join(c.sectors)]]


def write_json(view: ClusterList, stream: TextIO) -> None:
    dump_json([entry_value(e) for e in view.entries], stream)


def write_csv(view: ClusterList, stream: TextIO) -> None:
    writer = csv.writer(stream, lineterminator="\n")
    writer.writerow(CSV_FIELDS)
    for entry in view.entries:
        writer.writerow([csv_value(cell) for cell in _flat(entry)])


def write_markdown(view: ClusterList, stream: TextIO) -> None:
    rows = [[f"`{r[0]}`", *r[1:]] for r in (_flat(e) for e in view.entries)]
    stream.write("## Clusters\n\n")
    headers = ["Id", "Name", "Country", "Type", "Label", "Valid until", "Roles", "Sectors"]
    stream.write(markdown_table(headers, rows))


def write_table(view: ClusterList, stream: TextIO) -> None:
    entries = view.entries
    ids = Column("Id", [visible(e.id) for e in entries])
    country = Column("Country", [e.cluster.country for e in entries])
    cc = Column("CC", [e.cluster.country for e in entries])
    label = Column("Label", [_label(e) for e in entries])
    level = Column("Label", [e.cluster.label.level if e.cluster.label else "-" for e in entries])
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
        [f"{visible(e.id)}  {e.cluster.country}  {_label(e)}", visible(e.cluster.name)]
        for e in entries
    ]
    draw(stream, f"Clusters ({len(entries)})", layouts, records)


def show_json(view: ClusterView, stream: TextIO) -> None:
    dump_json(entry_value(view.entry), stream)


def show_text(view: ClusterView, stream: TextIO) -> None:
    from rich.table import Table

    from consortium.report.console import console

    entry, c = view.entry, view.entry.cluster
    table = Table(show_header=False, box=None, title=visible(f"{entry.id}: {c.name}"))
    table.add_column(style="bold", no_wrap=True)
    table.add_column(overflow="fold")
    rows: list[tuple[str, str | None]] = [
        ("Country", c.country),
        ("Type", c.type),
        (
            "Region",
            " ".join(filter(None, (c.region.nuts, c.region.category))) if c.region else None,
        ),
        ("Sectors", ", ".join(c.sectors)),
        ("Label", _label(entry) if c.label else None),
        ("ECCP", "requested" if c.eccp == "requested" else yes_no(c.eccp)),
        ("PIC", c.pic),
        ("Roles", ", ".join(c.roles)),
        *(("Experience", _experience(x)) for x in c.experience),
        ("Website", c.website),
        ("Contact", c.contact),
        ("Notes", c.notes),
        ("File", path_text(entry.path)),
    ]
    for key, value in rows:
        if value:
            table.add_row(key, visible(value))
    console(stream).print(table)


def _experience(x: Any) -> str:
    parts = [x.programme, x.project, x.role, str(x.year) if x.year else None]
    return ", ".join(p for p in parts if p)
