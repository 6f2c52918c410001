"""`consortium check`: is the consortium complete for its call? Exit 0, 1 or 2."""

from __future__ import annotations

import os
import sys
from enum import StrEnum
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from consortium.cli.common import NowOption, TodayOption, deliver, fail, resolve_now, say
from consortium.report.check_formats import FORMATS, writer
from consortium.text import path_text

if TYPE_CHECKING:
    from consortium.checks import Report

CheckFormat = StrEnum("CheckFormat", {name: name for name in FORMATS})  # type: ignore[misc]


def check(
    path: Annotated[Path, typer.Argument(help="The consortium file.")] = Path("consortium.yaml"),
    output: Annotated[CheckFormat, typer.Option("--format", "-f", help="Report format.")] = "text",  # type: ignore[assignment]
    strict: Annotated[bool, typer.Option("--strict", help="Warnings fail too (exit 1).")] = False,
    summary: Annotated[
        bool, typer.Option("--summary", help="Append a Markdown report to $GITHUB_STEP_SUMMARY.")
    ] = False,
    clusters: Annotated[
        Path | None, typer.Option(help="Cluster profiles (default: clusters/ beside the file).")
    ] = None,
    requests: Annotated[
        Path | None, typer.Option(help="Request files (default: requests/ beside the file).")
    ] = None,
    calls: Annotated[
        Path | None, typer.Option(help="Extra calls (default: calls/ beside the file).")
    ] = None,
    today: TodayOption = None,
    now: NowOption = None,
) -> None:
    """Check a consortium against its call's rules and the request it answers.

    Exit 0 complete (warnings allowed), 1 incomplete (warnings too with --strict),
    2 could not check (a file missing, unreadable or invalid).
    """
    from consortium.checks import check_file
    from consortium.proposal import Folders

    instant = resolve_now(today, now)
    report = check_file(path, instant, Folders(clusters, requests, calls))
    if isinstance(report, list):
        fail(report)
    if summary:
        _append_summary(report)
    if output.value != "text":
        verdict = "complete" if report.complete else "incomplete"
        sys.stderr.write(
            f"{path_text(path)}: {verdict} "
            f"({len(report.errors)} error(s), {len(report.warnings)} warning(s))\n"
        )
    write = writer(str(output.value))
    deliver(lambda out: write(report, out), 0 if report.passes(strict) else 1)


def _append_summary(report: Report) -> None:
    """The Markdown report appended to the job summary; failing that, one line (the
    verdict's exit code stands: a summary is a courtesy, the check is done)."""
    from consortium.cli.output import append_to_file

    target = os.environ.get("GITHUB_STEP_SUMMARY")
    if not target:
        say("--summary given but GITHUB_STEP_SUMMARY is not set; skipped")
        return
    problem = append_to_file(target, lambda stream: writer("markdown")(report, stream))
    if problem:
        say(problem)
