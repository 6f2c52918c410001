"""Read one YAML file safely, keeping the node tree so any error can name its line.

Files over ``MAX_BYTES`` are refused before parsing, and only regular UTF-8 text files are
read (a FIFO or a device would block or never end). What the parser refuses inside a file
is listed in ``yamlloader``; the README lists every limit.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any, NamedTuple

import yaml
from yaml.constructor import ConstructorError
from yaml.nodes import MappingNode, Node, ScalarNode, SequenceNode

from consortium.files.problems import Problem, shorten
from consortium.files.rawfile import read_bounded
from consortium.files.yamlloader import ProfileLoader, too_many_values

if TYPE_CHECKING:
    from consortium.files.roots import Root

MAX_BYTES = 1024 * 1024
# Characters YAML refuses (C0 and C1 controls but tab and line breaks, U+FFFE, U+FFFF) as
# UTF-8 bytes: searched for only once libyaml has refused one, to name its line and column.
_NOT_YAML = re.compile(
    rb"[\x01-\x08\x0b\x0c\x0e-\x1f\x7f]|\xc2[\x80-\x84\x86-\x9f]|\xef\xbf[\xbe\xbf]"
)


class Document(NamedTuple):
    """A parsed YAML mapping with the node tree it came from."""

    path: Path
    data: dict[str, Any]
    node: MappingNode
    kept: tuple[Problem, ...] = ()  # problems that did not stop reading the rest

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


def read_bytes(path: Path, root: Root | None = None) -> bytes | Problem:
    """The file's UTF-8 bytes (checked, not copied into a str: libyaml reads bytes faster),
    or a Problem saying why it cannot be read as UTF-8 text; never a file outside ``root``."""
    if root is not None and (refused := root.refuses(path)):
        return refused
    raw = read_bounded(path, MAX_BYTES, "YAML text")
    if isinstance(raw, str):
        return Problem(path, raw)
    if len(raw) > MAX_BYTES:
        return Problem(path, f"is larger than {MAX_BYTES // 1024} KiB: not a profile file")
    if b"\x00" in raw:
        return Problem(path, "is a binary file, not YAML text")
    try:
        raw.decode("utf-8")
        return raw
    except UnicodeDecodeError as exc:
        line = raw.count(b"\n", 0, exc.start) + 1
        return Problem(
            path, f"is not UTF-8 text (byte {raw[exc.start]:#04x}): save it as UTF-8", line
        )


def parse(path: Path, text: bytes) -> Document | Problem:
    """Parse ``text`` (from ``path``) into a Document whose top level is a mapping."""
    if crowded := too_many_values(text):
        return Problem(path, crowded.message, crowded.line, crowded.column)
    loader = ProfileLoader(text)
    try:
        node = loader.get_single_node()
        if node is None:
            return Problem(
                path, "is empty: expected a mapping of keys (see `consortium schema`)", 1
            )
        data = loader.construct_document(node)
        kept = tuple(
            Problem(path, message, mark.line + 1, mark.column + 1) for message, mark in loader.kept
        )
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        line, column = (mark.line + 1, mark.column + 1) if mark else (0, 0)
        return Problem(path, _yaml_message(exc, text, mark), line, column)
    except yaml.reader.ReaderError as exc:  # a character YAML does not allow
        return _bad_character(path, text, exc)
    except yaml.YAMLError as exc:
        return Problem(path, shorten(f"is not valid YAML: {exc}", 300))
    except RecursionError:
        return Problem(path, "nests too deeply: not a profile file")
    finally:
        loader.dispose()
    if not isinstance(data, dict):
        kind = "a list" if isinstance(data, list) else f"a single value ({data!r:.40})"
        return Problem(path, f"expected a mapping of keys at the top level, found {kind}", 1, 1)
    return Document(path, data, node, kept)


def _yaml_message(exc: yaml.MarkedYAMLError, source: bytes, mark: Any) -> str:
    """One line from PyYAML's multi-line messages: what is wrong, in its words."""
    parts = [p for p in (exc.context, exc.problem) if p]
    text = shorten("; ".join(parts), 300) if parts else "invalid YAML"
    if exc.note:
        return f"{text} ({shorten(exc.note, 200)})"
    if exc.problem == "found unhashable key":
        return "a key must be a name, not a list or a mapping: check the ':' and the indentation"
    if isinstance(exc, ConstructorError) and exc.problem:
        return shorten(exc.problem, 300)
    if mark and _line_of(source, mark.line)[mark.column : mark.column + 1] == "\t":
        return "a tab where YAML expects spaces: indent with spaces, never tabs"
    if indented := _indentation(exc, mark):
        return indented
    return f"YAML syntax error: {text}"


def _indentation(exc: yaml.MarkedYAMLError, mark: Any) -> str:
    """PyYAML's parser states, said as the indentation mistake they nearly always are."""
    start = exc.context_mark
    if exc.problem == "mapping values are not allowed here" or (exc.problem or "").startswith(
        "mapping values are not allowed"
    ):
        return (
            "this line is indented more than the key above it: YAML expected the keys of one "
            "mapping to start in the same column (or quote a value that holds ': ')"
        )
    if mark is None or start is None:
        return ""
    what = {"while parsing a block mapping": "a key", "while parsing a block collection": "an item"}
    expected = what.get(exc.context or "")
    if expected is None:
        return ""
    return (
        f"this line's indentation (column {mark.column + 1}) matches nothing above it: YAML "
        f"expected {expected} in column {start.column + 1} (as on line {start.line + 1}) "
        "or in line with the lines just above"
    )


def _line_of(source: bytes, index: int) -> str:
    """Line ``index`` (0-based) of ``source``; only ever called on the error path."""
    lines = source.split(b"\n")
    return lines[index].decode("utf-8", "replace") if 0 <= index < len(lines) else ""


def _bad_character(path: Path, source: bytes, exc: yaml.reader.ReaderError) -> Problem:
    found = _NOT_YAML.search(source)
    if found is None:
        return Problem(path, shorten(f"is not valid YAML: {exc}", 300))
    start = found.start()
    line = source.count(b"\n", 0, start) + 1
    column = len(source[source.rfind(b"\n", 0, start) + 1 : start].decode("utf-8")) + 1
    code = ord(found.group().decode("utf-8"))
    return Problem(
        path,
        f"holds a control character (U+{code:04X}) that YAML does not allow: remove it",
        line,
        column,
    )


def load(path: Path, root: Root | None = None) -> Document | Problem:
    """Read and parse one file (refused if it leads outside ``root``)."""
    text = read_bytes(path, root)
    if isinstance(text, Problem):
        return text
    return parse(path, text)
