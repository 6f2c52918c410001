"""Load files of each kind into models, turning every mistake into a located Problem.

Errors are values: ``load`` returns the item or its problems, and ``load_dir`` keeps going
past a bad file, so one typo never hides the rest of a folder.
"""

from __future__ import annotations

import reprlib
import types
import typing
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any, Generic, TypeVar, overload

from pydantic import BaseModel, ValidationError

from consortium.display.text import closest
from consortium.files.batch import gc_paused
from consortium.files.cores import in_runs
from consortium.files.problems import MAX_SHOWN, Problem, shorten
from consortium.files.yamlfile import Document
from consortium.files.yamlfile import load as load_yaml

if TYPE_CHECKING:
    from consortium.files.roots import Root

M = TypeVar("M", bound=BaseModel)
T = TypeVar("T")
PATTERNS = ("*.yaml", "*.yml")
MAX_PROBLEMS = 20  # per file; the rest are counted in one more line


@dataclass(frozen=True, slots=True)
class Loaded(Generic[M]):
    """A validated item, its path and, when asked for, its document (for lines in findings).

    Documents hold the whole node tree; a listing of 10 000 requests needs none of them.
    """

    item: M
    path: Path
    doc: Document | None = None

    def locate(self, *loc: str | int) -> tuple[int, int]:
        return self.doc.locate(loc) if self.doc else (0, 0)


def validate(doc: Document, model: type[M]) -> M | list[Problem]:
    """The document as ``model``, or one located Problem per mistake: those the parser
    kept (a duplicate key, a YAML 1.1 yes/no) with the model's, in one pass."""
    try:
        item = model.model_validate(doc.data)
    except ValidationError as exc:
        problems = _problems(doc, model, exc.errors(include_url=False))
        taken = {p.line for p in problems}
        kept = [p for p in doc.kept if p.line not in taken]
        return sorted(kept + problems, key=lambda p: (p.line or float("inf"), p.column))
    return list(doc.kept) if doc.kept else item


def load(
    path: Path, model: type[M], keep_doc: bool = False, root: Root | None = None
) -> Loaded[M] | list[Problem]:
    doc = load_yaml(path, root)
    if isinstance(doc, Problem):
        return [doc]
    item = validate(doc, model)
    if isinstance(item, list):
        return item
    return Loaded(item, path, doc if keep_doc else None)


def yaml_files(folder: Path) -> list[Path]:
    """The YAML files directly in ``folder``, sorted, so output is stable."""
    return sorted((p for pattern in PATTERNS for p in folder.glob(pattern)), key=lambda p: p.name)


@overload
def load_many(
    paths: Iterable[Path], model: type[M], root: Root | None = None
) -> tuple[list[Loaded[M]], list[Problem]]: ...


@overload
def load_many(
    paths: Iterable[Path], model: type[M], root: Root | None, keep: Callable[[Loaded[M]], T]
) -> tuple[list[T], list[Problem]]: ...


def load_many(
    paths: Iterable[Path],
    model: type[M],
    root: Root | None = None,
    keep: Callable[[Loaded[M]], Any] | None = None,
) -> tuple[list[Any], list[Problem]]:
    """Every file loaded as ``model``, and the problems of those that could not be, in the
    files' order; ``keep`` turns each loaded item into what the caller keeps (a listing's
    row) before the next file is read, so the whole model can be freed at once. A large
    folder is shared with a second process (``files.cores``), with the same result."""

    def load_run(run: Sequence[Path]) -> tuple[list[Any], list[Problem]]:
        loaded: list[Any] = []
        problems: list[Problem] = []
        for path in run:
            result = load(path, model, root=root)
            if isinstance(result, list):
                problems.extend(result)
            else:
                loaded.append(result if keep is None else keep(result))
        return loaded, problems

    with gc_paused():
        runs = in_runs(load_run, list(paths))
    return [i for items, _ in runs for i in items], [p for _, found in runs for p in found]


