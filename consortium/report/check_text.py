"""The check report for people: verdict, members, findings, countdown (Rich on a terminal)."""

from __future__ import annotations

from collections.abc import Callable
from typing import TextIO

from consortium.check.runner import Report
from consortium.display.text import path_text, visible
from consortium.facts.countries import country_label
from consortium.facts.deadlines import stamp
from consortium.report import plain
from consortium.report.console import console as make_console
from consortium.report.layout import Column
from consortium.report.layout import write_table as draw
from consortium.report.values import deadline_lines, label_text, where
from consortium.report.wrapping import wrapped

VERDICTS = {
    "complete": ("COMPLETE", "bold green"),
    "provisional": ("COMPLETE", "bold yellow"),
    "incomplete": ("INCOMPLETE", "bold red"),
    "incomplete-strict": ("INCOMPLETE (strict)", "bold red"),
}


Styled = list[tuple[str, str]]  # a line as (text, Rich style) parts; "" for no style


def write_check_text(report: Report, stream: TextIO) -> None:
    """Colour where it helps; whatever a user wrote is printed as text ('[x]' in a name is
    text). Long lines wrap for a terminal only, with a hanging indent, never inside a date
    or a countdown (``wrapped``). A file that could not be checked never comes here: for
    people, its problems are lines on stderr (``cli.check``).

    Where Rich would draw no style (a log, a pipe: ``plain.plain_stream``) the lines are
    written without it, the same bytes at a fraction of the start-up."""
    if not plain.plain_stream(stream):
        _write_rich(report, stream)
        return

    def show(parts: Styled) -> None:
        stream.write(plain.line("".join(text for text, _ in parts)))

    _write(report, stream, show)


def _write_rich(report: Report, stream: TextIO) -> None:
    """The report through a Rich console: colours on a terminal."""
    from rich.text import Text

    console = make_console(stream)

    def show(parts: Styled) -> None:
        console.print(Text.assemble(*parts), soft_wrap=True)

    _write(report, stream, show)


def _write(report: Report, stream: TextIO, show: Callable[[Styled], None]) -> None:
    """The report's lines, each given to ``show`` in styled parts; the members table drawn
    on ``stream`` (``layout.write_table``)."""
    proposal = report.proposal
    word, style = VERDICTS[report.verdict]
    rest = report.summary.removeprefix("complete ") if report.verdict == "provisional" else ""
    verdict = f"{word} {visible(rest)}".strip()
    headline = wrapped(
        f"{verdict} {visible(path_text(proposal.path))} for {visible(proposal.call.id)}: "
        f"{len(report.errors)} error(s), {len(report.warnings)} warning(s), "
        f"as of {stamp(report.now)}",
        hanging="  ",
    )
    cut = len(word), len(verdict)  # the word in bold colour, the rest of the verdict in colour
    show(
        [
            (headline[: cut[0]], style),
            (headline[cut[0] : cut[1]], style.removeprefix("bold ")),
            (headline[cut[1] :], ""),
        ]
    )
    _members(report, stream)
    for finding in report.errors + report.warnings:
        colour = "red" if finding.severity == "error" else "yellow"
        show(
            [
                (finding.severity, colour),
                (" ", ""),
                (finding.rule, "bold"),
                (" ", ""),
                (visible(where(finding)), "dim"),
            ]
        )
        show([(wrapped(visible(finding.message), "  "), "")])
    for title, shown in deadline_lines(report):
        show([(wrapped(f"{title}: {shown}", hanging="  "), "")])


def _members(report: Report, stream: TextIO) -> None:
    """The members table; the cluster id the user must type is never cut or wrapped."""
    members, deadline = report.proposal.members, report.proposal.call_deadline
    if not members:  # a sentence, never bare headers
        stream.write("Members: none yet (add them under members: in the consortium file)\n")
        return
    names = Column("Cluster", [visible(m.cluster.name) for m in members], elastic=True)
    ids = Column("Id", [visible(m.cluster_id) for m in members])
    country = Column("Country", [country_label(m.cluster.country) for m in members])
    role = Column("Role", [m.spec.role for m in members])
    status = Column("Status", [m.spec.status for m in members])
    labels = [label_text(m.cluster.label, deadline).replace(", ", "\n", 1) for m in members]
    label = Column("Label", labels)
    short = Column("Label", [text.split("\n")[0] for text in labels])
    layouts = [
        [names, ids, country, role, status, label],
        [ids, country, role, status, label],
        [ids, country, role, status, short],
    ]
    records = [
        [
            f"{visible(m.cluster_id)}  {country_label(m.cluster.country)}  {m.spec.role}  "
            f"{m.spec.status}",
            visible(m.cluster.name),
            f"label: {label_text(m.cluster.label, deadline)}",
        ]
        for m in members
    ]
    draw(stream, f"Members ({len(members)})", layouts, records)
