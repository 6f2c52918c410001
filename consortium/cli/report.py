"""`consortium report`: the page a steering committee reads, one self-contained HTML file."""

from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from consortium.cli.common import (
    NowOption,
    TodayOption,
    fail,
    fail_message,
    report_problems,
    resolve_now,
    say,
)
from consortium.cli.folders import BESIDE_FILE, ConsortiumPath, consortium_file, folder_option
from consortium.cli.output import emit
from consortium.display.text import path_text

if TYPE_CHECKING:
    from datetime import datetime

    from consortium.check.runner import Report, Unchecked
    from consortium.proposal.resolve import Folders
    from consortium.report.html.view import ReportPage


def report(
    path: ConsortiumPath = None,
    output: Annotated[
        Path,
        typer.Option("--output", "-o", help="The HTML file to write; - for stdout."),
    ] = Path("report.html"),
    force: Annotated[bool, typer.Option("--force", help="Replace the --output file.")] = False,
    strict: Annotated[bool, typer.Option("--strict", help="Warnings fail too.")] = False,
    clusters: Annotated[Path | None, folder_option("clusters", BESIDE_FILE)] = None,
    requests: Annotated[Path | None, folder_option("requests", BESIDE_FILE)] = None,
    calls: Annotated[Path | None, folder_option("calls", BESIDE_FILE)] = None,
    today: TodayOption = None,
    now: NowOption = None,
) -> None:
    """Write the consortium's report for its partners: one HTML page with the verdict,
    the members, a map, the deadlines on a timeline, the findings and what would
    complete it. Exit 0 once written (the verdict is on the page and on stderr), 2 when
    the file could not be checked or the page not written."""
    from consortium.check.runner import Unchecked, check_file
    from consortium.proposal.resolve import Folders

    instant = resolve_now(today, now)
    path = consortium_file(path, document=True)
    folders = Folders(clusters, requests, calls)
    checked = check_file(path, instant, folders, strict=strict)
    if isinstance(checked, list):
        report_problems(checked)
    result = Unchecked(path, checked, instant, strict) if isinstance(checked, list) else checked
    page = page_for(result, folders, instant)
    _write(page, output, force)
    said = "could not be checked" if isinstance(result, Unchecked) else result.summary
    where = "standard output" if str(output) == "-" else path_text(output)
    say(f"wrote the report of {path_text(path)} ({said}) to {where}")
    raise typer.Exit(2 if isinstance(result, Unchecked) else 0)


def page_for(result: "Report | Unchecked", folders: "Folders", instant: "datetime") -> "ReportPage":
    """The page's values, as `check --format html` gathers them too."""
    from consortium.report.html.view import assemble

    return assemble(result, folders, instant)


def _write(page: "ReportPage", output: Path, force: bool) -> None:
    """The page through the one atomic write path (``-``: on stdout); a refusal is one line,
    exit 2."""
    from consortium.files.writes import write_text
    from consortium.report.html.page import page_html

    text = page_html(page)
    if str(output) == "-":
        problem = emit(lambda out: print(text, end="", file=out))
        if problem:
            fail_message(problem.message)
        return
    if output.suffix.lower() not in (".html", ".htm"):
        say(f"{path_text(output)}: the page is HTML; name it .html so a mail reader opens it")
    written = write_text(output, text, force)
    if written:
        fail([written])
