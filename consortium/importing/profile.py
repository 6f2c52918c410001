"""A profile's own facts: its title, its kind as the page names it, open or closed, and
which fields a profile of its kind should give.

An R&D request must give the programme, the call, whether a coordinator is sought, the EOI
deadline and the call deadline; other profiles live 365 days (extendable), so their
validity date matters (EEN Partnering Profile Quality Guidelines, docs/sources.md).
"""

from __future__ import annotations

import re
from typing import Any

from consortium.facts.reference import Reference
from consortium.importing.call_info import call_ids
from consortium.importing.folding import folded, holds_any
from consortium.importing.profile_fields import Fields
from consortium.importing.vocabulary import PROFILE_TYPES, first_in

_BOILERPLATE = re.compile(
    r"^(?:back to search|international partner search|partnering opportunit(?:y|ies)"
    r"|enterprise europe network|een|print|share|learn more|read more|more info(?:rmation)?"
    r"|see more|details|home)\W*$|invented (?:for|example)",
    re.IGNORECASE,
)
_CLOSED = re.compile(
    r"\bclosed for (?:requests|eois?|expressions? of interest)\b|\bno longer open\b|^closed\.?$"
    r"|\bno longer accepts? (?:eois?|expressions? of interest)\b",
    re.IGNORECASE | re.MULTILINE,
)
_OPEN = re.compile(
    r"\bopen for (?:requests|eois?|expressions? of interest)\b|^open\.?$",
    re.IGNORECASE | re.MULTILINE,
)
# A word every match of _CLOSED, of _OPEN, holds: a text without one skips the pattern.
_CLOSED_WORDS = ("closed", "no longer")
_OPEN_WORDS = ("open",)
_AFTER_CALL = re.compile(r"\s*[:\-\u2013\u2014]\s*")  # "COS-CLUSTER-2020-3-03: Title"

_COMMON = {
    "published": "the date the profile was published (YYYY-MM-DD)",
    "status": "open or closed for expressions of interest (the file says open until told)",
    "summary": "a few lines on what the profile seeks",
}
_BY_KIND = {
    "RD": {
        "call": "the call's identifier (and programme and title if no preset knows it)",
        "deadlines.eoi": "the deadline for expressions of interest",
        "deadlines.call": "the call's deadline",
        "stage": "the stage of development (concept, planning, ...)",
        "seeking.role": "coordinator or partner: is a coordinator sought?",
    },
    "TO": {"stage": "the stage of development", "expires": "the date the profile expires"},
    "TR": {"stage": "the stage of development", "expires": "the date the profile expires"},
    "BO": {"expires": "the date the profile expires"},
    "BR": {"expires": "the date the profile expires"},
}


def title_of(fields: Fields) -> str | None:
    """The labelled title, else the last line above the first label that is no boilerplate
    and no profile kind; without a leading call identifier (the call has its own field)."""
    title = fields.get("title")
    if title is None:
        lines = [h for h in fields.head if not _BOILERPLATE.search(h) and not _is_kind(h)]
        title = lines[-1] if lines else None
    if title is None:
        return None
    return " ".join(_without_leading_call(title.strip()).split()) or None


def _without_leading_call(title: str) -> str:
    """The title without the call identifier and separator it starts with, if it does."""
    found = next(call_ids(title), None)
    if found and found[0] == 0 and (after := _AFTER_CALL.match(title, len(found[1]))):
        return title[after.end() :]
    return title


def _is_kind(line: str) -> bool:
    return len(line) < 60 and first_in(PROFILE_TYPES, line) is not None


def kind_text(fields: Fields, ref: Reference) -> str:
    """The kind as the page names it ("Research & Development Request") when it agrees with
    the reference, else the reference's own kind."""
    named = fields.get("profile_type") or next((h for h in fields.head if _is_kind(h)), None)
    if named and first_in(PROFILE_TYPES, named) == ref.short_kind:
        return " ".join(named.split())
    return ref.kind


def status_of(fields: Fields) -> str | None:
    for text in (fields.get("status") or "", fields.everything):
        words = folded(text)
        if holds_any(words, _CLOSED_WORDS) and _CLOSED.search(text):
            return "closed"
        if holds_any(words, _OPEN_WORDS) and _OPEN.search(text):
            return "open"
    return None


def is_status_line(paragraph: str) -> bool:
    """A paragraph that only says open or closed ("Cooperation offer is closed for
    requests"): the status, not part of the description."""
    return len(paragraph) < 80 and bool(_CLOSED.search(paragraph) or _OPEN.search(paragraph))


def missing_for(ref: Reference, data: dict[str, Any]) -> dict[str, str]:
    """What a profile of this kind should give and this one did not, with what to fill in."""
    expected = _COMMON | _BY_KIND[ref.short_kind]
    return {key: hint for key, hint in expected.items() if not _has(data, key)}


def _has(data: dict[str, Any], key: str) -> bool:
    value: Any = data
    for part in key.split("."):
        if not isinstance(value, dict) or part not in value:
            return False
        value = value[part]
    return True
