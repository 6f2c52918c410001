"""`consortium validate` and `consortium schema`: the files themselves, not the consortium."""

from __future__ import annotations

import sys
from enum import StrEnum
from pathlib import Path
from typing import Annotated

import typer

from consortium.cli.common import deliver, fail_message, report_problems
from consortium.text import path_text


class Kind(StrEnum):
    request = "request"
    cluster = "cluster"
    consortium = "consortium"
    call = "call"


def _files(paths: list[Path]) -> list[Path]:
    """Files as given, folders searched for .yaml/.yml files (hidden folders skipped)."""
    found: list[Path] = []
    for path in paths:
        if path.is_dir():
            found.extend(
                sorted(
                    p
                    for p in path.rglob("*")
                    if p.suffix in (".yaml", ".yml")
                    and not any(part.startswith(".") for part in p.relative_to(path).parts)
                )
            )
        else:
            found.append(path)
    return found


def validate(
    paths: Annotated[list[Path], typer.Argument(help="Files or folders to validate.")],
    kind: Annotated[Kind | None, typer.Option(help="Treat every file as this kind.")] = None,
) -> None:
    """Validate request, cluster, consortium and call files: exit 0 if all are valid, else 2.

    The kind comes from the folder (requests/, clusters/, calls/), the name (consortium*.yaml)
    or the keys, unless --kind says.
    """
    from consortium.kinds import FILE_KINDS, kind_of
    from consortium.loading import validate as validate_doc
    from consortium.problems import Problem
    from consortium.roots import Root
    from consortium.yamlfile import load

    files = [
        (found, Root.around(given if given.is_dir() else given.parent))
        for given in paths
        for found in _files([given])
    ]
    bad = 0
    for path, root in files:
        doc = load(path, root)
        problems = [doc] if isinstance(doc, Problem) else []
        if not isinstance(doc, Problem):
            model = FILE_KINDS[kind.value if kind else kind_of(path, doc.data)]
            result = validate_doc(doc, model)
            problems = result if isinstance(result, list) else []
        report_problems(problems)
        bad += bool(problems)
    if not files:
        named = ", ".join(path_text(p) for p in paths)
        fail_message(f"no .yaml or .yml files in {named}")
    sys.stderr.write(f"{len(files) - bad} of {len(files)} file(s) valid\n")
    if bad:
        raise typer.Exit(2)


def schema(kind: Annotated[Kind, typer.Argument(help="Which kind of file.")]) -> None:
    """Print the JSON Schema of a kind of file, for editors to complete and check it."""
    from consortium.report.values import dump_json
    from consortium.schema import json_schema

    deliver(lambda out: dump_json(json_schema(kind.value), out))
