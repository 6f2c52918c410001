"""`consortium init`: a new proposal repo, valid as it stands, ready for CI and pre-commit."""

import sys
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from consortium.cli.common import fail, fail_message, report_problems, say
from consortium.cli.completion import call_ids
from consortium.display.text import path_text, shorten, visible

if TYPE_CHECKING:
    from consortium.catalogue.source import FoundRequest
    from consortium.models import Call


def init(
    folder: Annotated[Path, typer.Argument(help="Folder of the new proposal repo.")] = Path("."),
    call: Annotated[
        str | None,
        typer.Option(
            "--call",
            help="The call's id, e.g. COS-CLUSTER-2020-3-03 (default: the request's call).",
            autocompletion=call_ids,
            show_default=False,
        ),
    ] = None,
    request: Annotated[
        str | None,
        typer.Option(
            "--request",
            help="The EEN request it answers: REF.yaml or REF.txt here or in requests/, "
            "or one of the bundled requests.",
            show_default=False,
        ),
    ] = None,
    request_file: Annotated[
        Path | None,
        typer.Option(
            "--request-file",
            help="The request as a file: a request YAML file or an EEN profile text.",
            show_default=False,
        ),
    ] = None,
    no_input: Annotated[
        bool, typer.Option("--no-input", help="Never ask: without --call, list the calls.")
    ] = False,
    force: Annotated[
        bool, typer.Option("--force", help="Write into a folder that is not empty.")
    ] = False,
) -> None:
    """Create a proposal repo: consortium.yaml, clusters/, requests/ (with the request it
    answers), JSON Schemas for editors, a CI workflow and a pre-commit config.

    The new repo is validated before anything is written. Refuses a folder that is not
    empty (requests/ that `consortium import` filled excepted) unless --force.
    """
    from consortium.proposal.newrepo import in_the_way, staged_problems, write_all
    from consortium.proposal.scaffold import skeleton

    if folder.exists() and not folder.is_dir():
        fail_message(f"{path_text(folder)} is not a folder")
    found = _request(request, request_file)
    call_id = _call(folder, call, found, no_input)
    files = skeleton(call_id, found.reference if found else None)
    if found:
        files[f"requests/{found.reference}.yaml"] = found.text
    if in_the_way(folder, files) and not force:
        fail_message(f"{path_text(folder)} is not empty: give --force to write into it")
    problems = staged_problems(folder, files)
    if problems:
        report_problems(problems)
        fail_message(f"the new repo would not validate: nothing written to {path_text(folder)}")
    problem = write_all(folder, files, force)
    if problem:
        fail([problem])
    _done(folder, call_id, found, len(files))


def _request(reference: str | None, file: Path | None) -> "FoundRequest | None":
    """The request to copy in, from --request-file or where --request finds it; one line
    and exit 2 when it is not there or not a valid request."""
    from consortium.catalogue.source import FoundRequest, find_request, places, read_request

    wanted = _reference(reference) if reference else None
    got: FoundRequest | str | None
    if file is not None:
        if not file.is_file():
            fail_message(f"--request-file {path_text(file)}: no such file")
        got = read_request(file, wanted)
    elif wanted:
        got = find_request(wanted, places(Path(".")))
        if got is None:
            fail_message(
                f"no request {wanted} here, in requests/ or among the bundled requests: "
                f"import its EEN text (`consortium import FILE`) or give --request-file PATH"
            )
    else:
        return None
    if isinstance(got, str):
        fail_message(got)
    return got


def _reference(text: str) -> str:
    """A reference as the model reads it; one line and exit 2 when it is not one."""
    from pydantic import TypeAdapter, ValidationError

    from consortium.models.fields import ReferenceText

    try:
        return TypeAdapter(ReferenceText).validate_python(text.strip())
    except ValidationError as exc:
        message = exc.errors(include_url=False)[0]["msg"]
        fail_message(f"--request {shorten(text)}: {shorten(message, 200)}")


def _call(folder: Path, given: str | None, found: "FoundRequest | None", no_input: bool) -> str:
    """--call, else the request's call, else asked for on a terminal, else the list of
    calls and exit 2."""
    from consortium.calls.known import known_calls

    calls, _ = known_calls(folder / "calls")
    if given is not None:
        return _known(given, calls, "unknown call")
    if found and found.call and found.call.upper() in calls:
        return found.call.upper()
    listed = ", ".join(sorted(calls))
    named = ""
    if found and found.call:
        named = f"request {found.reference} names call {shorten(found.call)}, which no preset or calls/ file describes: "
    if no_input or not sys.stdin.isatty():
        fail_message(
            f"{named}give --call ID, one of {listed} (`consortium calls list` describes them)"
        )
    for call_id in sorted(calls):
        sys.stderr.write(f"  {call_id}  {visible(shorten(calls[call_id].title, 60))}\n")
    answer = typer.prompt("Which call does this proposal answer?", err=True)
    return _known(answer, calls, "unknown call")


def _known(given: str, calls: "dict[str, Call]", what: str) -> str:
    from consortium.display.text import closest

    wanted = given.strip().upper()
    if wanted not in calls:
        close = closest(wanted, calls)
        hint = f"did you mean {close}?" if close else "see `consortium calls list`"
        fail_message(f"{what} {shorten(given)}: {hint}")
    return wanted


def _done(folder: Path, call_id: str, found: "FoundRequest | None", count: int) -> None:
    """Say what was made and what to do next, as cookiecutter and `gh repo create` do."""
    answered = f", answering {found.reference} ({path_text(found.origin)})" if found else ""
    say(
        f"created a proposal for {call_id}{answered} in {path_text(folder)} "
        f"({count} files, valid as it stands)"
    )
    here = "" if folder == Path(".") else f"cd {path_text(folder)} && "
    steps = [
        f"{here}git init && pre-commit install   (the hooks in .pre-commit-config.yaml)",
        "put a profile per cluster in clusters/<id>.yaml (`consortium schema cluster`)",
        "add the members to consortium.yaml, then run `consortium check`",
    ]
    sys.stderr.write("next steps:\n" + "".join(f"  {visible(step)}\n" for step in steps))
