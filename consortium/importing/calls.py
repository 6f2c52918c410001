"""The call an R&D request names: its identifier, programme and title, and the deadlines.

An RDR must state the framework programme, the call title and identifier, the EOI deadline
and the call deadline (EEN Partnering Profile Quality Guidelines, docs/sources.md). EU call
identifiers look like ``COS-CLUSTER-2020-3-03`` or ``HORIZON-CL5-2024-D3-01-02``: dash-joined
capitals and digits around a year.
"""

from __future__ import annotations

import re
from datetime import date
from typing import Any

from consortium.dates import DateError, parse_date
from consortium.importing.fields import Fields
from consortium.importing.vocabulary import PROGRAMMES, first_in

CALL_ID = re.compile(r"\b[A-Z][A-Z0-9]*(?:-[A-Z0-9]+)*-20\d\d(?:-[A-Z0-9]+)*\b")
_DATE = re.compile(
    r"(?<!\d)\d{4}-\d{1,2}-\d{1,2}(?!\d)|\b\d{1,2}[/.]\d{1,2}[/.]\d{4}\b"
    r"|\b\d{1,2}(?:st|nd|rd|th)?\s+[A-Za-z]{3,9}\.?,?\s+\d{4}\b|\b[A-Za-z]{3,9}\s+\d{1,2},\s+\d{4}\b"
)
_QUOTED_BEFORE_ID = r"[“\"«]([^”\"»]{5,300})[”\"»]\s*\(\s*{id}\s*\)"


def call_id_in(text: str) -> str | None:
    """The first call identifier in ``text`` (three parts at least, so "COVID-2019" is none)."""
    for match in CALL_ID.finditer(text):
        if match.group(0).count("-") >= 2:
            return match.group(0)
    from consortium.presets import PRESETS

    return next((p["id"] for p in PRESETS if p["id"] in text), None)


def call_of(fields: Fields, title: str | None) -> str | dict[str, Any] | None:
    """``call: ID`` for a known call the text says nothing more about, else a mapping."""
    labelled = fields.get("call") or ""
    call_id = call_id_in(labelled) or call_id_in(title or "") or call_id_in(fields.prose)
    if call_id is None:
        return None
    info: dict[str, Any] = {"id": call_id}
    if programme := _programme(fields, call_id):
        info["programme"] = programme
    if name := _title(labelled, call_id) or _quoted_title(fields.prose, call_id):
        info["title"] = name
    return info if len(info) > 1 or not _is_preset(call_id) else call_id


def _programme(fields: Fields, call_id: str) -> str | None:
    if labelled := fields.get("programme"):
        return first_in(PROGRAMMES, labelled) or labelled
    for sentence in re.split(r"(?<=[.!?])\s+", fields.prose.replace(call_id, " ")):
        if re.search(r"\bcall\b", sentence, re.IGNORECASE) and (
            found := first_in(PROGRAMMES, sentence)
        ):
            return found
    return None


def _title(labelled: str, call_id: str) -> str | None:
    rest = labelled.replace(call_id, " ", 1).strip(' :-\u2013\u2014()[],"\u201c\u201d')
    return " ".join(rest.split()) or None


def _quoted_title(prose: str, call_id: str) -> str | None:
    match = re.search(_QUOTED_BEFORE_ID.replace("{id}", re.escape(call_id)), prose)
    return " ".join(match.group(1).split()) if match else None


def _is_preset(call_id: str) -> bool:
    from consortium.presets import PRESETS

    return any(p["id"] == call_id for p in PRESETS)


def date_in(value: str | None, what: str, notes: list[str]) -> date | None:
    """The date a labelled value gives, or None; an impossible one is noted, never guessed."""
    if not value:
        return None
    match = _DATE.search(value)
    if match is None:
        notes.append(f"{what}: cannot read a date in '{value[:60]}': fill it in")
        return None
    try:
        return parse_date(" ".join(match.group(0).split()))
    except DateError as exc:
        notes.append(f"{what}: {exc}: fill it in")
        return None
