"""Where `consortium init --request REF` finds the request a new proposal answers.

A user has the request already somewhere: a request file they imported or wrote
(``REF.yaml`` in the current folder or its ``requests/``), the EEN text it came from
(``REF.txt`` there, imported on the fly with the importer of `consortium import`), one of
the requests bundled with the tool, or a file they name (``--request-file``). The first
place that has it wins; what is found is checked as a request before anything is written.
Problems are values (strings), never printed here.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import consortium

YAML_SUFFIXES: tuple[str, ...] = (".yaml", ".yml")
TEXT_SUFFIXES: tuple[str, ...] = (".txt",)


@dataclass(frozen=True)
class FoundRequest:
    """A request ready to copy: its reference, the YAML text to write, where it came
    from, and the call it names (an id, when it names one)."""

    reference: str
    text: str
    origin: Path
    call: str | None


def bundled_requests() -> Path | None:
    """The requests shipped with the tool: inside the installed package (the wheel puts
    the repository's requests/ there), else the repository's own requests/ beside the
    package (a clone or an editable install); None when neither exists."""
    package = Path(consortium.__file__).parent
    for folder in (package / "data" / "requests", package.parent / "requests"):
        if folder.is_dir():
            return folder
    return None


Place = tuple[Path, tuple[str, ...]]  # a folder and the file suffixes looked for there


def places(cwd: Path) -> list[Place]:
    """Where ``REF`` is looked for, in order: a request file here or in requests/ (one a
    user imported, perhaps edited), then the EEN text there, then the bundled requests."""
    local = [cwd, cwd / "requests"]
    found: list[Place] = [(f, YAML_SUFFIXES) for f in local] + [(f, TEXT_SUFFIXES) for f in local]
    bundled = bundled_requests()
    return [*found, (bundled, YAML_SUFFIXES)] if bundled else found


def find_request(reference: str, where: list[Place]) -> FoundRequest | str | None:
    """The request ``reference`` from the first place of ``where`` that holds it; None
    when none does; a string when what was found is not a valid request for that
    reference (the user must fix it, not have it skipped)."""
    for folder, suffixes in where:
        for suffix in suffixes:
            candidate = folder / f"{reference}{suffix}"
            if candidate.is_file():
                return read_request(candidate, reference)
    return None


def read_request(path: Path, reference: str | None = None) -> FoundRequest | str:
    """A request file or an EEN text as a checked request; ``reference``, when given, must
    be the one the file holds."""
    found = _from_yaml(path) if path.suffix.lower() in YAML_SUFFIXES else _from_text(path)
    if isinstance(found, str):
        return found
    if reference and found.reference != reference:
        return f"{_shown(path)} holds request {found.reference}, not {reference}"
    return found


def _from_yaml(path: Path) -> FoundRequest | str:
    from consortium.files.loading import load
    from consortium.files.roots import Root
    from consortium.models import Request

    loaded = load(path, Request, root=Root.around(path.parent))
    if isinstance(loaded, list):
        return str(loaded[0]) + (f" (and {len(loaded) - 1} more)" if len(loaded) > 1 else "")
    text = path.read_bytes().decode("utf-8")
    request = loaded.item
    return FoundRequest(request.reference, text, path, request.call_id)


def _from_text(path: Path) -> FoundRequest | str:
    """An EEN profile text, through the importer (checked as a request, not written)."""
    from consortium.importing.run import Options, import_file

    (outcome,) = import_file(path, Options(Path("requests"), dry_run=True))[:1]
    if outcome.problems or outcome.text is None or outcome.reference is None:
        problem = outcome.problems[0] if outcome.problems else f"{_shown(path)}: not imported"
        return f"{problem} (try `consortium import {_shown(path)}` to see why)"
    return FoundRequest(outcome.reference, outcome.text, path, outcome.call)


def _shown(path: Path) -> str:
    from consortium.display.text import path_text

    return path_text(path)
