"""The one way a view gets a Rich console: on the stream it was given, at a sane width.

Rich reads ``COLUMNS`` itself and draws nothing at ``COLUMNS=0``; a width that is no
number, or too small for any table, falls back to the terminal's, else 80. Output that is
no terminal (a log, a pipe) is not wrapped at all, unless ``COLUMNS`` asks for a width.
"""

from __future__ import annotations

import os
import shutil
import sys
from functools import cache
from typing import TYPE_CHECKING, TextIO

if TYPE_CHECKING:
    from rich.console import Console

MIN_WIDTH = 40
DEFAULT_WIDTH = 80


UNWRAPPED = 100_000  # "no limit": what a log or a pipe gets


def wrap_width() -> int | None:
    """Columns to wrap at: ``COLUMNS`` when it is a usable number, else the terminal's;
    None when standard output is no terminal (a log, a pipe): nothing is hard-wrapped."""
    given = os.environ.get("COLUMNS", "")
    if given.isdigit() and int(given) >= MIN_WIDTH:
        return min(int(given), 1000)
    isatty = getattr(sys.stdout, "isatty", None)
    try:
        terminal = bool(isatty and isatty())
    except ValueError:  # a closed stream
        terminal = False
    if not terminal:
        return None
    columns = shutil.get_terminal_size((DEFAULT_WIDTH, 24)).columns
    return columns if columns >= MIN_WIDTH else DEFAULT_WIDTH


def width() -> int:
    """Columns to draw in: the terminal's (or ``COLUMNS``), unlimited for a log or a pipe."""
    return wrap_width() or UNWRAPPED


def console(stream: TextIO, markup: bool = False) -> Console:
    return _console_class()(
        file=stream, width=width(), markup=markup, highlight=False, emoji=False, soft_wrap=False
    )


@cache
def _console_class() -> type[Console]:
    """Rich's Console, but a closed pipe is left to the caller: Rich would exit 1 on its
    own, which reads as "incomplete" (the CLI keeps the verdict's exit code instead)."""
    from rich.console import Console

    class PipeAwareConsole(Console):
        def on_broken_pipe(self) -> None:
            raise BrokenPipeError

    return PipeAwareConsole
