"""The partner a profile seeks: its type, sectors, role, label and experience.

"To coordinate" or "Coordinator required: Yes" means the coordinator (an RDR states whether a
coordinator is sought: docs/sources.md). A label named as "a plus" or "welcome" is a
preference; "required" or "must" makes it a rule (``label_required``), as the README's
request fields say.
"""

from __future__ import annotations

import re
from typing import Any

from consortium.importing.profile_fields import Fields
from consortium.importing.vocabulary import (
    EXPERIENCE,
    PARTNER_KINDS,
    PARTNER_TYPES,
    SECTORS,
    first_in,
    found_in_order,
)

# Wording that puts the sought partner in charge; "X will coordinate" may be the requester.
_COORDINATE = re.compile(
    r"\bto coordinate\b|\bcoordinator (?:is )?(?:sought|wanted|needed)\b"
    r"|\b(?:looking for|seeks?|seeking) an? (?:[\w-]+ ){0,3}coordinator\b"
    r"|\bpartner sought will coordinate\b|\bto lead the (?:project|consortium)\b",
    re.IGNORECASE,
)
_YES = re.compile(r"^\s*(?:yes|true|y)\b", re.IGNORECASE)
_NO = re.compile(r"^\s*(?:no|false|n)\b", re.IGNORECASE)
_LABEL = re.compile(r"\b(gold|silver|bronze)\b(?:[- ]label(?:led)?)?", re.IGNORECASE)
_RULE = re.compile(r"\b(?:required|must|mandatory|compulsory)\b", re.IGNORECASE)
_EXPERIENCE = re.compile(r"\bexperience[ds]?\b|\btrack record\b", re.IGNORECASE)


def seeking_of(fields: Fields, unsure: dict[str, str] | None = None) -> dict[str, Any]:
    kind = fields.get("partner_type") or ""
    partner = "\n".join(p for p in (fields.get("partner"), fields.get("partner_role")) if p)
    seeking: dict[str, Any] = {}
    if fields.layout == "page":
        seeking |= _kinds(kind, {} if unsure is None else unsure)
    elif found := first_in(PARTNER_TYPES, kind):
        seeking["type"] = found
    if sectors := found_in_order(SECTORS, kind):
        seeking["sectors"] = sectors
    if role := _role(fields.get("coordinator_required"), f"{partner}\n{fields.prose}"):
        seeking["role"] = role
    seeking |= _label(partner, fields.prose)
    if experience := _experience(f"{fields.prose}\n\n{partner}"):
        seeking["experience"] = experience
    return seeking


def _kinds(listed: str, unsure: dict[str, str]) -> dict[str, Any]:
    """Every kind the page lists ("SME <=10", "University", "Other"), each mapped to the
    request's words: ``type`` when it is one kind, ``types`` when several. An item no word
    maps is kept as written and marked unsure."""
    kinds: list[str] = []
    unknown: list[str] = []
    for item in (i.strip() for i in listed.split("\n")):
        found = first_in(PARTNER_KINDS, item) if item else None
        if item and found is None:
            unknown.append(item)
        if (found or item.lower()) and (found or item.lower()) not in kinds:
            kinds.append(found or item.lower())
    if unknown:
        key = "seeking.type" if len(kinds) == 1 else "seeking.types"
        unsure[key] = f"no known kind for {', '.join(repr(u) for u in unknown)}: kept as written"
    if len(kinds) == 1:
        return {"type": kinds[0]}
    return {"types": kinds} if kinds else {}


def _role(required: str | None, text: str) -> str | None:
    if required and _YES.match(required):
        return "coordinator"
    if required and _NO.match(required):
        return "partner"
    return "coordinator" if _COORDINATE.search(text) else None


def _label(partner: str, prose: str) -> dict[str, Any]:
    for text in (partner, prose):
        for sentence in re.split(r"(?<=[.!?])\s+|\n", text):
            if match := _LABEL.search(sentence):
                if "label" not in sentence.lower():
                    continue
                found: dict[str, Any] = {"label": match.group(1).lower()}
                return found | ({"label_required": True} if _RULE.search(sentence) else {})
    return {}


def _experience(text: str) -> list[str]:
    found: list[str] = []
    for sentence in re.split(r"(?<=[.!?])\s+|\n", text):
        if _EXPERIENCE.search(sentence):
            found += [e for e in found_in_order(EXPERIENCE, sentence) if e not in found]
    return found
