"""`suggest --apply N`: add a suggestion's clusters to consortium.yaml as invited members.

The file is edited as text, not re-dumped: everything but the inserted lines stays byte for
byte, comments included. The new text must validate before it is written (atomically, by
``writes.write_text``); otherwise the file is not touched.
"""

from __future__ import annotations

from pathlib import Path

from yaml.nodes import MappingNode, ScalarNode, SequenceNode

from consortium.loading import validate
from consortium.matching.suggest import Suggestion
from consortium.models import ConsortiumFile
from consortium.problems import Problem
from consortium.writes import write_text
from consortium.yamlfile import Document, parse, read_bytes


def entry(cluster_id: str, role: str) -> str:
    return f"{{cluster: {cluster_id}, role: {role}, status: invited}}"


def with_additions(doc: Document, text: str, suggestion: Suggestion) -> str:
    """``text`` with the suggestion's members appended to its ``members:`` list."""
    entries = [entry(a.candidate.cluster_id, a.role) for a in suggestion.additions]
    members = _members_node(doc.node)
    if members is None:
        tail = "" if text.endswith("\n") or not text else "\n"
        return text + tail + "members:\n" + "".join(f"  - {e}\n" for e in entries)
    if members.flow_style or not members.value:
        return _into_flow(text, members, entries)
    first = members.value[0].start_mark
    indent = " " * (first.column - 2) if first.column >= 2 else ""
    last_end = members.value[-1].end_mark.index  # in characters, as libyaml counts them
    if last_end and text[last_end - 1] == "\n":  # a block mapping ends at the next line
        cut = last_end
    else:
        cut = text.find("\n", last_end)
        cut = len(text) if cut < 0 else cut + 1
    lines = "".join(f"{indent}- {e}\n" for e in entries)
    head = text[:cut] if text[:cut].endswith("\n") else text[:cut] + "\n"
    return head + lines + text[cut:]


def _members_node(root: MappingNode) -> SequenceNode | None:
    for key, value in root.value:
        if (
            isinstance(key, ScalarNode)
            and key.value == "members"
            and isinstance(value, SequenceNode)
        ):
            return value
    return None


def _into_flow(text: str, members: SequenceNode, entries: list[str]) -> str:
    """`members: []` or `members: [{...}]`: the new entries go before the closing bracket."""
    close = members.end_mark.index - 1  # the ']'
    joiner = ", " if members.value else ""
    return text[:close] + joiner + ", ".join(entries) + text[close:]


def apply(path: Path, suggestion: Suggestion) -> Problem | None:
    """Write the suggestion into the consortium file, or say why not (file untouched)."""
    raw = read_bytes(path)
    if isinstance(raw, Problem):
        return raw
    doc = parse(path, raw)
    if isinstance(doc, Problem):
        return doc
    new = with_additions(doc, raw.decode("utf-8"), suggestion)
    check = parse(path, new.encode("utf-8"))
    result = validate(check, ConsortiumFile) if isinstance(check, Document) else [check]
    if isinstance(result, list):
        first = result[0].message if result else "unknown"
        return Problem(path, f"not changed: the result would not validate ({first})")
    return write_text(path, new, force=True)
