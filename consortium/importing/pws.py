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
import re
from datetime import date
from typing import Any

from consortium.display.text import shorten
from consortium.files.problems import Problem
from consortium.importing.profile_fields import Fields
from consortium.importing.reading import MAX_JSON_BYTES

MAX_DIGITS = 100  # as the YAML loader: nothing real in a profile is longer
MAX_DEPTH = 20  # levels of lists and objects inside one profile; the service's have 3
_SURROGATE = re.compile("[\ud800-\udfff]")

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


class _Digits(str):
    """A number too long for ``int`` (Python refuses over 4 300 digits): kept as its text,
    so the profile holding it is refused by ``unreadable``, not the whole answer."""


def _number(digits: str) -> int | str:
    return int(digits) if len(digits) <= MAX_DIGITS else _Digits(digits)


def load_json(raw: str | bytes) -> Any:
    """The JSON value, or why there is none (the rest of a one-line message)."""
    try:
        return json.loads(raw, parse_int=_number)
    except RecursionError:
        return "is not valid JSON (nested too deeply)"
    except ValueError as exc:  # JSONDecodeError, and bytes that are not UTF-8
        return f"is not valid JSON ({getattr(exc, 'msg', 'not UTF-8 text')})"


def unreadable(item: dict[str, Any]) -> Problem | None:
    """Why one profile of an answer cannot be imported though the answer could be read: a
    lone surrogate (``\\ud800``, which no file can hold), a number of thousands of digits, or
    nesting no profile has. Walked without recursion, so depth costs no stack."""
    stack: list[tuple[Any, int]] = [(item, 1)]
    while stack:
        value, depth = stack.pop()
        if depth > MAX_DEPTH:
            return _unreadable(f"nests deeper than {MAX_DEPTH} levels: not a profile")
        if isinstance(value, _Digits):
            return _unreadable(f"holds a number of {len(value)} digits: not a profile value")
        if isinstance(value, str) and _SURROGATE.search(value):
            return _unreadable("holds a \\ud800-style escape that is no character: not text")
        if isinstance(value, dict):
            stack += [(k, depth) for k in value]
            stack += [(v, depth + 1) for v in value.values()]
        elif isinstance(value, list):
            stack += [(v, depth + 1) for v in value]
    return None


def _unreadable(message: str) -> Problem:
    """A profile of the service's answer: no file of its own (the caller names the answer)."""
    return Problem(None, message, subject="a profile of the Partner Web Service's answer")


def profile_fields(item: dict[str, Any]) -> Fields | str:
    """One profile's fields, or why it cannot be imported (one line naming it)."""
    why = unreadable(item)
    if why is None:
        return fields_of(item)
    ref = item.get("reference")
    name = shorten(ref) if isinstance(ref, str) and not _SURROGATE.search(ref) else "a profile"
    return f"{name}: {why.message}"


def fields_in_json(text: str) -> list[Fields | str] | str:
    """The profiles of a saved answer (each, or why it cannot be imported), or why the
    answer holds none (one line)."""
    data = load_json(text)
    if isinstance(data, str):
        return f"{data}: not a saved answer"
    items = items_in(data)
    if isinstance(items, str):
        return items
    if not items:
        return "holds no profiles (data.items is empty)"
    return [profile_fields(item) for item in items]


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


def start_of(since: str | None) -> date | str | None:
    """``--since`` as a date, or why it is none (checked before anything is fetched)."""
    from consortium.facts.dates import DateError, parse_date

    try:
        return parse_date(since) if since else None
    except DateError as exc:
        return f"--since: {exc}"


def keep(
    items: list[dict[str, Any]], kind: str | None, country: str | None, start: date | None
) -> list[dict[str, Any]]:
    """The items asked for. Filtering is done here, on the reference and the publication
    date, so no query parameter the user guide does not name is sent to the service."""
    from consortium.facts.reference import parse_reference

    wanted = (kind or "").upper().replace("RDR", "RD")
    chosen = []
    for item in items:
        try:
            ref = parse_reference(str(item.get("reference", "")))
        except ValueError:
            chosen.append(item)  # reported when imported, never dropped silently
            continue
        if wanted and ref.short_kind != wanted:
            continue
        if country and ref.country != country.strip().upper():
            continue
        published = _date(item.get("publicationDate")) if start else None
        if start and published is not None and published < start:
            continue
        chosen.append(item)
    return chosen


def _date(value: Any) -> date | None:
    from consortium.importing.call_info import date_in

    return date_in(_text(value), "publication date", [])


# As an import source (``consortium.importing.sources``): an answer of the Partner Web
# Service saved as JSON, many profiles.
CHANNEL = "EEN Partner Web Service"
SUFFIXES: tuple[str, ...] = (".json",)
LIMIT = MAX_JSON_BYTES


def recognises(suffix: str, text: str) -> bool:
    """A ``.json`` file, or any file that starts as a JSON object or list."""
    return suffix == ".json" or text.lstrip()[:1] in ("{", "[")


def profiles(text: str, note: str | None) -> list[Fields | str] | str:
    """Each profile of the answer (or why it cannot be imported), or why it holds none;
    ``note`` (how the file was decoded) is not repeated in every profile."""
    return fields_in_json(text)
