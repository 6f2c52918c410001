"""`consortium init`: a new proposal repo, ready for CI and pre-commit."""

from pathlib import Path
from typing import Annotated

import typer

from consortium.cli.common import fail, fail_message, say
from consortium.cli.completion import call_ids
from consortium.text import path_text, shorten


def init(
    call: Annotated[
        str,
        typer.Option(
            "--call", help="The call's id, e.g. COS-CLUSTER-2020-3-03.", autocompletion=call_ids
        ),
    ],
    folder: Annotated[Path, typer.Argument(help="Folder of the new proposal repo.")] = Path("."),
    request: Annotated[
        str | None, typer.Option("--request", help="The EEN request it answers.")
    ] = None,
    force: Annotated[
        bool, typer.Option("--force", help="Write into a folder that is not empty.")
    ] = False,
) -> None:
    """Create a proposal repo: consortium.yaml, clusters/, requests/, JSON Schemas for
    editors, a CI workflow and a pre-commit config.

    Refuses a folder that is not empty unless --force (files of the same name are then
    replaced).
    """
    from consortium.scaffold import skeleton
    from consortium.writes import write_text

    call_id, reference = _checked(folder, call, request)
    if folder.exists() and not folder.is_dir():
        fail_message(f"{path_text(folder)} is not a folder")
    if folder.is_dir() and any(folder.iterdir()) and not force:
        fail_message(f"{path_text(folder)} is not empty: give --force to write into it")
    files = skeleton(call_id, reference)
    for name, text in files.items():
        problem = write_text(folder / name, text, force)
        if problem:
            fail([problem])
    say(
        f"created a proposal for {call_id} in {path_text(folder)} ({len(files)} files): "
        "add cluster profiles to clusters/ and members to consortium.yaml"
    )


def _checked(folder: Path, call: str, request: str | None) -> tuple[str, str | None]:
    """The call id as known (presets and the folder's calls/), the request reference
    as the model reads it; otherwise one line and exit 2."""
    from pydantic import ValidationError

    from consortium.calls import known_calls
    from consortium.models import ConsortiumFile
    from consortium.text import closest

    calls, _ = known_calls(folder / "calls")
    wanted = call.strip().upper()
    if wanted not in calls:
        close = closest(wanted, calls)
        hint = f"did you mean {close}?" if close else "see `consortium calls list`"
        fail_message(f"unknown call {shorten(call)}: {hint}")
    try:
        spec = ConsortiumFile.model_validate({"call": wanted, "request": request})
    except ValidationError as exc:
        message = exc.errors(include_url=False)[0]["msg"]
        fail_message(f"--request {shorten(request or '')}: {shorten(message, 200)}")
    return wanted, spec.request
