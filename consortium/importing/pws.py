"""Profiles from the EEN Partner Web Service's JSON, as saved from ``GET /profiles``.

The shape follows the service's user guide as summarised in docs/sources.md: the answer
holds ``data.items[]`` and ``data.pagingInfo.hasNext``; an item has ``reference``,
``title``, ``profileType.code``, ``partnerOrganisationCountry``, ``publicationDate``,
``expirationDate``, ``openForEOI``, ``shortSummary``, ``description``,
``expectedRoleOfThePartner``, ``frameworkProgram``, ``callTitleAndIdentifier``,
``coordinatorRequired``, ``deadlineForEoI``, ``deadlineOfTheCall``, ``stageOfDevelopment``
and keyword lists. Profiles the caller does not own may come "limited": their content is
``null`` or ``"N/A"``; they are imported with what they have, and a note says so.
"""

from __future__ import annotations

import json
from datetime import date
from typing import Any

from consortium.importing.fields import Fields

KEYS: dict[str, str] = {
    "reference": "reference", "title": "title", "partnerOrganisationCountry": "country",
    "publicationDate": "published", "expirationDate": "valid_until", "shortSummary": "summary",
    "description": "description", "expectedRoleOfThePartner": "partner_role",
    "frameworkProgram": "programme", "callTitleAndIdentifier": "call",
    "coordinatorRequired": "coordinator_required", "deadlineForEoI": "eoi_deadline",
    "deadlineOfTheCall": "call_deadline", "stageOfDevelopment": "stage",
}  # fmt: skip
_SHAPE = 'is JSON but not the Partner Web Service\'s shape: expected {"data": {"items": [...]}}'


def items_in(data: Any) -> list[dict[str, Any]] | str:
    inner = data.get("data") if isinstance(data, dict) else None
    items = inner.get("items") if isinstance(inner, dict) else None
    if not isinstance(items, list) or not all(isinstance(i, dict) for i in items):
        return f"{_SHAPE} as saved from GET /profiles"
    return items


def fields_in_json(text: str) -> list[Fields] | str:
    """The profiles of a saved answer, or why it is none (one line)."""
    try:
        data = json.loads(text)
    except (json.JSONDecodeError, RecursionError) as exc:
        return f"is not valid JSON ({getattr(exc, 'msg', 'nested too deeply')}): not a saved answer"
    items = items_in(data)
    if isinstance(items, str):
        return items
    if not items:
        return "holds no profiles (data.items is empty)"
    return [fields_of(item) for item in items]


def _text(value: Any) -> str | None:
    """A value as text: None for the limited profile's ``null`` and ``"N/A"``."""
    if isinstance(value, bool):
        return "Yes" if value else "No"
    if isinstance(value, dict):
        value = next(
            (value[k] for k in ("name", "description", "label", "code") if k in value), None
        )
    if isinstance(value, list):
        value = ", ".join(t for t in (_text(v) for v in value) if t)
    if isinstance(value, int | float | str) and str(value).strip().upper() not in ("", "N/A"):
        return str(value).strip()
    return None


def fields_of(item: dict[str, Any]) -> Fields:
    fields = Fields()
    limited = [key for key in KEYS if key in item and _text(item[key]) is None]
    for key, name in KEYS.items():
        if (value := _text(item.get(key))) is not None:
            fields.put(name, value)
    if isinstance(item.get("openForEOI"), bool):
        fields.put("status", "open" if item["openForEOI"] else "closed")
    fields.keywords = _keywords(item)
    if limited:
        fields.notes.append(
            "limited profile: the service gave no "
            + ", ".join(limited)
            + " (profiles owned by other organisations may come limited)"
        )
    return fields


def _keywords(item: dict[str, Any]) -> list[str]:
    found: list[str] = []
    for key, value in item.items():
        if "keyword" in key.lower() and isinstance(value, list):
            found += [t for v in value if (t := _text(v)) and t not in found]
    return found


def keep(
    items: list[dict[str, Any]], kind: str | None, country: str | None, since: str | None
) -> list[dict[str, Any]] | str:
    """The items asked for. Filtering is done here, on the reference and the publication
    date, so no query parameter the user guide does not name is sent to the service."""
    from consortium.dates import DateError, parse_date
    from consortium.reference import parse_reference

    try:
        start = parse_date(since) if since else None
    except DateError as exc:
        return f"--since: {exc}"
    wanted = (kind or "").upper().replace("RDR", "RD")
    chosen = []
    for item in items:
        try:
            ref = parse_reference(str(item.get("reference", "")))
        except ValueError:
            chosen.append(item)  # reported when imported, never dropped silently
            continue
        published = _date(item.get("publicationDate"))
        if wanted and ref.short_kind != wanted:
            continue
        if country and ref.country != country.strip().upper():
            continue
        if start and published is not None and published < start:
            continue
        chosen.append(item)
    return chosen


def _date(value: Any) -> date | None:
    from consortium.importing.calls import date_in

    return date_in(_text(value), "publication date", [])
