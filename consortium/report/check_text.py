"""The check report for people: verdict, members, findings, countdown (Rich)."""

from __future__ import annotations

from typing import TextIO

from consortium.checks import Report
from consortium.deadlines import stamp
from consortium.report.values import label_text, when, where


def write_text(report: Report, stream: TextIO) -> None:
    """Colour where it helps; whatever a user wrote is escaped ('[x]' in a name is text)."""
    from rich.console import Console
    from rich.markup import escape
    from rich.table import Table

    console = Console(file=stream, highlight=False)
    proposal = report.proposal
    verdict = "[bold green]COMPLETE[/]" if report.complete else "[bold red]INCOMPLETE[/]"
    console.print(
        f"{verdict} {escape(str(proposal.path))} for {escape(proposal.call.id)}: "
        f"{len(report.errors)} error(s), {len(report.warnings)} warning(s), "
        f"as of {stamp(report.now)}"
    )
    members = Table(title=f"Members ({len(proposal.members)})", title_justify="left")
    for column in ("Cluster", "Country", "Role", "Status", "Label"):
        members.add_column(column)
    for member in proposal.members:
        style = "" if member.entry.status == "confirmed" else "yellow"
        members.add_row(
            f"{escape(member.cluster.name)} [dim]({escape(member.cluster_id)})[/]",
            member.cluster.country,
            member.entry.role,
            f"[{style}]{member.entry.status}[/]" if style else member.entry.status,
            label_text(member.cluster.label, proposal.call_deadline),
        )
    console.print(members)
    for finding in report.errors + report.warnings:
        colour = "red" if finding.severity == "error" else "yellow"
        console.print(
            f"[{colour}]{finding.severity}[/] [bold]{finding.rule}[/] [dim]{escape(where(finding))}[/]"
        )
        console.print(f"  {escape(finding.message)}")
    for deadline in report.deadlines:
        console.print(f"{deadline.label}: {when(deadline, report.now)}", markup=False)
