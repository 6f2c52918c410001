"""`consortium requests list|show` and `consortium deadlines`."""

from enum import StrEnum
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from consortium.cli import filters
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
from consortium.cli.output import emit
from consortium.display.text import path_text, shorten
from consortium.report.formats import DEADLINES, REQUEST_LIST, REQUEST_SHOW

if TYPE_CHECKING:
    from datetime import datetime

    from consortium.catalogue.requests import DeadlineRow

app = typer.Typer(help="List and show partner-search requests.", no_args_is_help=True)


class Sort(StrEnum):
    deadline = "deadline"
    published = "published"
    country = "country"


def _catalogue(  # type: ignore[no-untyped-def]
    given: Path | None, calls_dir: Path | None, old: Path | None = None, rows_only: bool = False
):
    """Every loadable request in the folder given (by default requests/ of the proposal
    found upward); bad files reported on stderr, the rest kept."""
    from consortium.catalogue.requests import load_catalogue

    folder = requests_folder(given, old)
    if not folder.is_dir():
        fail_message(f"no such folder of requests: {path_text(folder)} (give one with --requests)")
    items, problems = load_catalogue(folder, calls_dir, rows_only)
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
    output: Annotated[str, format_option(REQUEST_LIST)] = "text",
    calls_dir: CallsBesideRequests = None,
    today: TodayOption = None,
    now: NowOption = None,
) -> None:
    """List requests, soonest deadline first (open ones only unless --all).

    Exit 0 when every file loaded, 2 when some could not (the rest are still listed).
    """
    from consortium.catalogue.requests import Filter, sort_listings
    from consortium.report.views import RequestList

    instant = resolve_now(today, now)
    countries, kinds_ = filters.country_codes(country), filters.kinds(kind)
    items, had_problems = _catalogue(requests, calls_dir, old_dir, rows_only=True)
    folder = requests_folder(requests, old_dir)
    chosen = Filter.of(not all_, countries, sector, programme, call, kinds_)
    rows = sort_listings([i for i in items if chosen.keeps(i, instant)], sort.value, instant)
    code = 2 if had_problems else 0
    if not rows:
        sectors = [s for i in items for s in i.request.sectors]
        filters.sector_known(sector, sectors)
        typed = filters.given(
            ("--country", countries),
            ("--sector", sector),
            ("--programme", programme),
            ("--call", call),
            ("--kind", kinds_),
        )
        what = "request" if all_ else "open request"
        hint = "" if all_ else "--all shows closed and expired ones"
        sentence = filters.nothing(what, typed, f"{path_text(folder)}/", hint)
        filters.empty(output, sentence, code, explained=had_problems and not items)
    render(REQUEST_LIST, output, RequestList(rows, instant, shown_all=all_), code)


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
    """Show one request's fields (not its long description), with its deadlines counted down."""
    from consortium.catalogue.requests import find
    from consortium.report.views import RequestView

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
        from consortium.catalogue.agenda import parse_within

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
        typer.Option(
            help="Write an iCalendar file (reminders 7 and 1 days before) instead; - for stdout."
        ),
    ] = None,
    force: Annotated[bool, typer.Option("--force", help="Replace the --ics file.")] = False,
    output: Annotated[str, format_option(DEADLINES)] = "text",
    calls_dir: CallsBesideRequests = None,
    today: TodayOption = None,
    now: NowOption = None,
) -> None:
    """The coming EOI and call deadlines across requests, soonest first.

    A closed request takes no more expressions of interest: its EOI deadline shows only
    with --all.
    """
    from consortium.catalogue.agenda import DeadlineFilter, agenda, hidden_closed, parse_within
    from consortium.report.views import DeadlineList

    instant = resolve_now(today, now)
    countries = filters.country_codes(country)
    items, had_problems = _catalogue(requests, calls_dir, old_folder)
    folder = requests_folder(requests, old_folder)
    span = parse_within(within) if within else None
    chosen = DeadlineFilter.of(all_, span, countries, call)
    rows = agenda(items, instant, chosen)
    code = 2 if had_problems else 0
    hidden = hidden_closed(items, instant, chosen)
    if ics is not None:
        _write_ics(ics, rows, instant, force)
        _say_hidden(hidden)
        raise typer.Exit(code)
    _say_hidden(hidden)
    if not rows:
        typed = filters.given(("--within", within), ("--country", countries), ("--call", call))
        what = "deadline" if all_ else "coming deadline"
        sentence = filters.nothing(what, typed, f"{path_text(folder)}/")
        filters.empty(output, sentence, code, explained=had_problems and not items)
    render(DEADLINES, output, DeadlineList(rows, instant), code)


def _say_hidden(hidden: int) -> None:
    """A hidden row says why: a closed request takes no more expressions of interest."""
    if hidden == 1:
        say("1 deadline of a closed request hidden; --all shows it")
    elif hidden:
        say(f"{hidden} deadlines of closed requests hidden; --all shows them")


def _write_ics(path: Path, rows: "list[DeadlineRow]", instant: "datetime", force: bool) -> None:
    """The calendar through the one atomic write path (``-``: on stdout); a refusal is
    one line, exit 2."""
    from consortium.files.writes import write_text
    from consortium.report.calendar import calendar_text

    text = calendar_text(rows, instant)
    if str(path) == "-":
        problem = emit(lambda out: print(text, end="", file=out))
        if problem:
            fail_message(problem.message)
        return
    written = write_text(path, text, force)
    if written:
        fail([written])
    say(f"wrote {len(rows)} deadline(s) to {path_text(path)}")


__all__ = ["app", "deadlines", "fail"]
