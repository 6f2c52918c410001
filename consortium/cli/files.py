"""`consortium validate` and `consortium schema`: the files themselves, not the consortium."""

import os
import sys
from enum import StrEnum
from pathlib import Path
from typing import Annotated

import typer

from consortium.cli.common import deliver, fail_message, format_option
from consortium.display.text import path_text
from consortium.report.formats import VALIDATE


class Kind(StrEnum):
    request = "request"
    cluster = "cluster"
    consortium = "consortium"
    call = "call"


def validate(
    paths: Annotated[
        list[Path] | None,
        typer.Argument(
            help="Files or folders to validate (default: the proposal's folder, the one "
            "holding consortium.yaml here or above).",
            show_default=False,
        ),
    ] = None,
    kind: Annotated[Kind | None, typer.Option(help="Treat every file as this kind.")] = None,
    output: Annotated[
        str,
        format_option(
            VALIDATE,
            "auto: github (annotations on stdout) under GitHub Actions, else text (on stderr).",
            ("auto",),
        ),
    ] = "auto",
) -> None:
    """Validate request, cluster, consortium and call files: exit 0 if all are valid, else 2.

    The kind comes from the folder (requests/, clusters/, calls/), the name (consortium*.yaml)
    or the keys, unless --kind says.
    """
    from consortium.files.validation import validate_paths

    paths = paths or [_proposal_folder()]
    result = validate_paths(paths, kind.value if kind else None)
    if output == "auto":
        output = "github" if os.environ.get("GITHUB_ACTIONS") == "true" else "text"
    if not result.files:
        named = ", ".join(path_text(p) for p in paths)
        fail_message(f"no .yaml or .yml files in {named}")
    code = 2 if result.bad else 0
    if output == "github":
        write = VALIDATE.writer("github")
        deliver(lambda out: write(result, out), code)
    VALIDATE.writer("text")(result, sys.stderr)
    sys.stderr.write(f"{result.valid} of {result.files} file(s) valid\n")
    raise typer.Exit(code)


def _proposal_folder() -> Path:
    from consortium.files.upward import MARKER, proposal_folder

    found = proposal_folder()
    if found is None:
        fail_message(
            f"no {MARKER} here or in any folder above it: name the files or folders to "
            "validate, or run it inside a proposal"
        )
    return found


def schema(kind: Annotated[Kind, typer.Argument(help="Which kind of file.")]) -> None:
    """Print the JSON Schema of a kind of file, for editors to complete and check it."""
    from consortium.files.schema import json_schema
    from consortium.report.values import dump_json

    deliver(lambda out: dump_json(json_schema(kind.value), out))
