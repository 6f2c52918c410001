"""`consortium requests list|show` and `consortium deadlines`."""

from __future__ import annotations

from enum import StrEnum
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from consortium.cli.common import (
    NowOption,
    TodayOption,
    deliver,
    fail,
    fail_message,
    report_problems,
    resolve_now,
)
from consortium.text import path_text, shorten

if TYPE_CHECKING:
    from consortium.catalogue import Listing

app = typer.Typer(help="List and show partner-search requests.", no_args_is_help=True)

DirOption = Annotated[
    Path, typer.Option("--dir", "-d", help="Folder of request files.", file_okay=False)
]
CallsOption = Annotated[
    Path | None,
    typer.Option("--calls", help="Folder of extra call files (default: calls/ beside --dir)."),
]


class ListFormat(StrEnum):
    table = "table"
    json = "json"
    csv = "csv"


class Sort(StrEnum):
    deadline = "deadline"
    published = "published"
    country = "country"


def _catalogue(folder: Path, calls_dir: Path | None) -> tuple[list[Listing], bool]:
    """Every loadable request in ``folder``; bad files reported on stderr as they are met."""
    from consortium.calls import known_calls
    from consortium.catalogue import listing
    from consortium.loading import load_many, yaml_files
    from consortium.models import Request
    from consortium.problems import Problem
    from consortium.roots import Root

    if not folder.is_dir():
        fail([Problem(folder, "no such folder of requests: give one with --dir")])
    calls, call_problems = known_calls(calls_dir or folder.parent / "calls")
    loaded, problems = load_many(yaml_files(folder), Request, Root.around(folder))
    report_problems(call_problems + problems)
    return [listing(item, calls) for item in loaded], bool(call_problems or problems)


@app.command("list")
def list_requests(
    folder: DirOption = Path("requests"),
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
    output: Annotated[
        ListFormat, typer.Option("--format", "-f", help="Output format.")
    ] = ListFormat.table,
    calls_dir: CallsOption = None,
    today: TodayOption = None,
    now: NowOption = None,
) -> None:
    """List requests, soonest deadline first (open ones only unless --all).

    Exit 0 when every file loaded, 2 when some could not (the rest are still listed).
    """
    from consortium.catalogue import Filter, sort_entries
    from consortium.report import requests as out

    instant = resolve_now(today, now)
    entries, had_problems = _catalogue(folder, calls_dir)
    chosen = Filter(
        open_only=not all_,
        countries=frozenset(c.strip().upper() for c in country or []),
        sector=sector,
        programme=programme,
        call=call,
        kinds=frozenset("RD" if k.upper() == "RDR" else k.upper() for k in kind or []),
    )
    rows = sort_entries([e for e in entries if chosen.keeps(e, instant)], sort.value, instant)
    if output is ListFormat.json:
        deliver(lambda stream: out.write_json(rows, instant, stream), 2 if had_problems else 0)
    if output is ListFormat.csv:
        deliver(lambda stream: out.write_csv(rows, instant, stream), 2 if had_problems else 0)
    deliver(lambda stream: out.print_table(rows, instant, all_, stream), 2 if had_problems else 0)


@app.command("show")
def show(
    reference: Annotated[
        str, typer.Argument(help="The request's reference, e.g. RDFR20201119001.")
    ],
    folder: DirOption = Path("requests"),
    calls_dir: CallsOption = None,
    today: TodayOption = None,
    now: NowOption = None,
) -> None:
    """Show every field of one request, with its deadlines counted down."""
    from consortium.report import requests as out

    instant = resolve_now(today, now)
    entries, _ = _catalogue(folder, calls_dir)
    wanted = reference.strip().upper()
    found = [e for e in entries if e.request.reference == wanted]
    if not found:
        known = ", ".join(sorted(e.request.reference for e in entries)[:8])
        fail_message(
            f"no request {shorten(wanted)} in {path_text(folder)}/ (known: {known or 'none'})"
        )
    deliver(lambda stream: out.print_request(found[0], instant, stream))


def deadlines(
    folder: Annotated[
        Path, typer.Argument(help="Folder of request files.", file_okay=False)
    ] = Path("requests"),
    all_: Annotated[bool, typer.Option("--all", help="Include deadlines already passed.")] = False,
    output: Annotated[
        ListFormat, typer.Option("--format", "-f", help="Output format.")
    ] = ListFormat.table,
    calls_dir: CallsOption = None,
    today: TodayOption = None,
    now: NowOption = None,
) -> None:
    """The coming EOI and call deadlines across requests, soonest first."""
    from consortium.report import requests as out

    instant = resolve_now(today, now)
    entries, had_problems = _catalogue(folder, calls_dir)
    rows = [(e, d) for e in entries for d in e.deadlines if all_ or not d.passed(instant)]
    rows.sort(key=lambda row: (row[1].remaining_seconds(instant), row[0].request.reference))
    deliver(
        lambda stream: out.write_deadlines(rows, instant, output.value, stream),
        2 if had_problems else 0,
    )
