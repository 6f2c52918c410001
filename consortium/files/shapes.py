"""Plain words for a value of the wrong shape, with the line to write instead.

Pydantic says "input should be a valid dictionary or instance of Label"; a cluster manager
who wrote ``label: gold`` needs "label needs level and valid_until: write label: {level:
gold, valid_until: 2022-06-30}". The fix is built from the model itself (its fields, their
``examples``, the user's own value put where it fits), so every model and field gets it
without a case of its own. Only ever called on the error path.
"""

from __future__ import annotations

import types
import typing
from datetime import date
from typing import Any, Literal

from pydantic import BaseModel, TypeAdapter, ValidationError

from consortium.display.text import closest, joined, shorten

# What a type is called in a message, by pydantic's error type.
_WANTED = {
    "bool_type": "true or false",
    "bool_parsing": "true or false",
    "int_type": "a whole number",
    "int_parsing": "a whole number",
    "int_from_float": "a whole number",
    "float_type": "a number",
    "float_parsing": "a number",
    "string_type": "text",
    "date_type": "a date (YYYY-MM-DD)",
    "date_parsing": "a date (YYYY-MM-DD)",
}


def explain(kind: str, loc: list[Any], value: Any, annotation: Any, ctx: dict[str, Any]) -> str:
    """The message for pydantic's error ``kind`` at ``loc`` (keys and list indexes), or ""
    when this module has nothing better to say than pydantic."""
    name = _name(loc)
    model = _model_in(annotation)
    if kind in ("model_type", "dict_type", "model_attributes_type") and model is not None:
        fields = _worth_writing(model)
        return f"{name} needs {joined(fields)}: write {_key(loc)}{_flow(_example(model, value))}"
    if kind in ("list_type", "tuple_type", "set_type"):
        item = _item_of(annotation)
        inner = _model_in(item)
        if inner is not None:
            shown = _flow(_example(inner, value))
        elif _is_scalar(value) and value is not None:
            shown = _scalar(value)
        else:
            shown = _scalar(_example_of(item))
        return f"{name} takes a list: write {_key(loc)}[{shown}]"
    if kind == "literal_error":
        allowed = [str(a) for a in typing.get_args(_literal_in(annotation) or Any)]
        words = joined(allowed, "or") or str(ctx.get("expected", ""))
        close = closest(str(value), allowed) if isinstance(value, str) else None
        hint = f" (did you mean {close}?)" if close else ""
        return f"{name}: write {words}, not {_quoted(value)}{hint}"
    if kind in _WANTED:
        if isinstance(value, dict | list):
            found = "a mapping" if isinstance(value, dict) else "a list"
            return f"{name} takes {_WANTED[kind]}, not {found}"
        unquote = (
            ": write it without quotes"
            if isinstance(value, str) and _accepts(annotation, _unquoted(value))
            else ""
        )
        return f"{name} takes {_WANTED[kind]}, not {_quoted(value)}{unquote}"
    return ""


def _name(loc: list[Any]) -> str:
    """'label', 'experience item 2', 'region.category': the place as the file shows it."""
    if loc and isinstance(loc[-1], int):
        parent = ".".join(str(p) for p in loc[:-1] if not isinstance(p, int))
        return f"item {loc[-1] + 1} of {parent}" if parent else f"item {loc[-1] + 1}"
    return ".".join(str(p) for p in loc if not isinstance(p, int)) or "the file"


def _key(loc: list[Any]) -> str:
    """How the line to write starts: ``label: `` for a key, ``- `` for a list item."""
    if not loc:
        return ""
    return "- " if isinstance(loc[-1], int) else f"{loc[-1]}: "


def _worth_writing(model: type[BaseModel]) -> list[str]:
    """The fields a writer fills in: the required ones and those the model gives an
    example for (``label``'s level and valid_until, not its awarded date)."""
    return [
        name for name, field in model.model_fields.items() if field.is_required() or field.examples
    ] or list(model.model_fields)[:2]


