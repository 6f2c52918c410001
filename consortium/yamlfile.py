"""Read one YAML file safely, keeping the node tree so any error can name its line.

Limits (documented in the README): files over ``MAX_BYTES`` are refused before parsing,
aliases and anchors are refused (partner-search files need none, and an alias bomb is
cheap to load but explodes when walked), duplicate keys are an error (PyYAML would
silently keep the last one), and nesting deeper than ``MAX_DEPTH`` is refused by libyaml itself.
"""

from __future__ import annotations

import errno
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml
from yaml.constructor import ConstructorError
from yaml.nodes import MappingNode, Node, ScalarNode, SequenceNode

from consortium.problems import Problem

MAX_BYTES = 1024 * 1024
MAX_DEPTH = 1000  # libyaml's own limit; the pure-Python loader stops at the recursion limit

_BaseLoader: Any = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


class _Loader(_BaseLoader):  # type: ignore[misc]
    """Safe loader that refuses aliases and duplicate keys while constructing."""

    def construct_object(self, node: Node, deep: bool = False) -> Any:
        if node in self.constructed_objects or node in self.recursive_objects:
            raise ConstructorError(
                None, None, "aliases (*name) are not allowed: write the value out", node.start_mark
            )
        return super().construct_object(node, deep)

    def construct_mapping(self, node: MappingNode, deep: bool = False) -> dict[Any, Any]:
        seen: dict[str, int] = {}
        for key_node, _ in node.value:
            if isinstance(key_node, ScalarNode):
                first = seen.setdefault(key_node.value, key_node.start_mark.line + 1)
                if first != key_node.start_mark.line + 1:
                    raise ConstructorError(
                        None,
                        None,
                        f"duplicate key '{key_node.value}' (first on line {first}): keep one",
                        key_node.start_mark,
                    )
        return super().construct_mapping(node, deep)  # type: ignore[no-any-return]


@dataclass(frozen=True, slots=True)
class Document:
    """A parsed YAML mapping with the node tree it came from."""

    path: Path
    data: dict[str, Any]
    node: MappingNode

    def locate(self, loc: Sequence[str | int]) -> tuple[int, int]:
        """Line and column (1-based) of the key or item at ``loc``, or its nearest parent."""
        node: Node = self.node
        mark = node.start_mark
        for part in loc:
            child = _child(node, part)
            if child is None:
                continue
            mark, node = child
        return mark.line + 1, mark.column + 1


def _child(node: Node, part: str | int) -> tuple[Any, Node] | None:
    if isinstance(node, MappingNode):
        for key_node, value_node in node.value:
            if isinstance(key_node, ScalarNode) and key_node.value == str(part):
                return key_node.start_mark, value_node
    elif isinstance(node, SequenceNode) and isinstance(part, int) and 0 <= part < len(node.value):
        item = node.value[part]
        return item.start_mark, item
    return None


def read_text(path: Path) -> str | Problem:
    """The file's text, or a Problem saying why it cannot be read as UTF-8 text."""
    try:
        with path.open("rb") as handle:
            raw = handle.read(MAX_BYTES + 1)
    except IsADirectoryError:
        return Problem(path, "is a directory, not a file: name a .yaml file inside it")
    except FileNotFoundError:
        return Problem(path, "no such file: check the path")
    except PermissionError:
        return Problem(path, "cannot be read (permission denied): check its permissions")
    except OSError as exc:
        if exc.errno == errno.ELOOP:
            return Problem(path, "is a symbolic link loop: point the link at a real file")
        return Problem(path, f"cannot be read: {exc.strerror or exc}")
    if len(raw) > MAX_BYTES:
        return Problem(path, f"is larger than {MAX_BYTES // 1024} KiB: not a profile file")
    if b"\x00" in raw:
        return Problem(path, "is a binary file, not YAML text")
    try:
        return raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = raw.count(b"\n", 0, exc.start) + 1
        return Problem(
            path, f"is not UTF-8 text (byte {raw[exc.start]:#04x}): save it as UTF-8", line
        )


def parse(path: Path, text: str) -> Document | Problem:
    """Parse ``text`` (from ``path``) into a Document whose top level is a mapping."""
    loader = _Loader(text)
    try:
        node = loader.get_single_node()
        if node is None:
            return Problem(
                path, "is empty: expected a mapping of keys (see `consortium schema`)", 1
            )
        data = loader.construct_document(node)
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        line, column = (mark.line + 1, mark.column + 1) if mark else (0, 0)
        return Problem(path, _yaml_message(exc), line, column)
    except yaml.YAMLError as exc:
        return Problem(path, f"is not valid YAML: {exc}")
    except RecursionError:
        return Problem(path, "nests too deeply: not a profile file")
    finally:
        loader.dispose()
    if not isinstance(data, dict):
        kind = "a list" if isinstance(data, list) else f"a single value ({data!r:.40})"
        return Problem(path, f"expected a mapping of keys at the top level, found {kind}", 1, 1)
    return Document(path, data, node)


def _yaml_message(exc: yaml.MarkedYAMLError) -> str:
    """One line from PyYAML's multi-line messages: what is wrong, in its words."""
    parts = [p for p in (exc.context, exc.problem) if p]
    text = "; ".join(parts) if parts else "invalid YAML"
    if exc.note:
        return f"{text} ({exc.note})"
    if isinstance(exc, ConstructorError) and exc.problem:
        return exc.problem
    return f"YAML syntax error: {text}"


def load(path: Path) -> Document | Problem:
    """Read and parse one file."""
    text = read_text(path)
    if isinstance(text, Problem):
        return text
    return parse(path, text)
