"""The call an R&D request names: its identifier, programme and title, and the deadlines.

An RDR must state the framework programme, the call title and identifier, the EOI deadline
and the call deadline (EEN Partnering Profile Quality Guidelines, docs/sources.md). EU call
identifiers look like ``COS-CLUSTER-2020-3-03`` or ``HORIZON-CL5-2024-D3-01-02``: dash-joined
capitals and digits around a year.

Identifiers are found by scanning dash-joined runs once (``call_ids``), not by a pattern
with nested repetition: ``(?:-[A-Z0-9]+)*-20\\d\\d`` backtracks over every dash of a run
from every start, and 64 KB of ``A-A-A-...`` took 35 s (README, "Errors and limits").
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from datetime import date
from typing import Any

from consortium.facts.dates import DateError, parse_date
from consortium.importing.profile_fields import Fields
from consortium.importing.vocabulary import PROGRAMMES, first_in

_RUN = re.compile(r"[\w-]+")  # words and dashes: a call id lies inside one such run
_PART = re.compile(r"[A-Z0-9]+", re.ASCII)
_DATE = re.compile(
    r"(?<!\d)\d{4}-\d{1,2}-\d{1,2}(?!\d)|\b\d{1,2}[/.]\d{1,2}[/.]\d{4}\b"
    r"|\b\d{1,2}(?:st|nd|rd|th)?\s+[A-Za-z]{3,9}\.?,?\s+\d{4}\b|\b[A-Za-z]{3,9}\s+\d{1,2},\s+\d{4}\b"
)
_QUOTED_BEFORE_ID = r"[“\"«]([^”\"»]{5,300})[”\"»]\s*\(\s*{id}\s*\)"


def call_ids(text: str) -> Iterator[tuple[int, str]]:
    """Each call identifier in ``text`` and where it starts: dash-joined capitals and digits,
    the first starting with a capital, a later one a year (``20dd``), between non-word
    characters. One pass over the text, one over each run holding ``-20``."""
    for run in _RUN.finditer(text):
        if "-20" in run.group(0):
            yield from _ids_in_run(run.group(0), run.start())


def _ids_in_run(run: str, offset: int) -> Iterator[tuple[int, str]]:
    """The identifiers of one run: each longest stretch of valid parts, from its first part
    starting with a capital that has a year after it, to the stretch's end."""
    start = None  # the index of the first part starting with a capital, in this stretch
    stretch: list[tuple[int, str]] = []  # (offset, part) of the current stretch
    year_after_start = False
    at = offset
    for part in [*run.split("-"), ""]:  # a last empty part closes the last stretch
        is_year = len(part) == 4 and part.startswith("20") and part[2:].isdecimal()
        if is_year or _PART.fullmatch(part):
            if start is None and part[0].isalpha():
                start = len(stretch)
            elif start is not None and is_year:
                year_after_start = True
            stretch.append((at, part))
        else:
            if start is not None and year_after_start:
                first = stretch[start][0]
                yield first, "-".join(p for _, p in stretch[start:])
            start, stretch, year_after_start = None, [], False
        at += len(part) + 1


def call_id_in(text: str) -> str | None:
    """The first call identifier in ``text`` (three parts at least, so "COVID-2019" is none)."""
    for _, found in call_ids(text):
        if found.count("-") >= 2:
            return found
    from consortium.calls.known import PRESET_IDS

    return next((call_id for call_id in PRESET_IDS if call_id in text), None)


def call_of(
    fields: Fields, title: str | None, unsure: dict[str, str] | None = None
) -> str | dict[str, Any] | None:
    """``call: ID`` for a known call the text says nothing more about, else a mapping; on
    the current pages, a call without a topic id keeps its programme and title. What the
    importer is unsure of is said in ``unsure`` (key → why)."""
    labelled = fields.get("call") or ""
    call_id = _topic_id(fields, labelled, title, {} if unsure is None else unsure)
    if call_id is None:
        return _without_id(fields, labelled)
    info: dict[str, Any] = {"id": call_id}
    if programme := _programme(fields, call_id):
        info["programme"] = programme
    if name := _title(labelled, call_id) or _quoted_title(fields.prose, call_id):
        info["title"] = name
    return info if len(info) > 1 or not _is_preset(call_id) else call_id


