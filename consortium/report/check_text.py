"""The check report for people: verdict, members, findings, countdown (Rich)."""

from __future__ import annotations

from typing import TextIO

from consortium.checks import Report, Unchecked
from consortium.countries import country_label
from consortium.deadlines import stamp
from consortium.report.console import console as make_console
from consortium.report.layout import Column
from consortium.report.layout import write_table as draw
from consortium.report.values import deadline_lines, label_text, where
from consortium.text import path_text, visible


def _safe(text: str) -> str:
    """Text from a file, as Rich markup that shows it literally and visibly."""
    from rich.markup import escape

    return escape(visible(text))


VERDICTS = {
    "complete": "[bold green]COMPLETE[/]",
    "provisional": "[bold yellow]COMPLETE[/] [yellow]{rest}[/]",
    "incomplete": "[bold red]INCOMPLETE[/]",
    "incomplete-strict": "[bold red]INCOMPLETE (strict)[/]",
}


def write_text(report: Report | Unchecked, stream: TextIO) -> None:
    """Colour where it helps; whatever a user wrote is escaped ('[x]' in a name is text).
    A file that could not be checked has its problems on stderr, nothing here."""
    if isinstance(report, Unchecked):
        return
    console = make_console(stream, markup=True)
    proposal = report.proposal
    rest = report.summary.removeprefix("complete ")
    verdict = VERDICTS[report.verdict].format(rest=_safe(rest))
    console.print(
        f"{verdict} {_safe(path_text(proposal.path))} for {_safe(proposal.call.id)}: "
        f"{len(report.errors)} error(s), {len(report.warnings)} warning(s), "
        f"as of {stamp(report.now)}"
    )
    _members(report, stream)
    for finding in report.errors + report.warnings:
        colour = "red" if finding.severity == "error" else "yellow"
        console.print(
            f"[{colour}]{finding.severity}[/] [bold]{finding.rule}[/] [dim]{_safe(where(finding))}[/]"
        )
        console.print(f"  {_safe(finding.message)}")
    for title, shown in deadline_lines(report):
        console.print(f"{title}: {shown}", markup=False)


def _members(report: Report, stream: TextIO) -> None:
    """The members table; the cluster id the user must type is never cut or wrapped."""
    members, deadline = report.proposal.members, report.proposal.call_deadline
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
