"""The EEN profile text parser: labelled lines, headed blocks and free paragraphs.

Current EEN pages label each field ("Deadline for EOIs: 15/08/2024") or head a block
("Summary", then paragraphs); older pages give a title line, a few labelled lines, then
free-flowing paragraphs (``shared/seeds/RDFR20201119001.txt``). One pass reads both: a
labelled line sets its field, a heading collects the text below it, and anything else is a
title candidate (before the first label) or a body paragraph (after it).
"""

from __future__ import annotations

from dataclasses import dataclass, field

from consortium.importing.field_labels import (
    block_initials,
    block_pattern,
    field_of,
    inline_pattern,
)
from consortium.importing.profile_fields import Fields
from consortium.importing.reading import MAX_TEXT_BYTES

# Headings whose text runs over paragraphs, and the labelled fields each may contain.
MULTI = {"summary": frozenset[str](), "description": frozenset[str](),
         "partner": frozenset({"partner_type", "partner_role", "coordinator_required"})}  # fmt: skip


_IGNORED = "-"  # a field given twice: the first value stands, the second's lines are skipped


@dataclass
class _State:
    fields: Fields = field(default_factory=Fields)
    block: str | None = None  # the heading being read
    block_lines: list[str] = field(default_factory=list)
    inline: str | None = None  # the labelled field whose value runs on
    paragraph: list[str] = field(default_factory=list)
    labelled: bool = False

    def end_paragraph(self) -> None:
        if self.paragraph:
            self.fields.body.append("\n".join(self.paragraph))
            self.paragraph = []

    def end_block(self) -> None:
        if self.block:
            self.fields.put(self.block, "\n".join(self.block_lines).strip())
        self.block, self.block_lines = None, []


def parse_text(text: str) -> Fields:
    """The fields of one profile text (line endings already normalised)."""
    state = _State()
    for line in text.split("\n"):
        _read_line(state, line.strip())
    state.end_paragraph()
    state.end_block()
    return state.fields


def _read_line(state: _State, line: str) -> None:
    if line[:1].lower() in block_initials() and (heading := block_pattern().match(line)):
        state.end_paragraph()
        state.end_block()
        state.block, state.inline, state.labelled = field_of(heading), None, True
    elif (":" in line or "\uff1a" in line) and (labelled := inline_pattern().match(line)):
        _read_label(state, field_of(labelled), labelled.group("value"), line)
    elif not line:
        state.end_paragraph()
        state.inline = None
        if state.block in MULTI:
            state.block_lines.append("")
        elif state.block and any(state.block_lines):
            state.end_block()
    else:
        _read_words(state, line)


def _read_label(state: _State, name: str, value: str, line: str) -> None:
    state.end_paragraph()
    state.labelled = True
    if state.block in MULTI and name in MULTI[state.block]:
        state.block_lines.append(line)
    else:
        state.end_block()
    state.inline = name if state.fields.put(name, value) else _IGNORED


def _read_words(state: _State, line: str) -> None:
    if state.inline:
        if state.inline != _IGNORED:
            current = state.fields.values.get(state.inline, "")
            state.fields.values[state.inline] = f"{current} {line}".strip()
        if state.block in MULTI:
            state.block_lines.append(line)
    elif state.block:
        state.block_lines.append(line)
    elif state.labelled:
        state.paragraph.append(line)
    else:
        state.fields.head.append(line)


# As an import source (``consortium.importing.sources``): any other file, read as the text
# of one profile (the last source asked: it takes what no other recognises).
CHANNEL = "Enterprise Europe Network"
SUFFIXES: tuple[str, ...] = ()
LIMIT = MAX_TEXT_BYTES


def recognises(suffix: str, text: str) -> bool:
    return True


def profiles(text: str, note: str | None) -> list[Fields | str] | str:
    """One profile: the current pages' copied text when it is one, else labelled lines and
    paragraphs."""
    from consortium.importing.page_layout import copied_text, fields_of

    page = copied_text(text)
    fields = fields_of(page) if page is not None else parse_text(text)
    if note:
        fields.notes.append(note)
    return [fields]
