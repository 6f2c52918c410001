"""The folder options every command shares, and where they point when not given.

Each folder has one name on every command (``--requests``, ``--clusters``, ``--calls``);
by default it is the folder of that name beside the proposal's ``consortium.yaml``, found
by looking upward from where the user stands (``consortium.files.upward``), else in the current
folder. ``--dir``, the old name of ``--requests`` and of ``clusters --clusters``, still
works, hidden, so scripts written for it do not break.
"""

from pathlib import Path
from typing import Annotated, Any

import typer

from consortium.cli.common import fail_message, say
from consortium.display.text import path_text

WHAT = {"requests": "request files", "clusters": "cluster profiles", "calls": "extra call files"}
NEAR_PROPOSAL = "beside the consortium.yaml found here or above, else ./{kind}"


def folder_option(kind: str, default: str = NEAR_PROPOSAL) -> Any:
    """``--KIND DIR``, its help ending with where it points when not given."""
    return typer.Option(
        f"--{kind}",
        metavar="DIR",
        file_okay=False,
        show_default=False,
        help=f"Folder of {WHAT[kind]} (default: {kind}/ {default.format(kind=kind)}).",
    )


BESIDE_FILE = "beside the consortium file"
ConsortiumPath = Annotated[
    Path | None,
    typer.Argument(
        help="The consortium file, or a folder of the proposal (default: consortium.yaml "
        "found in this folder or above, as git finds its root).",
        show_default=False,
        metavar="PATH",
    ),
]
RequestsFolder = Annotated[Path | None, folder_option("requests")]
ClustersFolder = Annotated[Path | None, folder_option("clusters")]
CallsFolder = Annotated[Path | None, folder_option("calls")]
CallsBesideRequests = Annotated[Path | None, folder_option("calls", "beside the requests folder")]
OldDir = Annotated[
    Path | None, typer.Option("--dir", "-d", hidden=True, file_okay=False, show_default=False)
]


def chosen(kind: str, given: Path | None, old: Path | None = None) -> Path | None:
    """The folder given as ``--KIND`` or by its old name ``--dir`` (not both), or None."""
    if given is not None and old is not None:
        fail_message(f"the folder of {WHAT[kind]} is given twice: give it once, as --{kind} DIR")
    return given if given is not None else old


def folder(
    kind: str, given: Path | None, old: Path | None = None, base: Path | None = None
) -> Path:
    """The folder to use: the one given, else ``KIND/`` beside ``base`` (a consortium
    file's folder) or of the proposal found upward, else ``./KIND``."""
    from consortium.files.upward import proposal_folder

    picked = chosen(kind, given, old)
    if picked is not None:
        return picked
    root = base if base is not None else proposal_folder()
    return root / kind if root is not None else Path(kind)


def consortium_file(given: Path | None, document: bool = False) -> Path:
    """The consortium file to work on: the file given, or ``consortium.yaml`` of the
    proposal holding the folder given (by default the current one). When no proposal holds
    it: one line, then exit 2; or, with ``document`` (`check`, whose machine formats print
    a document even then), the path where it was looked for, whose absence the check
    reports as it reports any missing file."""
    from consortium.files.upward import MARKER, consortium_at

    found = consortium_at(given or Path("."))
    if found is None:
        where = f"in {path_text(given)}" if given and given != Path(".") else "here"
        message = (
            f"no {MARKER} {where} or in any folder above it (up to the top of the git work "
            "tree): name the consortium file, or create one with `consortium init`"
        )
        if not document:
            fail_message(message)
        say(message)
        return (given or Path(".")) / MARKER
    return found
