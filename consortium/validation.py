"""`validate`'s pipeline as a library: files of any kind checked against their models.

A folder is searched for YAML files (hidden folders skipped); each file's kind comes from
its folder (requests/, clusters/, calls/), its name (consortium*.yaml) or its keys, unless
one is given. Reads stay inside each given path's root (``roots``).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from consortium.kinds import FILE_KINDS, kind_of
from consortium.loading import validate as validate_doc
from consortium.problems import Problem
from consortium.roots import Root
from consortium.yamlfile import load


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
    for given in paths:
        root = Root.around(given if given.is_dir() else given.parent)
        for path in files_in(given):
            problems = validate_file(path, root, kind)
            result.files += 1
            result.bad += bool(problems)
            result.problems += problems
    return result


def validate_file(path: Path, root: Root, kind: str | None = None) -> list[Problem]:
    doc = load(path, root)
    if isinstance(doc, Problem):
        return [doc]
    model = FILE_KINDS[kind or kind_of(path, doc.data)]
    result = validate_doc(doc, model)
    return result if isinstance(result, list) else []
