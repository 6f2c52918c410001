"""Read one YAML file safely, keeping the node tree so any error can name its line.

Limits (documented in the README): files over ``MAX_BYTES`` are refused before parsing,
aliases and anchors are refused (partner-search files need none, and an alias bomb is
cheap to load but explodes when walked), duplicate keys are an error (PyYAML would
silently keep the last one), and nesting deeper than ``MAX_DEPTH`` levels is refused.
Keys must be text (``1:``, ``no:`` or ``[a]:`` as a key is an error), and a value PyYAML's
constructors would crash on (``2021-02-31``, an integer of 5000 digits) is a located error.
Only regular files are read: a FIFO or a device would block or never end.
"""

from __future__ import annotations

import errno
import os
import re
import stat
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml
from yaml.constructor import ConstructorError
from yaml.nodes import MappingNode, Node, ScalarNode, SequenceNode

from consortium.problems import Problem

MAX_BYTES = 1024 * 1024
MAX_DEPTH = 100  # levels of lists and mappings; profiles use 4 (libyaml stops at 1000)
MAX_SHOWN = 60  # characters of a user's value quoted in a message
MAX_DIGITS = 100  # a larger integer is no count, year or PIC (and str() fails over 4300)
_MAX_BITS = int("9" * MAX_DIGITS).bit_length()

_READ_AS = {
    "tag:yaml.org,2002:bool": "a yes/no value",
    "tag:yaml.org,2002:int": "a number",
    "tag:yaml.org,2002:float": "a number",
    "tag:yaml.org,2002:null": "an empty value",
    "tag:yaml.org,2002:timestamp": "a date",
}
# Characters YAML refuses (C0 and C1 controls but tab and line breaks, U+FFFE, U+FFFF) as
# UTF-8 bytes: searched for only once libyaml has refused one, to name its line and column.
_NOT_YAML = re.compile(
    rb"[\x01-\x08\x0b\x0c\x0e-\x1f\x7f]|\xc2[\x80-\x84\x86-\x9f]|\xef\xbf[\xbe\xbf]"
)
_CONTROL = re.compile("[\x00-\x1f\x7f-\x9f\u2028\u2029]")


def shorten(text: str, limit: int = MAX_SHOWN) -> str:
    """A user's text fit for a one-line message: line breaks escaped, at most ``limit`` chars."""
    if len(text) > limit:
        text = text[: limit - 3] + "..."
    return _CONTROL.sub(lambda m: repr(m[0])[1:-1], text)


_BaseLoader: Any = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


_STR = "tag:yaml.org,2002:str"
_MAP = "tag:yaml.org,2002:map"
_SEQ = "tag:yaml.org,2002:seq"


class _Loader(_BaseLoader):  # type: ignore[misc]
    """Safe loader that builds plain data in one tight pass over the node tree.

    PyYAML's generic construction (generators, per-node state, merge keys) is most of the
    cost of loading a file; text, mappings and lists, nearly all of a profile, are built
    here directly, and every other scalar (numbers, dates, yes/no) by PyYAML's safe
    constructors. The same pass refuses what a profile never needs: aliases (a node met
    twice: an alias bomb is cheap to load but explodes when walked), duplicate keys, keys
    that are not text, merge keys and other collection tags.
    """

    def construct_document(self, node: Node) -> Any:
        return self._build(node, set(), 1)

    # No path resolvers are registered, so the composer's per-node bookkeeping for them is
    # skipped: libyaml calls these from Python for every node.
    def descend_resolver(self, current_node: Any, current_index: Any) -> None:
        return None

    def ascend_resolver(self) -> None:
        return None

    def _build(self, node: Node, seen: set[int], depth: int) -> Any:
        if id(node) in seen:
            raise ConstructorError(
                None, None, "aliases (*name) are not allowed: write the value out", node.start_mark
            )
        seen.add(id(node))
        tag = node.tag
        if tag == _STR and isinstance(node, ScalarNode):
            return node.value
        if depth > MAX_DEPTH:
            raise ConstructorError(
                None,
                None,
                f"nests deeper than {MAX_DEPTH} levels: not a profile file",
                node.start_mark,
            )
        if tag == _MAP and isinstance(node, MappingNode):
            return self._mapping(node, seen, depth + 1)
        if tag == _SEQ and isinstance(node, SequenceNode):
            return [self._build(item, seen, depth + 1) for item in node.value]
        if not isinstance(node, ScalarNode):
            raise ConstructorError(
                None,
                None,
                f"the YAML tag {shorten(tag)} is not used in these files",
                node.start_mark,
            )
        return self.construct_object(node, deep=True)

    def _mapping(self, node: MappingNode, seen: set[int], depth: int) -> dict[str, Any]:
        mapping: dict[str, Any] = {}
        for key_node, value_node in node.value:
            if key_node.tag != _STR or not isinstance(key_node, ScalarNode):
                _refuse_key(key_node)
            mapping[key_node.value] = self._build(value_node, seen, depth)
        if len(mapping) != len(node.value):
            _refuse_duplicates(node)
        return mapping


