"""The view of `match --cluster ID`: the open requests one cluster could answer."""

from __future__ import annotations

from typing import Any, TextIO

from consortium.display.text import visible
from consortium.facts.deadlines import stamp
from consortium.matching.rank import Opening
from consortium.report.layout import Column
from consortium.report.layout import write_table as draw
from consortium.report.matching import candidate_value
from consortium.report.values import (
    Code,
    csv_document,
    dump_json,
    markdown_table,
    md,
    when,
)
from consortium.report.views import ClusterMatch


def _openings(view: ClusterMatch) -> list[Opening]:
    return view.fitting[: view.top] if view.top else view.fitting


def opening_value(o: Opening, view: ClusterMatch) -> dict[str, Any]:
    request = o.listing.request
    eoi = o.listing.deadline("eoi")
    return {
        "reference": request.reference,
        "call": request.call_id,
        "title": request.title,
        "eoi": eoi.at.isoformat() if eoi else None,
        **{
            k: v
            for k, v in candidate_value(o.candidate).items()
            if k not in ("cluster", "name", "country")
        },
    }


def cluster_json(view: ClusterMatch, stream: TextIO) -> None:
    dump_json(
        {
            "cluster": view.cluster_id,
            "requests": [opening_value(o, view) for o in _openings(view)],
            "apart": [opening_value(o, view) for o in view.apart],
            "not_open": view.not_open,
        },
        stream,
    )


CSV_COLUMNS = ["reference", "call", "title", "eoi", "score", "for", "refused"]


def cluster_csv(view: ClusterMatch, stream: TextIO) -> None:
    """The requests the cluster could answer, best first, then those kept apart."""
    csv_document(stream, CSV_COLUMNS, (_csv_row(o, view) for o in [*_openings(view), *view.apart]))


def _csv_row(o: Opening, view: ClusterMatch) -> list[Any]:
    value = opening_value(o, view)
    reasons = "; ".join(o.candidate.for_) if value["score"] is not None else ""
    return [value[k] for k in CSV_COLUMNS[:5]] + [reasons, "; ".join(value["refused"])]


def cluster_table(view: ClusterMatch, stream: TextIO) -> None:
    shown = _openings(view)
    refs = Column("Request", [o.listing.request.reference for o in shown])
    score = Column("Score", [str(o.candidate.score) for o in shown])
    eoi = Column("EOI deadline", [when(o.listing.deadline("eoi"), view.now, "\n") for o in shown])
    call = Column("Call", [visible(o.listing.request.call_id or "-") for o in shown])
    why = Column("Why", [visible("; ".join(o.candidate.for_) or "-") for o in shown], elastic=True)
    records = [
        [
            f"{o.listing.request.reference}  score {o.candidate.score}",
            f"EOI {when(o.listing.deadline('eoi'), view.now)}",
            *(f"+ {visible(r)}" for r in o.candidate.for_),
        ]
        for o in shown
    ]
    title = f"Open requests {visible(view.cluster_id)} could answer, as of {stamp(view.now)}"
    footer = f"{view.not_open} request(s) seeking partners are not open for expressions of interest"
    if shown:  # nothing fits: the CLI says so on stderr, no bare headers
        draw(stream, title, [[refs, score, eoi, call, why], [refs, score, eoi]], records, footer)
    if view.apart:
        stream.write(f"\nApart ({len(view.apart)}):\n")
        for o in view.apart:
            stream.write(
                f"  {o.listing.request.reference}: {visible('; '.join(o.candidate.refused))}\n"
            )


def cluster_markdown(view: ClusterMatch, stream: TextIO) -> None:
    rows = [
        [
            Code(o.listing.request.reference),
            str(o.candidate.score),
            when(o.listing.deadline("eoi"), view.now),
            "; ".join(o.candidate.for_),
        ]
        for o in _openings(view)
    ]
    stream.write(f"## Open requests {md(Code(view.cluster_id))} could answer\n\n")
    stream.write(markdown_table(["Request", "Score", "EOI deadline", "Why"], rows))
