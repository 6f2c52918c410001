"""What the report page is built from: the check's verdict, the `suggest` answer and the
files read, gathered once by the command that writes the page (`report`, `check --format
html`). Nothing is computed twice: the findings, deadlines and suggestions are the very
values `check` and `suggest` print."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING

from consortium.display.text import joined, path_text

if TYPE_CHECKING:
    from consortium.check.runner import Report, Unchecked
    from consortium.matching.suggest import SuggestionResult
    from consortium.proposal.resolve import Folders, Proposal


@dataclass(frozen=True)
class ReportPage:
    """The page's values: the checked consortium (or why it could not be checked), what
    `suggest` proposes when it is incomplete, and the files it was built from."""

    report: Report | Unchecked
    outcome: SuggestionResult | None
    sources: list[str]
    now: datetime
    version: str


def assemble(
    report: Report | Unchecked, folders: Folders, now: datetime, shown: int = 3
) -> ReportPage:
    """The page for a check's ``report``: with the top ``shown`` `suggest` proposals when
    it is incomplete and profiles are known (as `check` announces them), and its sources."""
    from consortium import __version__
    from consortium.check.runner import Unchecked

    if isinstance(report, Unchecked):
        return ReportPage(
            report, None, [f"{path_text(report.path)} (the consortium)"], now, __version__
        )
    clusters, requests, calls = folders.resolve(report.proposal.path.parent)
    outcome = None
    if report.exit_code == 1 and clusters.is_dir():
        from consortium.catalogue.clusters import known_clusters
        from consortium.matching.suggest import suggest

        pool, _ = known_clusters(clusters)
        outcome = suggest(report, pool.items(), limit=shown)
    sources = sources_of(report.proposal, clusters, requests, calls)
    return ReportPage(report, outcome, sources, now, __version__)


def sources_of(proposal: Proposal, clusters: Path, requests: Path, calls: Path) -> list[str]:
    """The files the page was built from, in words: the consortium file, the profiles of its
    members, the request it answers and where its call comes from."""
    from consortium.calls.known import builtin_calls

    said = [f"{path_text(proposal.path)} (the consortium)"]
    if proposal.members:
        ids = joined(list(dict.fromkeys(m.cluster_id for m in proposal.members)))
        said.append(f"{path_text(clusters)}/ (the profiles of {ids})")
    if proposal.request is not None:
        said.append(f"{path_text(requests)}/ (request {proposal.request.reference})")
    call = proposal.call
    if builtin_calls().get(call.id) is call:
        said.append(f"call {call.id} (built into the tool)")
    else:
        said.append(f"{path_text(calls)}/ (call {call.id})")
    return said
