"""The one way the tool writes YAML: every value reads back as the value written.

PyYAML reads YAML 1.1, where ``no`` is false, ``on`` true, ``2024`` a number, ``1.10`` the
number 1.1, ``1:30`` is 90 and ``null`` nothing (docs/sources.md). A string is written plain
only when it starts with a letter, holds nothing YAML treats specially and is no YAML 1.1
word; anything else is double-quoted (a JSON string, which YAML reads as written), with
characters YAML refuses escaped. In a flow
collection (``{cluster: pt, role: partner}``) a comma ends a plain scalar, so it is quoted
there too. `import`, `init` and `suggest --apply` all write through here; a test reads back
what it writes, for any text.
"""

from __future__ import annotations

import json
import re
from datetime import date
from typing import Any

_PLAIN = re.compile(r"^[^\W\d_][\w .,&()'/+-]*$")
_WORDS = frozenset({"yes", "no", "true", "false", "on", "off", "y", "n", "null"})
_UNPRINTABLE = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u2028\u2029\ufeff\ufffe\uffff]")


def scalar(value: object, flow: bool = False) -> str:
    """``value`` as one YAML scalar: booleans, numbers and dates as themselves, a string
    plain when it reads back unchanged, else double-quoted (inside a flow collection when
    ``flow``)."""
    if value is None:
        return "null"
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int | float):
        return repr(value)
    if isinstance(value, date):
        return value.isoformat()
    text = str(value)
    # fullmatch: the pattern's `$` also matches before a final "\n", which would go out plain
    plain = _PLAIN.fullmatch(text) and text.lower() not in _WORDS and not text.endswith(" ")
    if plain and not (flow and "," in text):
        return text
    quoted = json.dumps(text, ensure_ascii=False)
    return _UNPRINTABLE.sub(lambda m: f"\\u{ord(m[0]):04x}", quoted)


def flow_mapping(data: dict[str, Any]) -> str:
    """``{cluster: pt-norte, role: partner}``: one line, each key and value safe in flow."""
    return "{" + ", ".join(f"{scalar(k, True)}: {scalar(v, True)}" for k, v in data.items()) + "}"


def flow_sequence(items: list[Any]) -> str:
    return "[" + ", ".join(scalar(v, True) for v in items) + "]"


def literal(text: str, indent: str) -> str:
    """A literal block (``|-``) when the text survives one unchanged, else a quoted scalar."""
    lines = text.split("\n")
    if (
        _UNPRINTABLE.search(text)
        or text.endswith("\n")  # `|-` strips the final line breaks: "\n" would read back ""
        or lines[0][:1] in (" ", "\t")
        or any(line != line.rstrip() for line in lines)
    ):
        return scalar(text)
    return "|-\n" + "\n".join(f"{indent}{line}" if line else "" for line in lines)


def block_mapping(
    data: dict[str, Any], indent: str = "", blocks: frozenset[str] = frozenset()
) -> list[str]:
    """The lines of ``data`` as a block mapping; a list of mappings as block items, a list
    of scalars as a flow sequence, the keys in ``blocks`` as literal blocks."""
    lines: list[str] = []
    for key, value in data.items():
        name = scalar(key)
        if isinstance(value, dict):
            lines += [f"{indent}{name}:", *block_mapping(value, indent + "  ", blocks)]
        elif isinstance(value, list) and value and isinstance(value[0], dict):
            lines.append(f"{indent}{name}:")
            for item in value:
                inner = block_mapping(item, indent + "    ", blocks)
                lines += [f"{indent}  - {inner[0].lstrip()}", *inner[1:]]
        elif isinstance(value, list):
            lines.append(f"{indent}{name}: {flow_sequence(value)}")
        elif key in blocks:
            lines.append(f"{indent}{name}: {literal(str(value), indent + '  ')}")
        else:
            lines.append(f"{indent}{name}: {scalar(value)}")
    return lines
