"""Options and exits shared by every command."""

from __future__ import annotations

import os
import sys
from collections.abc import Callable
from datetime import datetime
from typing import TYPE_CHECKING, Annotated, Any, NoReturn, TextIO

import typer

from consortium.display.text import shorten, visible

if TYPE_CHECKING:
    from consortium.files.problems import Problem
    from consortium.report.formats import Formats, View

TodayOption = Annotated[
    str | None,
    typer.Option(
        "--today",
        metavar="DATE",
        help="Count from the start of this day, Brussels time (YYYY-MM-DD).",
        show_default=False,
    ),
]
NowOption = Annotated[
    str | None,
    typer.Option(
        "--now",
        metavar="INSTANT",
        help="Count from this instant (ISO 8601; Brussels time if no offset). "
        "Also read from CONSORTIUM_NOW.",
        show_default=False,
    ),
]


def resolve_now(today: str | None, now: str | None) -> datetime:
    """The one place the clock is read, and only when no instant was given: in Brussels
    time, as ``--today`` and ``--now`` are read, so "today" (the day judged when a call
    has no deadline, the header's "as of") is the same day whichever way it is given."""
    from consortium.facts.deadlines import BRUSSELS, parse_now, zone

    if today is not None and now is not None:
        fail_message("--today and --now both set the judged day: give one of them")
    try:
        given = parse_now(today, now, os.environ.get("CONSORTIUM_NOW"))
    except ValueError as exc:
        raise typer.BadParameter(str(exc)) from None
    return given or datetime.now(zone(BRUSSELS))


def report_problems(problems: list[Problem]) -> None:
    for problem in problems:
        sys.stderr.write(f"{problem}\n")


def fail(problems: list[Problem]) -> NoReturn:
    """Could not do the job: each problem on its own line, then exit 2."""
    report_problems(problems)
    raise typer.Exit(2)


def say(message: str) -> None:
    """One line for people on stderr, whatever the message quotes."""
    sys.stderr.write(f"consortium: {visible(message)}\n")


def fail_message(message: str) -> NoReturn:
    say(message)
    raise typer.Exit(2)


def deliver(write: Callable[[TextIO], None], code: int = 0) -> NoReturn:
    """Write the report on stdout, then exit with ``code``: the verdict stands when the
    reader leaves early; exit 2 when the report could not be written at all."""
    from consortium.cli.output import emit

    problem = emit(write)
    if problem:
        fail_message(problem.message)
    raise typer.Exit(code)


def format_option(
    formats: Formats[Any], help: str = "Output format.", extra: tuple[str, ...] = ()
) -> Any:
    """The ``--format`` option of a view: its choices are its writer registry's names (and
    their aliases, ``table`` for ``text``), and ``extra`` names the command resolves itself
    (``check``'s ``auto``). A name not among them is one line listing those it takes."""

    def chosen(value: str) -> str:
        if value.strip().lower() in extra:
            return value.strip().lower()
        name = formats.canonical(value)
        if name is None:
            raise typer.BadParameter(
                f"'{shorten(value)}' is not a format here: give {formats.accepted(extra)}"
            )
        return name

    from consortium.cli.completion import format_names

    names = (*extra, *formats.names)
    return typer.Option(
        "--format",
        "-f",
        help=help,
        metavar="|".join(names),
        callback=chosen,
        autocompletion=format_names((*names, "table")),
    )


def checked_format(formats: Formats[Any], name: str | None) -> str:
    """``name`` (by default the view's first format) as the view calls it, else one line
    and exit 2: for commands whose view, and so whose formats, depend on their arguments
    (``rules`` and ``rules ID``, ``match REF`` and ``match --cluster``)."""
    chosen = formats.canonical(name or formats.names[0])
    if chosen is None:
        fail_message(
            f"--format: '{shorten(name or '')}' is not a format here: give {formats.accepted()}"
        )
    return chosen


def render(formats: Formats[View], name: str, value: View, code: int = 0) -> NoReturn:
    """Write ``value`` in format ``name`` on stdout, then exit with ``code``."""
    write = formats.writer(name)
    deliver(lambda out: write(value, out), code)
