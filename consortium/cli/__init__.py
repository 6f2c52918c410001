"""The `consortium` command: a thin Typer layer over the library.

Start-up matters (it runs in every CI job), so command modules import the library
inside their functions, and nothing here does work at import time.
"""

from __future__ import annotations

import gc
import sys

import typer

from consortium.cli import calls, check, files, requests

app = typer.Typer(
    name="consortium",
    help="Build and check consortia of cluster organisations for EU funding calls.",
    no_args_is_help=True,
    pretty_exceptions_enable=False,
    context_settings={"help_option_names": ["-h", "--help"]},
)
app.add_typer(requests.app, name="requests")
app.add_typer(calls.app, name="calls")
app.command()(check.check)
app.command()(requests.deadlines)
app.command()(files.validate)
app.command()(files.schema)


def main() -> None:
    """Entry point: an unexpected exception is a bug, reported in one line with exit 2.

    The cycle collector is off: a command is one short batch (load, check, print, exit),
    loading creates no cycles (tests/test_loading_gc.py), and full collections rescanning
    a heap of parsed files cost a third of listing 10 000 requests while freeing nothing.
    """
    gc.disable()
    try:
        app()
    except KeyboardInterrupt:
        sys.stderr.write("consortium: interrupted\n")
        sys.exit(130)
    except Exception as exc:  # the last line of defence: never a traceback, never exit 1
        sys.stderr.write(
            f"consortium: internal error ({type(exc).__name__}: {exc}); please report it\n"
        )
        sys.exit(2)
