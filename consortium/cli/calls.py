"""`consortium calls list|show`: the calls the tool knows, with their sources."""

from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from consortium.cli import filters
from consortium.cli.common import (
    NowOption,
    TodayOption,
    fail_message,
    format_option,
    render,
    report_problems,
    resolve_now,
)
from consortium.cli.completion import call_ids
from consortium.cli.folders import CallsFolder, folder
from consortium.display.text import closest, path_text, shorten
from consortium.report.formats import CALL_LIST, CALL_SHOW

if TYPE_CHECKING:
    from consortium.files.problems import Problem
    from consortium.models import Call

app = typer.Typer(
    help="List and show known calls and their rules; fetch, search and refresh topics of the "
    "EU Funding & Tenders Portal.",
    no_args_is_help=True,
)


def _known(calls_dir: Path | None) -> "tuple[dict[str, Call], list[Problem]]":
    """Presets and the repo's calls; a bad call file is reported, the rest still listed."""
    from consortium.calls.known import known_calls

    calls, problems = known_calls(folder("calls", calls_dir))
    report_problems(problems)
    return calls, problems


@app.command("list")
def list_calls(
    calls_dir: CallsFolder = None,
    output: Annotated[str, format_option(CALL_LIST)] = "text",
    today: TodayOption = None,
    now: NowOption = None,
) -> None:
    """List built-in calls and those in calls/, with the countdown to each deadline."""
    from consortium.report.views import CallList

    instant = resolve_now(today, now)
    calls, problems = _known(calls_dir)
    code = 2 if problems else 0
    if not calls:
        filters.empty(
            output,
            f"no call known: add call files to {path_text(folder('calls', calls_dir))}/",
            code,
        )
    render(CALL_LIST, output, CallList(list(calls.values()), instant), code)


@app.command("show")
def show_call(
    call_id: Annotated[
        str,
        typer.Argument(help="The call's id, e.g. COS-CLUSTER-2020-3-03.", autocompletion=call_ids),
    ],
    calls_dir: CallsFolder = None,
    output: Annotated[str, format_option(CALL_SHOW)] = "text",
    today: TodayOption = None,
    now: NowOption = None,
) -> None:
    """Show one call: deadline and countdown, rules and the sources they come from."""
    from consortium.report.views import CallView

    instant = resolve_now(today, now)
    calls, _ = _known(calls_dir)
    call = calls.get(call_id.strip().upper())
    if call is None:
        close = closest(call_id.upper(), calls)
        hint = f"did you mean {close}?" if close else "see `consortium calls list`"
        fail_message(f"unknown call {shorten(call_id)}: {hint}")
    render(CALL_SHOW, output, CallView(call, instant))


def _portal_commands() -> None:
    """`calls fetch|search|refresh` (cli/portal.py): the only commands that ask the network."""
    from consortium.cli import portal

    app.command("fetch")(portal.fetch)
    app.command("search")(portal.search)
    app.command("refresh")(portal.refresh)


_portal_commands()
