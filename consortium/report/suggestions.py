"""The view of `suggest`: the smallest sets of additions, and what no addition fixes."""

from __future__ import annotations

from typing import Any, TextIO

from consortium.display.text import path_text, visible
from consortium.report.matching import candidate_value
from consortium.report.values import Code, Markdown, dump_json, markdown_table, md
from consortium.report.views import Suggestions
from consortium.report.wrapping import wrapped


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
            "file": path_text(view.report.proposal.path),
            "verdict": view.report.verdict,
            "suggestions": suggestion_values(view),
            "unfixable": [{"rule": r, "why": w} for r, w in needs.unfixable],
            "unreachable": view.outcome.unreachable,
            "stopped_early": view.outcome.stopped or None,
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
            said = (
                f"{visible(c.cluster_id)} ({c.cluster.country}) as {a.role}: "
                f"{visible('; '.join(c.for_) or 'no points')}"
            )
            stream.write(wrapped(said, "   ", "     ") + "\n")
    for line in outcome.unreachable:
        stream.write(wrapped(f"no known cluster can fix {visible(line)}", hanging="  ") + "\n")
    for rule, why in outcome.needs.unfixable:
        stream.write(wrapped(f"no addition fixes {rule}: {why}", hanging="  ") + "\n")
    if outcome.suggestions:
        stream.write(
            wrapped("consortium suggest --apply N adds suggestion N as invited members") + "\n"
        )


def suggest_markdown(view: Suggestions, stream: TextIO) -> None:
    rows = [
        [
            str(i),
            Markdown(
                ", ".join(
                    f"{md(Code(a.candidate.cluster_id), True)} ({md(a.role)})" for a in s.additions
                )
            ),
            Markdown(", ".join(md(Code(r), True) for r in s.fixes)),
            str(s.score),
        ]
        for i, s in enumerate(view.outcome.suggestions, 1)
    ]
    stream.write("## Suggested additions\n\n")
    stream.write(markdown_table(["#", "Add", "Fixes", "Score"], rows))
    for line in view.outcome.unreachable:
        stream.write(f"\n- no known cluster can fix {md(line)}")
    for rule, why in view.outcome.needs.unfixable:
        stream.write(f"\n- no addition fixes {md(Code(rule))}: {md(why)}")
    stream.write("\n")
