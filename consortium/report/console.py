"""The one way a view gets a Rich console: on the stream it was given, at a sane width.

Rich reads ``COLUMNS`` itself and draws nothing at ``COLUMNS=0``; a width that is no
number, or too small for any table, falls back to the terminal's, else 80.
"""

from __future__ import annotations

import os
import shutil
from functools import cache
from typing import TYPE_CHECKING, TextIO

if TYPE_CHECKING:
    from rich.console import Console

MIN_WIDTH = 40
DEFAULT_WIDTH = 80


def width() -> int:
    """Columns to draw in: ``COLUMNS`` when it is a usable number, else the terminal's."""
    given = os.environ.get("COLUMNS", "")
    if given.isdigit() and int(given) >= MIN_WIDTH:
        return min(int(given), 1000)
    columns = shutil.get_terminal_size((DEFAULT_WIDTH, 24)).columns
    return columns if columns >= MIN_WIDTH else DEFAULT_WIDTH


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