def _example(model: type[BaseModel], value: Any) -> dict[str, Any]:
    """The fields worth writing with an example each, the user's own value in the first
    field that takes it (``gold`` becomes the level)."""
    fields = _worth_writing(model)
    example = {
        name: _example_of(model.model_fields[name].annotation, model, name) for name in fields
    }
    if _is_scalar(value) and value is not None:
        for name in fields:
            if _accepts(model.model_fields[name].annotation, value):
                example[name] = value
                break
    return example


def _example_of(annotation: Any, model: type[BaseModel] | None = None, name: str = "") -> Any:
    if model is not None and (given := model.model_fields[name].examples):
        return given[0]
    literal = _literal_in(annotation)
    if literal is not None:
        return typing.get_args(literal)[0]
    inner = _model_in(annotation)
    if inner is not None:
        return _example(inner, None)
    return "..."


def _accepts(annotation: Any, value: Any) -> bool:
    try:
        TypeAdapter(annotation).validate_python(value)
    except (ValidationError, TypeError, ValueError):
        return False
    return True


def _flow(mapping: dict[str, Any]) -> str:
    """``{level: gold, valid_until: 2022-06-30}``: YAML's one-line mapping."""
    return "{" + ", ".join(f"{k}: {_scalar(v)}" for k, v in mapping.items()) + "}"


def _scalar(value: Any) -> str:
    if isinstance(value, dict):
        return _flow(value)
    if isinstance(value, list):
        return "[" + ", ".join(_scalar(v) for v in value) + "]"
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, date):
        return value.isoformat()
    text = shorten(str(value))
    return f'"{text}"' if any(c in text for c in ":#{}[],&*!|>'\"%@`") else text


def _quoted(value: Any) -> str:
    if isinstance(value, str):
        return f"'{shorten(value)}'"
    if isinstance(value, dict):
        return "a mapping"
    if isinstance(value, list):
        return "a list"
    if value is None:
        return "an empty value"
    return _scalar(value)


def _unquoted(text: str) -> Any:
    """What YAML would read ``text`` as without its quotes ('2019' becomes 2019)."""
    import re

    import yaml

    # Only what a quote could have turned into text: a number, a yes/no word, a date. Any
    # other text (anchors, flow collections, a megabyte) is left as it is, never parsed.
    if len(text) > 40 or not re.fullmatch(r"[\w.:+-]+", text):
        return text
    try:
        return yaml.safe_load(text)
    except (yaml.YAMLError, ValueError, OverflowError):  # 'year 0', an offset of 4 days
        return text


def _is_scalar(value: Any) -> bool:
    return not isinstance(value, dict | list)


def _unwrapped(annotation: Any) -> list[Any]:
    """The types inside ``X | None`` and ``Annotated[X, ...]``."""
    origin = typing.get_origin(annotation)
    if origin is typing.Annotated:
        return _unwrapped(typing.get_args(annotation)[0])
    if origin in (typing.Union, types.UnionType):
        return [t for arg in typing.get_args(annotation) for t in _unwrapped(arg)]
    return [annotation]


def _model_in(annotation: Any) -> type[BaseModel] | None:
    for option in _unwrapped(annotation):
        if isinstance(option, type) and issubclass(option, BaseModel):
            return option
    return None


def _literal_in(annotation: Any) -> Any:
    for option in _unwrapped(annotation):
        if typing.get_origin(option) is Literal:
            return option
    return None


def _item_of(annotation: Any) -> Any:
    for option in _unwrapped(annotation):
        if typing.get_origin(option) in (list, tuple, set, frozenset):
            args = typing.get_args(option)
            return args[0] if args else Any
    return Any


def annotation_at(model: type[BaseModel], loc: list[Any]) -> Any:
    """The type expected at ``loc`` (keys through nested models, indexes into lists)."""
    current: Any = model
    for part in loc:
        if isinstance(part, int):
            current = _item_of(current)
            continue
        inner = _model_in(current)
        field = inner.model_fields.get(part) if inner is not None else None
        if field is None:
            return Any
        current = field.annotation
    return current
