"""A request file written by hand, in the README's field order, safe from YAML 1.1.

PyYAML reads YAML 1.1, where ``NO`` is false, ``1:30`` is 90 and ``1.10`` is 1.1 (docs/sources.md): a value is written plain only when it starts with a letter, holds nothing YAML
treats specially and is no yes/no/on/off/null word; anything else is double-quoted. Long
texts are literal blocks. A field not found is a comment saying what to fill in.
"""

from __future__ import annotations

import json
import re
from datetime import date
from typing import Any

from consortium.importing.extract import Imported
from consortium.text import visible

ORDER = ("reference", "title", "country", "published", "status", "call", "deadlines", "stage",
         "consortium", "seeking", "keywords", "summary", "description", "source", "expires")  # fmt: skip
BLOCKS = frozenset({"summary", "description"})
_PLAIN = re.compile(r"^[^\W\d_][\w .,&()'/+-]*$")
_WORDS = frozenset({"yes", "no", "true", "false", "on", "off", "y", "n", "null"})
_UNPRINTABLE = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u2028\u2029\ufeff\ufffe\uffff]")


def scalar(value: object) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, date):
        return value.isoformat()
    text = str(value)
    if _PLAIN.match(text) and text.lower() not in _WORDS and not text.endswith(" "):
        return text
    quoted = json.dumps(text, ensure_ascii=False)
    return _UNPRINTABLE.sub(lambda m: f"\\u{ord(m[0]):04x}", quoted)


def _block(text: str, indent: str) -> str:
    """A literal block when the text survives one unchanged, else a quoted scalar."""
    lines = text.split("\n")
    if (
        _UNPRINTABLE.search(text)
        or lines[0][:1] in (" ", "\t")
        or any(line != line.rstrip() for line in lines)
    ):
        return scalar(text)
    return "|-\n" + "\n".join(f"{indent}{line}" if line else "" for line in lines)


def _value(key: str, value: Any, indent: str) -> list[str]:
    if isinstance(value, dict):
        return [f"{indent}{key}:", *_mapping(value, indent + "  ")]
    if isinstance(value, list) and value and isinstance(value[0], dict):
        lines = [f"{indent}{key}:"]
        for item in value:
            inner = _mapping(item, indent + "    ")
            lines += [f"{indent}  - {inner[0].lstrip()}", *inner[1:]]
        return lines
    if isinstance(value, list):
        return [f"{indent}{key}: [{', '.join(scalar(v) for v in value)}]"]
    if key in BLOCKS:
        return [f"{indent}{key}: {_block(str(value), indent + '  ')}"]
    return [f"{indent}{key}: {scalar(value)}"]


def _mapping(data: dict[str, Any], indent: str) -> list[str]:
    return [line for key, value in data.items() for line in _value(key, value, indent)]


def render(imported: Imported, origin: str) -> str:
    """The file's text: a header naming the source, the fields, and a comment per gap."""
    lines = [
        f"# Imported by `consortium import` from {visible(origin)}: check it against the profile."
    ]
    lines += [f"# Note: {visible(note)}" for note in imported.notes]
    missing = imported.missing
    for key in ORDER:
        if key in imported.data:
            lines += _value(key, imported.data[key], "")
            lines += [
                f"# unsure: {k}: {visible(why)}: check it" for k, why in _unsure(imported, key)
            ]
            lines += [f"  # {k.split('.', 1)[1]}: {_gap(h)}" for k, h in _under(missing, key)]
        elif key in missing:
            lines.append(f"# {key}: {_gap(missing[key])}")
        elif children := _under(missing, key):
            lines.append(f"# {key}:")
            lines += [f"#   {k.split('.', 1)[1]}: {_gap(h)}" for k, h in children]
    return "\n".join(lines) + "\n"


def _unsure(imported: Imported, key: str) -> list[tuple[str, str]]:
    return [(k, w) for k, w in imported.unsure.items() if k == key or k.startswith(f"{key}.")]


def _under(missing: dict[str, str], key: str) -> list[tuple[str, str]]:
    return [(k, h) for k, h in missing.items() if k.startswith(f"{key}.")]


def _gap(hint: str) -> str:
    return f"not found in the profile: fill in {hint}"
