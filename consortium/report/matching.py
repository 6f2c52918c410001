"""The views of `match` and `suggest`: who would fill the gap, and why, in plain words."""

from __future__ import annotations

import json
from typing import Any, TextIO

from consortium.deadlines import stamp
from consortium.matching.rank import Opening
from consortium.matching.score import Candidate
from consortium.report.layout import Column
from consortium.report.layout import write_table as draw
from consortium.report.values import dump_json, is_utf, markdown_table, when
from consortium.text import visible
from consortium.views import ClusterMatch, RequestMatch, Suggestions


def candidate_value(c: Candidate) -> dict[str, Any]:
    """A candidate for machines: each part with its points, weight and reason (what speaks
    for it are the parts with points, against it those short of their weight)."""
    return {
        "cluster": c.cluster_id,
        "name": c.cluster.name,
        "country": c.cluster.country,
        "score": c.score if c.eligible else None,
        "parts": [
            {"name": p.name, "points": round(p.points, 1), "weight": p.weight, "reason": p.reason}
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
    """One candidate a line, by json's C encoder (``indent`` would switch to the Python
    one: seconds over 10 000 candidates)."""
    ascii_only = not is_utf(stream)

    def lines(items: list[Candidate]) -> str:
        rows = (json.dumps(candidate_value(c), ensure_ascii=ascii_only) for c in items)
        return "[\n" + ",\n".join(rows) + "\n]" if items else "[]"

    head = {
        "request": view.item.request.reference,
        "call": view.item.request.call_id,
        "judged_on": view.situation.on.isoformat(),
        "weights": view.situation.weights,
    }
    stream.write(json.dumps(head, ensure_ascii=ascii_only)[:-1])
    stream.write(f', "candidates": {lines(_shown(view))}, "apart": {lines(view.ranking.apart)}}}\n')


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
            f"`{c.cluster_id}`",
            c.cluster.country,
            str(c.score),
            "; ".join(c.for_),
            "; ".join(c.against) or "-",
        ]
        for i, c in enumerate(_shown(view), 1)
    ]
    stream.write(f"## {_title(view)}\n\n")
    stream.write(markdown_table(["#", "Cluster", "Country", "Score", "Why", "Against"], rows))
    if view.ranking.apart:
        stream.write("\n**Apart** (a hard criterion is not met):\n\n")
        for c in view.ranking.apart:
            stream.write(f"- `{visible(c.cluster_id)}`: {visible('; '.join(c.refused))}\n")


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
            f"`{o.listing.request.reference}`",
            str(o.candidate.score),
            when(o.listing.deadline("eoi"), view.now),
            "; ".join(o.candidate.for_),
        ]
        for o in _openings(view)
    ]
    stream.write(f"## Open requests `{visible(view.cluster_id)}` could answer\n\n")
    stream.write(markdown_table(["Request", "Score", "EOI deadline", "Why"], rows))


def suggestion_values(view: Suggestions) -> list[dict[str, Any]]:
    return [
        {
            "rank": i,
            "size": len(s.additions),
            "fixes": s.fixes,
            "score": s.score,
            "additions": [{"role": a.role, **candidate_value(a.candidate)} for a in s.additions],
        }
        for i, s in enumerate(view.outcome.suggestions, 1)
    ]


def suggest_json(view: Suggestions, stream: TextIO) -> None:
    needs = view.outcome.needs
    dump_json(
        {
            "file": str(view.report.proposal.path),
            "verdict": view.report.verdict,
            "suggestions": suggestion_values(view),
            "unfixable": [{"rule": r, "why": w} for r, w in needs.unfixable],
            "unreachable": view.outcome.unreachable,
        },
        stream,
    )


def suggest_text(view: Suggestions, stream: TextIO) -> None:
    outcome = view.outcome
    if not outcome.needs.any and not outcome.needs.unfixable:
        stream.write(f"{view.report.summary}: nothing to add\n")
        return
    for i, s in enumerate(outcome.suggestions, 1):
        stream.write(
            f"{i}. add {len(s.additions)} (fixes {', '.join(s.fixes) or 'nothing'}; score {s.score})\n"
        )
        for a in s.additions:
            c = a.candidate
            stream.write(
                f"   {visible(c.cluster_id)} ({c.cluster.country}) as {a.role}: "
                f"{visible('; '.join(c.for_) or 'no points')}\n"
            )
    for line in outcome.unreachable:
        stream.write(f"no known cluster can fix {visible(line)}\n")
    for rule, why in outcome.needs.unfixable:
        stream.write(f"no addition fixes {rule}: {why}\n")
    if outcome.suggestions:
        stream.write("`consortium suggest --apply N` adds suggestion N as invited members\n")


def suggest_markdown(view: Suggestions, stream: TextIO) -> None:
    rows = [
        [
            str(i),
            ", ".join(f"`{a.candidate.cluster_id}` ({a.role})" for a in s.additions),
            ", ".join(f"`{r}`" for r in s.fixes),
            str(s.score),
        ]
        for i, s in enumerate(view.outcome.suggestions, 1)
    ]
    stream.write("## Suggested additions\n\n")
    stream.write(markdown_table(["#", "Add", "Fixes", "Score"], rows))
    for line in view.outcome.unreachable:
        stream.write(f"\n- no known cluster can fix {visible(line)}")
    for rule, why in view.outcome.needs.unfixable:
        stream.write(f"\n- no addition fixes `{rule}`: {visible(why)}")
    stream.write("\n")