def _topic_id(
    fields: Fields, labelled: str, title: str | None, unsure: dict[str, str]
) -> str | None:
    """The call's topic id, whole: cross-checked with the page's call link and the prose.

    A title word in capitals may run onto the id ("...-GOVERNANCE-04-AI for ..."): an id
    the link or the prose gives, of which the stated one is that id plus more parts, is
    the id. Without such a check, trailing parts without a digit are cut and the id is
    marked unsure; a link that gives another id wins, marked unsure too."""
    stated = call_id_in(labelled) or call_id_in(title or "") or call_id_in(fields.prose)
    link = _link_id(fields.get("call_link"))
    if stated is None:
        return link
    checks = [c for c in (link, *(i for _, i in call_ids(fields.prose))) if c]
    for check in checks:
        if check == stated:
            return stated
        if stated.startswith(f"{check}-"):
            return check
    if link:
        unsure["call.id"] = f"the call text gives {stated}, the call's link {link}: the link's kept"
        return link
    parts = stated.split("-")
    while len(parts) > 3 and not any(c.isdigit() for c in parts[-1]):
        parts.pop()
    if len(parts) < stated.count("-") + 1:
        whole = "-".join(parts)
        unsure["call.id"] = f"read as {whole}, the text runs on with {stated[len(whole) :]}"
        return whole
    return stated


_TOPIC_LINK = re.compile(r"topic-details/([A-Za-z0-9][A-Za-z0-9-]{4,120})", re.ASCII)


def _link_id(link: str | None) -> str | None:
    """The topic id a Funding & Tenders link names (``.../topic-details/horizon-cl6-...``)."""
    match = _TOPIC_LINK.search(link or "")
    return call_id_in(match.group(1).upper()) if match else None


def _without_id(fields: Fields, labelled: str) -> dict[str, Any] | None:
    """A call the current pages name without a topic id (Eurostars, Interreg): its
    programme and title as written, so nothing the page says is lost."""
    if fields.layout != "page" or not (labelled or fields.get("programme")):
        return None
    info: dict[str, Any] = {}
    if programme := fields.get("programme"):
        info["programme"] = " ".join(programme.split())
    if labelled:
        info["title"] = " ".join(labelled.split())
    return info


def _programme(fields: Fields, call_id: str) -> str | None:
    if labelled := fields.get("programme"):
        if fields.layout == "page":  # as written: "Eureka / Eurostars", "Access to finance"
            return " ".join(labelled.split())
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
    from consortium.calls.known import PRESET_IDS

    return call_id in PRESET_IDS


def date_in(value: str | None, what: str, notes: list[str]) -> date | None:
    """The date a labelled value gives, or None; an impossible one is noted, never guessed."""
    if not value:
        return None
    value = _in_english(value)
    match = _DATE.search(value)
    if match is None:
        notes.append(f"{what}: cannot read a date in '{value[:60]}': fill it in")
        return None
    try:
        return parse_date(" ".join(match.group(0).split()))
    except DateError as exc:
        notes.append(f"{what}: {exc}: fill it in")
        return None


# Month names of the regional mirrors (Italian first), turned to English before parsing.
_MONTH_WORDS = {
    "gennaio": "January", "febbraio": "February", "marzo": "March", "aprile": "April",
    "maggio": "May", "giugno": "June", "luglio": "July", "agosto": "August",
    "settembre": "September", "ottobre": "October", "novembre": "November",
    "dicembre": "December",
}  # fmt: skip
_MONTH_WORD = re.compile(r"\b(" + "|".join(_MONTH_WORDS) + r")\b", re.IGNORECASE)


def _in_english(value: str) -> str:
    return _MONTH_WORD.sub(lambda m: _MONTH_WORDS[m.group(1).lower()], value)


def dates_in(value: str | None) -> list[str]:
    """Each date-like text of a value, in order ("6 May 2026 - 6 May 2027": two)."""
    return [m.group(0) for m in _DATE.finditer(_in_english(value or ""))]