def _unreadable(node: Node, kind: str, exc: Exception) -> str:
    """Why a scalar PyYAML resolved as ``kind`` cannot be built: ``2021-02-31``, ``0x_``,
    an integer too large to print (``0xfff...``: str() refuses over 4300 digits), ``!!bool
    maybe``."""
    value = str(node.value)
    if kind == "a date":
        from consortium.dates import parse_date_or_datetime

        try:
            parse_date_or_datetime(value)
        except ValueError as error:
            return str(error)
        return f"cannot read '{shorten(value)}' as a date and time ({shorten(str(exc))})"
    if kind == "a number" and (isinstance(exc, OverflowError) or len(value) > MAX_DIGITS):
        return f"the number {shorten(value, 20)} is too large ({len(value)} characters)"
    return f"YAML cannot read '{shorten(value)}' as {kind}: quote it if it is text"


def _refuse_unreadable(tag: str, kind: str) -> None:
    """Turn a crash in the constructor of ``tag`` into a located ConstructorError."""
    build = yaml.constructor.SafeConstructor.yaml_constructors[tag]

    def construct(loader: Any, node: Node) -> Any:
        try:
            value = build(loader, node)
            if type(value) is int and value.bit_length() > _MAX_BITS:  # 0x, 0b, 1:0:0:...
                raise OverflowError
            return value
        except (ValueError, TypeError, KeyError, AttributeError, OverflowError) as exc:
            raise ConstructorError(
                None, None, _unreadable(node, kind, exc), node.start_mark
            ) from None

    _Loader.add_constructor(tag, construct)


for _tag, _kind in _READ_AS.items():
    _refuse_unreadable(_tag, _kind)


def _refuse_duplicates(node: MappingNode) -> None:
    seen: dict[str, int] = {}
    for key_node, _ in node.value:
        if isinstance(key_node, ScalarNode):
            line = key_node.start_mark.line + 1
            if key_node.value in seen:  # on another line, or twice on one: {a: 1, a: 2}
                raise ConstructorError(
                    None,
                    None,
                    f"duplicate key '{shorten(key_node.value)}' (first on line "
                    f"{seen[key_node.value]}): keep one",
                    key_node.start_mark,
                )
            seen[key_node.value] = line


def _refuse_key(node: Node) -> None:
    """Keys are names: `1:`, `no:` or `2020-01-01:` as a key is read as a number, a yes/no
    or a date, `[a]:` as a list, and no file of any kind has such keys."""
    if node.tag == "tag:yaml.org,2002:merge":
        message = "merge keys (<<) are not allowed: write the keys out"
    elif isinstance(node, ScalarNode):
        kind = _READ_AS.get(node.tag, f"the YAML tag {shorten(node.tag)}")
        message = (
            f"YAML reads the key '{shorten(node.value)}' as {kind}, not a name: "
            "keys are names such as 'country' (quote it if it is one)"
        )
    else:
        message = "a key must be a name, not a list or a mapping"
    raise ConstructorError(None, None, message, node.start_mark)


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


_OPEN_FLAGS = os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_BINARY", 0)


def read_bytes(path: Path) -> bytes | Problem:
    """The file's UTF-8 bytes (checked, not copied into a str: libyaml reads bytes faster),
    or a Problem saying why it cannot be read as UTF-8 text."""
    try:
        # O_NONBLOCK: opening a FIFO must not wait for a writer; reading a file is unaffected
        with open(os.open(path, _OPEN_FLAGS), "rb") as handle:
            mode = os.fstat(handle.fileno()).st_mode
            if stat.S_ISDIR(mode):
                raise IsADirectoryError
            if not stat.S_ISREG(mode):
                return Problem(path, "is not a regular file (a pipe or a device): not YAML text")
            raw = handle.read(MAX_BYTES + 1)
    except IsADirectoryError:
        return Problem(path, "is a directory, not a file: name a .yaml file inside it")
    except FileNotFoundError:
        if os.path.islink(path):
            target = os.readlink(path)
            return Problem(
                path, f"is a link to {target}, which does not exist: fix or remove the link"
            )
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
        raw.decode("utf-8")
        return raw
    except UnicodeDecodeError as exc:
        line = raw.count(b"\n", 0, exc.start) + 1
        return Problem(
            path, f"is not UTF-8 text (byte {raw[exc.start]:#04x}): save it as UTF-8", line
        )


def parse(path: Path, text: bytes) -> Document | Problem:
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
    return Document(path, data, node)


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
    return f"YAML syntax error: {text}"


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


def load(path: Path) -> Document | Problem:
    """Read and parse one file."""
    text = read_bytes(path)
    if isinstance(text, Problem):
        return text
    return parse(path, text)
