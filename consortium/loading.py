"""Load files of each kind into models, turning every mistake into a located Problem.

Errors are values: ``load`` returns the item or its problems, and ``load_dir`` keeps going
past a bad file, so one typo never hides the rest of a folder.
"""

from __future__ import annotations

import difflib
import types
import typing
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Generic, TypeVar

from pydantic import BaseModel, ValidationError

from consortium.problems import Problem
from consortium.yamlfile import Document
from consortium.yamlfile import load as load_yaml

M = TypeVar("M", bound=BaseModel)
PATTERNS = ("*.yaml", "*.yml")


@dataclass(frozen=True, slots=True)
class Loaded(Generic[M]):
    """A validated item with the document it came from (for lines in findings)."""

    item: M
    doc: Document

    @property
    def path(self) -> Path:
        return self.doc.path


def validate(doc: Document, model: type[M]) -> M | list[Problem]:
    """The document as ``model``, or one located Problem per mistake."""
    try:
        return model.model_validate(doc.data)
    except ValidationError as exc:
        return _problems(doc, model, exc.errors(include_url=False))


def load(path: Path, model: type[M]) -> Loaded[M] | list[Problem]:
    doc = load_yaml(path)
    if isinstance(doc, Problem):
        return [doc]
    item = validate(doc, model)
    return item if isinstance(item, list) else Loaded(item, doc)


def yaml_files(folder: Path) -> list[Path]:
    """The YAML files directly in ``folder``, sorted, so output is stable."""
    return sorted(p for pattern in PATTERNS for p in folder.glob(pattern))


def load_many(paths: Iterable[Path], model: type[M]) -> tuple[list[Loaded[M]], list[Problem]]:
    loaded: list[Loaded[M]] = []
    problems: list[Problem] = []
    for path in paths:
        result = load(path, model)
        if isinstance(result, list):
            problems.extend(result)
        else:
            loaded.append(result)
    return loaded, problems


def _problems(doc: Document, model: type[BaseModel], errors: Sequence[Any]) -> list[Problem]:
    problems: list[Problem] = []
    seen: set[tuple[str, ...]] = set()
    for error in errors:
        loc = [p for p in error["loc"] if not _is_type_tag(p)]
        key = tuple(str(p) for p in loc)
        if key in seen:  # one line per place: a union reports each of its branches
            continue
        seen.add(key)
        line, column = doc.locate(loc[:-1] if error["type"] == "missing" else loc)
        problems.append(Problem(doc.path, _message(model, loc, error), line, column))
    return sorted(problems, key=lambda p: (p.line, p.column))


def _is_type_tag(part: object) -> bool:
    """Pydantic names union branches in ``loc`` ('str', 'CallInfo'); our keys are lower-case."""
    return isinstance(part, str) and (
        part[:1].isupper() or "[" in part or "-" in part or part in _SCALARS
    )


_SCALARS = {"str", "int", "bool", "date", "datetime", "list", "dict"}


def _message(model: type[BaseModel], loc: list[Any], error: Any) -> str:
    where = ".".join(str(p) for p in loc)
    kind = error["type"]
    if kind == "extra_forbidden":
        known = _fields_at(model, loc[:-1])
        close = difflib.get_close_matches(str(loc[-1]), known, n=1)
        hint = f"did you mean '{close[0]}'?" if close else f"known keys: {', '.join(known)}"
        return f"unknown key '{loc[-1]}': {hint}"
    if kind == "missing":
        return f"missing required key '{where}': add it"
    if kind == "consortium":
        return f"{where}: {error['msg']}"
    if kind == "string_type" and isinstance(error["input"], bool):
        return f"{where}: YAML read an unquoted yes/no/on/off as {error['input']}: quote the value"
    return f"{where}: {error['msg'][:1].lower()}{error['msg'][1:]}, not {error['input']!r:.60}"


def _fields_at(model: type[BaseModel], loc: list[Any]) -> list[str]:
    """Field names of the model found by following ``loc`` through nested models."""
    current: Any = model
    for part in loc:
        if isinstance(part, int):
            continue
        field = current.model_fields.get(part) if _is_model(current) else None
        if field is None:
            return []
        current = _inner_model(field.annotation)
    return list(current.model_fields) if _is_model(current) else []


def _is_model(tp: Any) -> bool:
    return isinstance(tp, type) and issubclass(tp, BaseModel)


def _inner_model(tp: Any) -> Any:
    """The model inside ``list[X]``, ``X | None`` or ``Annotated[X, ...]``, if any."""
    if _is_model(tp):
        return tp
    if typing.get_origin(tp) in (typing.Union, types.UnionType, list, typing.Annotated):
        for arg in typing.get_args(tp):
            found = _inner_model(arg)
            if found is not None:
                return found
    return None
