"""`validate`'s pipeline as a library: files of any kind checked against their models.

A folder is searched for YAML files (hidden folders skipped); each file's kind comes from
its folder (requests/, clusters/, calls/), its name (consortium*.yaml) or its keys, unless
one is given. Reads stay inside each given path's root (``roots``).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from consortium.display.text import did_you_mean, shorten
from consortium.files.kinds import FILE_KINDS, kind_of
from consortium.files.loading import validate as validate_doc
from consortium.files.problems import Problem
from consortium.files.roots import Root
from consortium.files.yamlfile import Document, load
from consortium.models import Call, Request


@dataclass
class Validation:
    files: int = 0
    bad: int = 0
    problems: list[Problem] = field(default_factory=list)

    @property
    def valid(self) -> int:
        return self.files - self.bad


def files_in(path: Path) -> list[Path]:
    """``path`` itself, or the YAML files under the folder ``path``, sorted."""
    if not path.is_dir():
        return [path]
    return sorted(
        p
        for p in path.rglob("*")
        if p.suffix in (".yaml", ".yml")
        and not any(part.startswith(".") for part in p.relative_to(path).parts)
    )


def validate_paths(paths: list[Path], kind: str | None = None) -> Validation:
    """Every file under ``paths`` validated; problems as values, one bad file never stops
    the rest."""
    result = Validation()
    seen: set[str] = set()
    calls: CallsByFolder = {}
    for given in paths:
        root = Root.around(given if given.is_dir() else given.parent)
        for path in files_in(given):
            found = [p for p in validate_file(path, root, kind, calls) if str(p) not in seen]
            seen.update(str(p) for p in found)
            result.files += 1
            result.bad += any(p.severity == "error" for p in found)
            result.problems += found
    return result


CallsByFolder = dict[Path, dict[str, Call]]


def validate_file(
    path: Path, root: Root, kind: str | None = None, calls: CallsByFolder | None = None
) -> list[Problem]:
    """The file's problems; for a consortium file its links too (unknown cluster, call or
    request, resolved as `check` does), so `validate` catches what `check` would refuse."""
    doc = load(path, root)
    if isinstance(doc, Problem):
        return [doc]
    kind = kind or kind_of(path, doc.data)
    if kind == "consortium":
        from consortium.proposal.resolve import load_proposal

        resolved = load_proposal(path)
        return resolved if isinstance(resolved, list) else []
    result = validate_doc(doc, FILE_KINDS[kind])
    if isinstance(result, list):
        return result
    if isinstance(result, Request):
        return _unknown_call(path, doc, result, {} if calls is None else calls)
    return []


def _unknown_call(
    path: Path, doc: Document, request: Request, seen: CallsByFolder
) -> list[Problem]:
    """A request naming a call id the tool does not know: a warning with the closest id
    (a request for a call without a preset names it in full, as a mapping). The calls of
    each folder are read once per run (``seen``), not once per request."""
    from consortium.calls.known import known_calls

    if not isinstance(request.call, str):
        return []
    folder = path.parent.parent / "calls"
    if folder not in seen:
        seen[folder] = known_calls(folder)[0]
    calls = seen[folder]
    if request.call in calls:
        return []
    line, column = doc.locate(["call"])
    hint = did_you_mean(request.call, calls, cutoff=0.5)
    message = (
        f"the call '{shorten(request.call)}' is unknown{hint}: correct it, or name "
        "the call in full ({id, programme, title, deadline})"
    )
    return [Problem(path, message, line, column, "warning")]
