"""`consortium check`: is the consortium complete for its call? Exit 0, 1 or 2."""

import os
import sys
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from consortium.cli.common import (
    NowOption,
    TodayOption,
    fail_message,
    format_option,
    render,
    report_problems,
    resolve_now,
    say,
)
from consortium.cli.folders import BESIDE_FILE, ConsortiumPath, consortium_file, folder_option
from consortium.cli.output import emit
from consortium.display.text import path_text
from consortium.report.formats import CHECK

if TYPE_CHECKING:
    from datetime import datetime

    from consortium.check.rules import Rule
    from consortium.check.runner import Checked, Report
    from consortium.report.html.view import ReportPage

RuleIds = Annotated[
    str | None,
    typer.Option(help="Comma-separated rule ids (see `consortium rules`).", show_default=False),
]


def check(
    path: ConsortiumPath = None,
    output: Annotated[
        str,
        format_option(
            CHECK, "Output format; auto: github under GitHub Actions, else text.", ("auto",)
        ),
    ] = "auto",
    strict: Annotated[bool, typer.Option("--strict", help="Warnings fail too (exit 1).")] = False,
    summary: Annotated[
        bool, typer.Option("--summary", help="Append a Markdown report to $GITHUB_STEP_SUMMARY.")
    ] = False,
    select: RuleIds = None,
    ignore: RuleIds = None,
    clusters: Annotated[Path | None, folder_option("clusters", BESIDE_FILE)] = None,
    requests: Annotated[Path | None, folder_option("requests", BESIDE_FILE)] = None,
    calls: Annotated[Path | None, folder_option("calls", BESIDE_FILE)] = None,
    today: TodayOption = None,
    now: NowOption = None,
) -> None:
    """Check a consortium against its call's rules and the request it answers.

    Exit 0 complete (warnings allowed), 1 incomplete (warnings too with --strict),
    2 could not check (a file missing, unreadable or invalid).
    """
    from consortium.check.runner import Unchecked, check_file
    from consortium.proposal.resolve import Folders

    instant = resolve_now(today, now)
    path = consortium_file(path, document=True)
    output = _pick(output)
    rules = _rules(select, ignore)
    checked = check_file(path, instant, Folders(clusters, requests, calls), rules, strict)
    # The boundary: problems become findings of the not-checkable rule, one report for all.
    report = Unchecked(path, checked, instant, strict) if isinstance(checked, list) else checked
    if isinstance(report, Unchecked):
        report_problems(report.problems)  # for people: one line each on stderr
    if summary:
        _append_summary(report)
    if output != "text":
        sys.stderr.write(f"{path_text(path)}: {_said(report)}\n")
        if output == "html":
            render(
                CHECK, output, _page(report, clusters, requests, calls, instant), report.exit_code
            )
        render(CHECK, output, report, report.exit_code)
    if isinstance(report, Unchecked):
        raise typer.Exit(report.exit_code)  # the text report is those lines
    hint = _suggest_hint(report, clusters or path.parent / "clusters")
    write = CHECK.writer("text")
    problem = emit(lambda out: write(report, out))
    if problem:
        fail_message(problem.message)
    if hint:
        sys.stderr.write(f"{hint}\n")
    raise typer.Exit(report.exit_code)


def _page(
    report: "Checked",
    clusters: Path | None,
    requests: Path | None,
    calls: Path | None,
    instant: "datetime",
) -> "ReportPage":
    """The report page (`consortium report`'s) for ``--format html``."""
    from consortium.cli.report import page_for
    from consortium.proposal.resolve import Folders

    return page_for(report, Folders(clusters, requests, calls), instant)


def _suggest_hint(report: "Report", clusters: Path) -> str | None:
    """After an incomplete verdict that additions could fix: how many ways `consortium
    suggest` proposes (at most as many as it lists; nothing without a clusters folder)."""
    if report.exit_code != 1 or not clusters.is_dir():
        return None
    from consortium.catalogue.clusters import known_clusters
    from consortium.matching.suggest import suggest

    pool, _ = known_clusters(clusters)
    ways = len(suggest(report, pool.items()).suggestions)
    if not ways:
        return None
    return f"`consortium suggest` proposes {ways} way(s) to complete it"


def _said(report: "Checked") -> str:
    """The stderr line of the machine formats, the same verdict as the document's."""
    return f"{report.summary} ({len(report.errors)} error(s), {len(report.warnings)} warning(s))"


def _pick(output: str) -> str:
    """``auto``: annotations where a GitHub runner reads them, plain text anywhere else."""
    if output != "auto":
        return output
    return "github" if os.environ.get("GITHUB_ACTIONS") == "true" else "text"


def _rules(select: str | None, ignore: str | None) -> "list[Rule] | None":
    """The rules --select and --ignore leave, or None for all (no registry import then)."""
    if select is None and ignore is None:
        return None
    from consortium.check.runner import selection

    def ids(text: str | None) -> list[str] | None:
        return None if text is None else [p.strip() for p in text.split(",") if p.strip()]

    try:
        return selection(ids(select), ids(ignore))
    except ValueError as exc:
        fail_message(f"{exc}: see `consortium rules`")


def _append_summary(report: "Checked") -> None:
    """The Markdown report appended to the job summary; failing that, one line (the
    verdict's exit code stands: a summary is a courtesy, the check is done)."""
    from consortium.cli.output import append_to_file

    target = os.environ.get("GITHUB_STEP_SUMMARY")
    if not target:
        say("--summary given but GITHUB_STEP_SUMMARY is not set; skipped")
        return
    write = CHECK.writer("markdown")
    problem = append_to_file(target, lambda stream: write(report, stream))
    if problem:
        say(problem.message)
