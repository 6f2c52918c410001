"""The views of `match` and `suggest`: who would fill the gap, and why, in plain words."""

from __future__ import annotations

import itertools
from typing import Any, TextIO

from consortium.display.text import visible
from consortium.matching.score import Candidate
from consortium.report.layout import Column
from consortium.report.layout import write_table as draw
from consortium.report.values import (
    Code,
    csv_document,
    json_lines,
    json_text,
    markdown_table,
    md,
)
from consortium.report.views import RequestMatch


def candidate_value(c: Candidate) -> dict[str, Any]:
    """A candidate for machines: each part with its points, weight and reason (what speaks
    for it are the parts with points, against it those short of their weight)."""
    return {
        "cluster": c.cluster_id,
        "name": c.cluster.name,
        "country": c.cluster.country,
        "score": c.score if c.eligible else None,
        "parts": [
            {
                "name": p.name,
                "points": round(float(p.points), 1),  # always a number with a point
                "weight": p.weight,
                "reason": p.reason,
            }
            for p in c.parts
        ],
        "refused": c.refused,
    }


def _shown(view: RequestMatch) -> list[Candidate]:
    ranked = view.ranking.ranked
    return ranked[: view.top] if view.top else ranked


def _title(view: RequestMatch) -> str:
    request = view.item.request
    return (
        f"Clusters for {request.reference} ({request.call_id or 'no call'}), "
        f"judged on {view.situation.when}"
    )


def match_json(view: RequestMatch, stream: TextIO) -> None:
    """One candidate a line (``values.json_lines``): 10 000 of them are written fast."""

    def lines(items: list[Candidate]) -> str:
        return json_lines(map(candidate_value, items), stream)

    head = {
        "request": view.item.request.reference,
        "call": view.item.request.call_id,
        "consortium": str(view.consortium) if view.consortium else None,
        "judged_on": view.situation.on.isoformat(),
        "weights": view.situation.weights,
    }
    stream.write(json_text(head, stream)[:-1])
    stream.write(f', "candidates": {lines(_shown(view))}, "apart": {lines(view.ranking.apart)}}}\n')


CSV_COLUMNS = ["rank", "cluster", "name", "country", "score", "for", "against", "refused"]


def candidate_row(rank: int | None, c: Candidate) -> list[Any]:
    """One CSV row: reasons joined with '; ', no rank and no score for one kept apart."""
    eligible = rank is not None
    cells = [rank, c.cluster_id, c.cluster.name, c.cluster.country, c.score if eligible else None]
    reasons = [c.for_, c.against, c.refused] if eligible else [[], [], c.refused]
    return [*cells, *("; ".join(r) for r in reasons)]


def match_csv(view: RequestMatch, stream: TextIO) -> None:
    """The ranked candidates, best first, then those kept apart (rank and score empty)."""
    ranked = (candidate_row(i, c) for i, c in enumerate(_shown(view), 1))
    apart = (candidate_row(None, c) for c in view.ranking.apart)
    csv_document(stream, CSV_COLUMNS, itertools.chain(ranked, apart))


def match_table(view: RequestMatch, stream: TextIO) -> None:
    shown = _shown(view)
    rank = Column("#", [str(i) for i, _ in enumerate(shown, 1)])
    ids = Column("Cluster", [visible(c.cluster_id) for c in shown])
    country = Column("Country", [c.cluster.country for c in shown])
    score = Column("Score", [str(c.score) for c in shown])
    why = Column("Why", [visible("; ".join(c.for_) or "-") for c in shown], elastic=True)
    against = Column("Against", [visible("; ".join(c.against) or "-") for c in shown], elastic=True)
    records = [
        [
            f"{i}. {visible(c.cluster_id)}  {c.cluster.country}  score {c.score}",
            *(f"+ {visible(r)}" for r in c.for_),
            *(f"- {visible(r)}" for r in c.against),
        ]
        for i, c in enumerate(shown, 1)
    ]
    if shown:  # none that meets the hard criteria: the CLI says so, no bare headers
        draw(stream, _title(view), [[rank, ids, country, score, why, against]], records)
    _apart(view.ranking.apart, stream)


def _apart(apart: list[Candidate], stream: TextIO) -> None:
    if not apart:
        return
    stream.write(f"\nApart ({len(apart)}: a hard criterion is not met)\n")
    for c in apart:
        stream.write(
            f"  {visible(c.cluster_id)} ({c.cluster.country}): {visible('; '.join(c.refused))}\n"
        )


def match_markdown(view: RequestMatch, stream: TextIO) -> None:
    rows = [
        [
            str(i),
            Code(c.cluster_id),
            c.cluster.country,
            str(c.score),
            "; ".join(c.for_),
            "; ".join(c.against) or "-",
        ]
        for i, c in enumerate(_shown(view), 1)
    ]
    stream.write(f"## {md(_title(view))}\n\n")
    stream.write(markdown_table(["#", "Cluster", "Country", "Score", "Why", "Against"], rows))
    if view.ranking.apart:
        stream.write("\n**Apart** (a hard criterion is not met):\n\n")
        for c in view.ranking.apart:
            stream.write(f"- {md(Code(c.cluster_id))}: {md('; '.join(c.refused))}\n")