def _problems(doc: Document, model: type[BaseModel], errors: Sequence[Any]) -> list[Problem]:
    problems: list[Problem] = []
    seen: set[tuple[str, ...]] = set()
    total, errors = len(errors), errors[: MAX_PROBLEMS * 50]  # enough to find 20 places
    locs = [_user_loc(error) for error in errors]
    # A union (`call: str | CallInfo`) reports every branch: when one branch names a deeper
    # place ('call.timezone'), the others' complaints about the whole value are noise.
    within = {tuple(map(str, loc[:n])) for loc in locs for n in range(len(loc))}
    for index, (error, loc) in enumerate(zip(errors, locs, strict=True)):
        key = tuple(str(p) for p in loc)
        if key in seen or (key in within and len(loc) < len(error["loc"])):
            continue  # one line per place, and no line for a union branch not taken
        if len(seen) == MAX_PROBLEMS:  # 100 000 unknown keys must not take minutes to list
            more = total - index
            problems.append(Problem(doc.path, f"{more} more problem(s) not shown: fix these first"))
            break
        seen.add(key)
        line, column = doc.locate(loc[:-1] if error["type"] == "missing" else loc)
        message = shorten(_message(model, loc, error), 500)
        problems.append(Problem(doc.path, message, line, column))
    return sorted(problems, key=lambda p: (p.line or float("inf"), p.column))


def _user_loc(error: Any) -> list[Any]:
    """The keys and indexes to the mistake, without pydantic's names of union branches; an
    unknown key is the user's own, so it stays even when it looks like one ('Name', 'str')."""
    loc = error["loc"]
    if error["type"] in ("extra_forbidden", "invalid_key") and loc:
        return [p for p in loc[:-1] if not _is_type_tag(p)] + [loc[-1]]
    return [p for p in loc if not _is_type_tag(p)]


def _is_type_tag(part: object) -> bool:
    """Pydantic names union branches in ``loc`` ('str', 'CallInfo'); our keys are lower-case."""
    return isinstance(part, str) and (
        part[:1].isupper() or "[" in part or "-" in part or part in _SCALARS
    )


_SCALARS = {"str", "int", "bool", "date", "datetime", "list", "dict"}


def _message(model: type[BaseModel], loc: list[Any], error: Any) -> str:
    where = ".".join(str(p) for p in loc)
    kind = error["type"]
    value = error.get("input")
    if kind == "extra_forbidden":
        known = _fields_at(model, loc[:-1])
        close = closest(str(loc[-1]), known)
        hint = f"did you mean '{close}'?" if close else f"known keys: {', '.join(known)}"
        return f"unknown key '{shorten(str(loc[-1]))}': {hint}"
    if kind == "missing":
        return f"missing required key '{where}': add it"
    if kind == "consortium":  # our own message, which may quote the value in full
        message = str(error["msg"])
        if isinstance(value, str) and len(value) > MAX_SHOWN:
            message = message.replace(value.strip(), shorten(value.strip()))
        return f"{where}: {message}"
    if kind == "literal_error":
        from consortium.models.fields import lower_case_hint

        if lowered := lower_case_hint(value, str((error.get("ctx") or {}).get("expected", ""))):
            return f"{where}: {lowered}"
    if kind == "string_type" and isinstance(value, bool):
        return f"{where}: YAML read an unquoted yes/no/on/off as {value}: quote the value"
    from consortium.files.shapes import annotation_at, explain

    said = explain(kind, loc, value, annotation_at(model, loc), error.get("ctx") or {})
    if said:
        return said
    return f"{where}: {error['msg'][:1].lower()}{error['msg'][1:]}, not {_REPR.repr(value)}"


# A value quoted in a message: short, and never recursing into a 999-deep list.
_REPR = reprlib.Repr()
_REPR.maxlevel = 2
_REPR.maxstring = _REPR.maxother = MAX_SHOWN


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
