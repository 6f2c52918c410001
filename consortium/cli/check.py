"""`consortium check`: is the consortium complete for its call? Exit 0, 1 or 2."""

from __future__ import annotations

import os
import sys
from enum import StrEnum
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from consortium.cli.common import NowOption, TodayOption, fail, resolve_now
from consortium.report.check_formats import FORMATS, writer

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
    writer(str(output.value))(report, sys.stdout)
    if summary:
        _append_summary(report)
    if output.value != "text":
        verdict = "complete" if report.complete else "incomplete"
        sys.stderr.write(
            f"{path}: {verdict} ({len(report.errors)} error(s), {len(report.warnings)} warning(s))\n"
        )
    raise typer.Exit(0 if report.passes(strict) else 1)


def _append_summary(report: Report) -> None:
    target = os.environ.get("GITHUB_STEP_SUMMARY")
    if not target:
        sys.stderr.write(
            "consortium: --summary given but GITHUB_STEP_SUMMARY is not set; skipped\n"
        )
        return
    with open(target, "a", encoding="utf-8") as stream:
        writer("markdown")(report, stream)
