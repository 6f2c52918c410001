"""`suggest --apply N`: add a suggestion's clusters to consortium.yaml as invited members.

The file is edited as text, not re-dumped: everything but the inserted lines stays byte for
byte, comments included, and CRLF line endings stay CRLF. The new text must validate and
read back the very ids added before it is written (atomically, by ``writes.write_text``);
a file that changed since the suggestion was computed (``fingerprint``) is not touched.
"""

from __future__ import annotations

import hashlib
import re
from pathlib import Path

from yaml.nodes import MappingNode, ScalarNode, SequenceNode

from consortium.files.loading import validate
from consortium.files.problems import Problem
from consortium.files.writes import write_text
from consortium.files.yamlfile import Document, parse, read_bytes
from consortium.files.yamlwriter import flow_mapping
from consortium.matching.suggest import Suggestion
from consortium.models import ConsortiumFile


def fingerprint(raw: bytes) -> str:
    """What a suggestion was computed on: `--apply` writes only onto the same bytes."""
    return hashlib.sha256(raw).hexdigest()


def entry(cluster_id: str, role: str) -> str:
    """One flow mapping that reads back as the same text: ``2024``, ``no``, ``on``, ``1.10``
    or ``null`` come out quoted, ``pt-norte`` plain (``yamlwriter``)."""
    return flow_mapping({"cluster": cluster_id, "role": role, "status": "invited"})


_COMMENT = re.compile(r"(?:^|\s)#")


def with_additions(doc: Document, text: str, suggestion: Suggestion) -> str:
    """``text`` with the suggestion's members appended to its ``members:`` list."""
    entries = [entry(a.candidate.cluster_id, a.role) for a in suggestion.additions]
    nl = "\r\n" if "\r\n" in text else "\n"
    members = _members_node(doc.node)
    if members is None:
        tail = "" if text.endswith("\n") or not text else nl
        return text + tail + f"members:{nl}" + "".join(f"  - {e}{nl}" for e in entries)
    if not members.value and (block := _empty_as_block(text, members, entries, nl)):
        return block
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
    lines = "".join(f"{indent}- {e}{nl}" for e in entries)
    head = text[:cut] if text[:cut].endswith("\n") else text[:cut] + nl
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


def _empty_as_block(text: str, members: SequenceNode, entries: list[str], nl: str) -> str | None:
    """`members: []` alone at the end of its line becomes a block list, one member a
    line, as a person writes it (None when anything follows the brackets on that line)."""
    end = members.end_mark.index
    line_end = text.find("\n", end)
    line_end = len(text) if line_end < 0 else line_end + 1
    if text[end:line_end].strip():
        return None
    line_start = text.rfind("\n", 0, members.start_mark.index) + 1
    indent = " " * (len(text[line_start:]) - len(text[line_start:].lstrip(" ")) + 2)
    lines = "".join(f"{indent}- {e}{nl}" for e in entries)
    return text[: members.start_mark.index].rstrip(" ") + nl + lines + text[line_end:]


def _into_flow(text: str, members: SequenceNode, entries: list[str]) -> str:
    """`members: []` or `members: [{...}]`: the new entries go before the closing bracket."""
    close = members.end_mark.index - 1  # the ']'
    joiner = ", " if members.value else ""
    return text[:close] + joiner + ", ".join(entries) + text[close:]


def refusal(doc: Document, text: str) -> Problem | None:
    """Why the file's ``members:`` cannot be edited as text (at the list), or None."""
    members = _members_node(doc.node)
    if members is None or not (members.flow_style or not members.value):
        return None
    inside = text[members.start_mark.index : members.end_mark.index]
    if _COMMENT.search(inside):
        return Problem(
            doc.path,
            "not changed: a comment inside members: [...] cannot be edited safely: "
            "move it after the list",
            *doc.locate(("members",)),
        )
    return None


CHANGED = "changed since the suggestion was computed: not changed; run `consortium suggest` again"


def apply(path: Path, suggestion: Suggestion, computed_on: str) -> Problem | None:
    """Write the suggestion into the consortium file, or say why not (file untouched).

    ``computed_on`` is the ``fingerprint`` of the bytes the suggestion was computed on;
    the file is read again just before the write, and a change refuses the write."""
    raw = read_bytes(path)
    if isinstance(raw, Problem):
        return raw
    if fingerprint(raw) != computed_on:
        return Problem(path, CHANGED)
    doc = parse(path, raw)
    if isinstance(doc, Problem):
        return doc
    text = raw.decode("utf-8")
    if refused := refusal(doc, text):
        return refused
    new = with_additions(doc, text, suggestion)
    check = parse(path, new.encode("utf-8"))
    result = validate(check, ConsortiumFile) if isinstance(check, Document) else [check]
    if isinstance(result, list):
        first = result[0].message if result else "unknown"
        return Problem(path, f"not changed: the result would not validate ({first})")
    added = [m.cluster for m in result.members[len(result.members) - len(suggestion.additions) :]]
    if added != [a.candidate.cluster_id for a in suggestion.additions]:
        return Problem(path, "not changed: the added ids would not read back as written")
    again = read_bytes(path)
    if isinstance(again, Problem) or fingerprint(again) != computed_on:
        return Problem(path, CHANGED)
    return write_text(path, new, force=True)
