"""The YAML loader for profile files: plain data in one pass, and nothing a profile never needs.

Refused, each as a located ConstructorError: aliases (an alias bomb is cheap to load but
explodes when walked), duplicate keys (PyYAML would silently keep the last one), keys that
are not text (``1:``, ``no:``, ``[a]:``), merge keys and other collection tags, nesting
deeper than ``MAX_DEPTH``, and values PyYAML's constructors would crash on (``2021-02-31``,
an integer of 5000 digits).
"""

from __future__ import annotations

from typing import Any, NamedTuple

import yaml
from yaml.constructor import ConstructorError
from yaml.events import AliasEvent, MappingStartEvent, ScalarEvent, SequenceStartEvent
from yaml.nodes import MappingNode, Node, ScalarNode, SequenceNode

from consortium.files.problems import shorten

MAX_DEPTH = 100  # levels of lists and mappings; profiles use 4 (libyaml stops at 1000)
MAX_VALUES = 10_000  # values in one file; a profile has about 50, a 200-member consortium 1 000
MAX_ITEMS = 1_000  # items of one list or keys of one mapping
MAX_DIGITS = 100  # a larger integer is no count, year or PIC (and str() fails over 4300)
_MAX_BITS = int("9" * MAX_DIGITS).bit_length()

_READ_AS = {
    "tag:yaml.org,2002:bool": "a yes/no value",
    "tag:yaml.org,2002:int": "a number",
    "tag:yaml.org,2002:float": "a number",
    "tag:yaml.org,2002:null": "an empty value",
    "tag:yaml.org,2002:timestamp": "a date",
}
_BaseLoader: Any = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


_STR = "tag:yaml.org,2002:str"
_BOOL = "tag:yaml.org,2002:bool"
_BOOLS = ("true", "false")  # the YAML 1.2 booleans; yes/no/on/off are YAML 1.1 only
_TRUE = ("yes", "on", "y", "true")
_MAP = "tag:yaml.org,2002:map"
_SEQ = "tag:yaml.org,2002:seq"


class ProfileLoader(_BaseLoader):  # type: ignore[misc]
    """Safe loader that builds plain data in one tight pass over the node tree.

    PyYAML's generic construction (generators, per-node state, merge keys) is most of the
    cost of loading a file; text, mappings and lists, nearly all of a profile, are built
    here directly, and every other scalar (numbers, dates, yes/no) by PyYAML's safe
    constructors. The same pass refuses what a profile never needs: aliases (a node met
    twice: an alias bomb is cheap to load but explodes when walked), duplicate keys, keys
    that are not text, merge keys and other collection tags.
    """

    def construct_document(self, node: Node) -> Any:
        """The data; problems that need not stop the rest of the file (a duplicate key, a
        YAML 1.1 yes/no) are kept in ``self.kept`` with their marks, so one pass reports
        them with every other problem of the file."""
        self.kept: list[tuple[str, Any]] = []
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
        if isinstance(node, (MappingNode, SequenceNode)) and len(node.value) > MAX_ITEMS:
            what = "keys" if isinstance(node, MappingNode) else "items"
            raise ConstructorError(
                None,
                None,
                f"too many {what} ({len(node.value)}; at most {MAX_ITEMS}): not a profile file",
                node.start_mark,
            )
        if tag == _MAP and isinstance(node, MappingNode):
            return self._mapping(node, seen, depth + 1)
        if tag == _BOOL and isinstance(node, ScalarNode) and node.value.lower() not in _BOOLS:
            self.kept.append(
                (
                    f"YAML 1.1 reads '{shorten(node.value)}' as {node.value.lower() in _TRUE}, "
                    "editors (YAML 1.2) as text: write true or false (or quote it if it is text)",
                    node.start_mark,
                )
            )
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
        """Keys are names; a duplicate key keeps its first value and is reported."""
        mapping: dict[str, Any] = {}
        first_line: dict[str, int] = {}
        for key_node, value_node in node.value:
            if key_node.tag != _STR or not isinstance(key_node, ScalarNode):
                _refuse_key(key_node)
            key = key_node.value
            value = self._build(value_node, seen, depth)
            if key in first_line:  # on another line, or twice on one: {a: 1, a: 2}
                self.kept.append(
                    (
                        f"duplicate key '{shorten(key)}' (first on line {first_line[key]}): "
                        "keep one",
                        key_node.start_mark,
                    )
                )
                continue
            first_line[key] = key_node.start_mark.line + 1
            mapping[key] = value
        return mapping


def _unreadable(node: Node, kind: str, exc: Exception) -> str:
    """Why a scalar PyYAML resolved as ``kind`` cannot be built: ``2021-02-31``, ``0x_``,
    an integer too large to print (``0xfff...``: str() refuses over 4300 digits), ``!!bool
    maybe``."""
    value = str(node.value)
    if kind == "a date":
        from consortium.facts.dates import parse_date_or_datetime

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

    ProfileLoader.add_constructor(tag, construct)


for _tag, _kind in _READ_AS.items():
    _refuse_unreadable(_tag, _kind)


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


class Crowded(NamedTuple):
    """A file with more values than any profile has, and where the excess starts."""

    message: str
    line: int
    column: int


_SEPARATORS = (b",", b"\n", b":", b"-", b"[", b"{", b"?")
_VALUE_EVENTS = (ScalarEvent, MappingStartEvent, SequenceStartEvent, AliasEvent)


def too_many_values(text: bytes) -> Crowded | None:
    """Whether ``text`` holds more than ``MAX_VALUES`` values, found before composing it.

    Composing the node tree of a 1 MiB file of ``[1,1,1,...]`` takes 170 MB and 1.6 s, and
    validating it a gigabyte: the count comes first and stops at the limit. Each value is
    set apart by one of ``_SEPARATORS``, so when they are few (every real profile) there is
    nothing to count; otherwise the parser's events are counted, never kept.
    """
    if len(text) < MAX_VALUES or sum(text.count(sep) for sep in _SEPARATORS) < MAX_VALUES:
        return None  # each value takes a separator, so a file this short cannot hold too many
    parser = _BaseLoader(text)
    try:
        count = 0
        while parser.check_event():
            event = parser.get_event()
            if isinstance(event, _VALUE_EVENTS):
                count += 1
                if count > MAX_VALUES:
                    mark = event.start_mark
                    line, column = (mark.line + 1, mark.column + 1) if mark else (0, 0)
                    message = f"too many values (over {MAX_VALUES}): not a profile file"
                    return Crowded(message, line, column)
    except yaml.YAMLError:
        return None  # a syntax error: parsing reports it, with its line
    finally:
        parser.dispose()
    return None
