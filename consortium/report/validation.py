"""`consortium validate`'s report for a GitHub runner: an annotation per problem, on its
file and line, then the same problems as plain lines (GitHub shows at most 10 annotations
per step), none of which a runner could read as a workflow command."""

from __future__ import annotations

from typing import TextIO

from consortium.display.text import neutralise
from consortium.files.validation import Validation
from consortium.report.check_machine import annotation

TITLE = "not-checkable"  # as `check` and SARIF call a problem with a file itself


def write_github(result: Validation, stream: TextIO) -> None:
    for p in result.problems:
        stream.write(annotation(p.severity, p.place, p.line, p.column, TITLE, p.message))
    stream.write("".join(f"{neutralise(str(p))}\n" for p in result.problems))
    stream.write(f"{result.valid} of {result.files} file(s) valid\n")


def write_validation_text(result: Validation, stream: TextIO) -> None:
    """For people: the problems, one a line (the CLI writes them to stderr)."""
    stream.write("".join(f"{p}\n" for p in result.problems))
