"""A request file written by hand, in the README's field order, safe from YAML 1.1.

Values go through ``yamlwriter`` (``NO``, ``1:30`` or ``1.10`` come out quoted, so they read
back as written); long texts are literal blocks. A field not found is a comment saying
what to fill in.
"""

from __future__ import annotations

from typing import Any

from consortium.display.text import visible
from consortium.files.yamlwriter import block_mapping
from consortium.importing.extract import Imported

ORDER = ("reference", "title", "country", "published", "status", "call", "deadlines", "stage",
         "consortium", "seeking", "keywords", "summary", "description", "source", "expires")  # fmt: skip
BLOCKS = frozenset({"summary", "description"})


def _value(key: str, value: Any) -> list[str]:
    return block_mapping({key: value}, blocks=BLOCKS)


def request_text(imported: Imported, origin: str) -> str:
    """The file's text: a header naming the source, the fields, and a comment per gap."""
    lines = [
        f"# Imported by `consortium import` from {visible(origin)}: check it against the profile."
    ]
    lines += [f"# Note: {visible(note)}" for note in imported.notes]
    missing = imported.missing
    for key in ORDER:
        if key in imported.data:
            lines += _value(key, imported.data[key])
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
