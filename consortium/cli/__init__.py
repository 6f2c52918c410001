"""The `consortium` command: a thin Typer layer over the library.

Start-up matters (it runs in every CI job), so command modules import the library
inside their functions, and nothing here does work at import time.
"""

from __future__ import annotations

import gc
import sys

import typer

from consortium.cli import calls, check, files, importing, requests
from consortium.cli.output import SIGPIPE_EXIT, discard_stdout, prepare_streams
from consortium.text import shorten

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
app.command("import")(importing.import_profiles)


def main() -> None:
    """Entry point: every way out is an exit code that means what it says.

    0, 1 and 2 are the verdict's (complete, incomplete, could not check); a usage error or
    an unexpected exception (a bug) is one line and exit 2, never a traceback and never
    exit 1, which reads as "incomplete"; a reader that left early (``| head``) ends the
    command as a shell expects (141) unless the command already had its verdict.

    The cycle collector is off: a command is one short batch (load, check, print, exit),
    loading creates no cycles (tests/test_loading_gc.py), and full collections rescanning
    a heap of parsed files cost a third of listing 10 000 requests while freeing nothing.
    """
    gc.disable()
    prepare_streams()
    try:
        code = app(standalone_mode=False)
    except KeyboardInterrupt:
        sys.stderr.write("consortium: interrupted\n")
        sys.exit(130)
    except BrokenPipeError:
        discard_stdout()
        sys.exit(SIGPIPE_EXIT)
    except Exception as exc:  # the last line of defence: never a traceback, never exit 1
        if _is_usage_error(exc):
            sys.stderr.write(f"{_usage_line(exc)}\n")
        else:
            sys.stderr.write(
                f"consortium: internal error ({type(exc).__name__}: "
                f"{shorten(str(exc), 300)}); please report it\n"
            )
        sys.exit(2)
    sys.exit(code if isinstance(code, int) else 0)


def _is_usage_error(exc: Exception) -> bool:
    """Click's usage errors (vendored by Typer, so matched by shape, not class)."""
    return hasattr(exc, "format_message") and isinstance(getattr(exc, "exit_code", None), int)


def _usage_line(exc: Exception) -> str:
    """'consortium check: Invalid value for '--today': ... (see --help)': one line."""
    ctx = getattr(exc, "ctx", None)
    command = getattr(ctx, "command_path", None) or "consortium"
    message = exc.format_message()  # type: ignore[attr-defined]
    return f"{shorten(command, 100)}: {shorten(' '.join(message.split()), 400)} (see --help)"
