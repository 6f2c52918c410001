"""`consortium requests list|show` and `consortium deadlines`."""

from enum import StrEnum
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from consortium.cli.common import (
    NowOption,
    TodayOption,
    fail,
    fail_message,
    format_option,
    render,
    report_problems,
    resolve_now,
    say,
)
from consortium.cli.completion import request_refs
from consortium.cli.folders import CallsBesideRequests, OldDir, RequestsFolder, folder
from consortium.report.formats import DEADLINES, REQUEST_LIST, REQUEST_SHOW
from consortium.text import path_text, shorten

if TYPE_CHECKING:
    from datetime import datetime

    from consortium.catalogue import DeadlineRow

app = typer.Typer(help="List and show partner-search requests.", no_args_is_help=True)


class Sort(StrEnum):
    deadline = "deadline"
    published = "published"
    country = "country"


def _catalogue(given: Path | None, calls_dir: Path | None, old: Path | None = None):  # type: ignore[no-untyped-def]
    """Every loadable request in the folder given (by default requests/ of the proposal
    found upward); bad files reported on stderr, the rest kept."""
    from consortium.catalogue import load_catalogue

    folder = requests_folder(given, old)
    if not folder.is_dir():
        fail_message(f"no such folder of requests: {path_text(folder)} (give one with --requests)")
    items, problems = load_catalogue(folder, calls_dir)
    report_problems(problems)
    return items, bool(problems)


@app.command("list")
def list_requests(
    requests: RequestsFolder = None,
    old_dir: OldDir = None,
    all_: Annotated[
        bool, typer.Option("--all/--open", help="Include closed and expired requests.")
    ] = False,
    country: Annotated[
        list[str] | None, typer.Option("--country", "-c", help="Requester country (repeatable).")
    ] = None,
    sector: Annotated[str | None, typer.Option(help="Word in a sector or keyword.")] = None,
    programme: Annotated[
        str | None, typer.Option(help="Word in the programme, e.g. COSME.")
    ] = None,
    call: Annotated[str | None, typer.Option(help="Part of the call id.")] = None,
    kind: Annotated[
        list[str] | None, typer.Option(help="RD, BO, BR, TO or TR (repeatable).")
    ] = None,
    sort: Annotated[Sort, typer.Option(help="Order of the rows.")] = Sort.deadline,
    output: Annotated[str, format_option(REQUEST_LIST)] = "table",
    calls_dir: CallsBesideRequests = None,
    today: TodayOption = None,
    now: NowOption = None,
) -> None:
    """List requests, soonest deadline first (open ones only unless --all).

    Exit 0 when every file loaded, 2 when some could not (the rest are still listed).
    """
    from consortium.catalogue import Filter, sort_listings
    from consortium.views import RequestList

    instant = resolve_now(today, now)
    items, had_problems = _catalogue(requests, calls_dir, old_dir)
    chosen = Filter.of(not all_, country or [], sector, programme, call, kind or [])
    rows = sort_listings([i for i in items if chosen.keeps(i, instant)], sort.value, instant)
    view = RequestList(rows, instant, shown_all=all_)
    render(REQUEST_LIST, output, view, 2 if had_problems else 0)


@app.command("show")
def show(
    reference: Annotated[
        str,
        typer.Argument(
            help="The request's reference, e.g. RDFR20201119001.", autocompletion=request_refs
        ),
    ],
    requests: RequestsFolder = None,
    old_dir: OldDir = None,
    output: Annotated[str, format_option(REQUEST_SHOW)] = "text",
    calls_dir: CallsBesideRequests = None,
    today: TodayOption = None,
    now: NowOption = None,
) -> None:
    """Show every field of one request, with its deadlines counted down."""
    from consortium.catalogue import find
    from consortium.views import RequestView

    instant = resolve_now(today, now)
    items, _ = _catalogue(requests, calls_dir, old_dir)
    folder = requests_folder(requests, old_dir)
    found = find(items, reference)
    if found is None:
        known = ", ".join(sorted(i.request.reference for i in items)[:8])
        fail_message(
            f"no request {shorten(reference.strip().upper())} in {path_text(folder)}/ "
            f"(known: {known or 'none'})"
        )
    render(REQUEST_SHOW, output, RequestView(found, instant))


def requests_folder(given: Path | None, old: Path | None) -> Path:
    return folder("requests", given, old)


def _within(value: str | None) -> str | None:
    """Checked at parse time, so a bad window is a one-line usage error."""
    if value is not None:
        from consortium.agenda import parse_within

        try:
            parse_within(value)
        except ValueError as exc:
            raise typer.BadParameter(f"'{shorten(value)}': {exc}") from None
    return value


def deadlines(
    old_folder: Annotated[
        Path | None, typer.Argument(hidden=True, file_okay=False, show_default=False, metavar="DIR")
    ] = None,
    requests: RequestsFolder = None,
    all_: Annotated[
        bool,
        typer.Option("--all", help="Include passed deadlines and closed requests' EOI deadlines."),
    ] = False,
    within: Annotated[
        str | None,
        typer.Option(
            help="Only deadlines within this window: 36h, 14d, 2w.",
            metavar="SPAN",
            callback=_within,
        ),
    ] = None,
    country: Annotated[
        list[str] | None, typer.Option("--country", "-c", help="Requester country (repeatable).")
    ] = None,
    call: Annotated[str | None, typer.Option(help="Part of the call id.")] = None,
    ics: Annotated[
        Path | None,
        typer.Option(help="Write an iCalendar file (reminders 7 and 1 days before) instead."),
    ] = None,
    force: Annotated[bool, typer.Option("--force", help="Replace the --ics file.")] = False,
    output: Annotated[str, format_option(DEADLINES)] = "table",
    calls_dir: CallsBesideRequests = None,
    today: TodayOption = None,
    now: NowOption = None,
) -> None:
    """The coming EOI and call deadlines across requests, soonest first.

    A closed request takes no more expressions of interest: its EOI deadline shows only
    with --all.
    """
    from consortium.agenda import DeadlineFilter, agenda, parse_within
    from consortium.views import DeadlineList

    instant = resolve_now(today, now)
    items, had_problems = _catalogue(requests, calls_dir, old_folder)
    span = parse_within(within) if within else None
    rows = agenda(items, instant, DeadlineFilter.of(all_, span, country or [], call))
    code = 2 if had_problems else 0
    if ics is not None:
        _write_ics(ics, rows, instant, force)
        raise typer.Exit(code)
    render(DEADLINES, output, DeadlineList(rows, instant), code)


def _write_ics(path: Path, rows: "list[DeadlineRow]", instant: "datetime", force: bool) -> None:
    """The calendar through the one atomic write path; a refusal is one line, exit 2."""
    from consortium.calendar import calendar_text
    from consortium.writes import write_text

    problem = write_text(path, calendar_text(rows, instant), force)
    if problem:
        fail([problem])
    say(f"wrote {len(rows)} deadline(s) to {path_text(path)}")


__all__ = ["app", "deadlines", "fail"]
