"""The check report for people: verdict, members, findings, countdown (Rich)."""

from __future__ import annotations

from typing import TextIO

from consortium.checks import Report
from consortium.deadlines import stamp
from consortium.report.console import console as make_console
from consortium.report.values import label_text, when, where
from consortium.text import path_text, visible


def _safe(text: str) -> str:
    """Text from a file, as Rich markup that shows it literally and visibly."""
    from rich.markup import escape

    return escape(visible(text))


def write_text(report: Report, stream: TextIO) -> None:
    """Colour where it helps; whatever a user wrote is escaped ('[x]' in a name is text)."""
    from rich.table import Table

    console = make_console(stream, markup=True)
    proposal = report.proposal
    verdict = "[bold green]COMPLETE[/]" if report.complete else "[bold red]INCOMPLETE[/]"
    console.print(
        f"{verdict} {_safe(path_text(proposal.path))} for {_safe(proposal.call.id)}: "
        f"{len(report.errors)} error(s), {len(report.warnings)} warning(s), "
        f"as of {stamp(report.now)}"
    )
    members = Table(title=f"Members ({len(proposal.members)})", title_justify="left")
    for column in ("Cluster", "Country", "Role", "Status", "Label"):
        members.add_column(column)
    for member in proposal.members:
        style = "" if member.spec.status == "confirmed" else "yellow"
        members.add_row(
            f"{_safe(member.cluster.name)} [dim]({_safe(member.cluster_id)})[/]",
            member.cluster.country,
            member.spec.role,
            f"[{style}]{member.spec.status}[/]" if style else member.spec.status,
            label_text(member.cluster.label, proposal.call_deadline),
        )
    console.print(members)
    for finding in report.errors + report.warnings:
        colour = "red" if finding.severity == "error" else "yellow"
        console.print(
            f"[{colour}]{finding.severity}[/] [bold]{finding.rule}[/] [dim]{_safe(where(finding))}[/]"
        )
        console.print(f"  {_safe(finding.message)}")
    for deadline in report.deadlines:
        console.print(f"{deadline.title}: {when(deadline, report.now)}", markup=False)
