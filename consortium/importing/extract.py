"""From a profile's fields to the values of a request file, and the list of what is missing.

Nothing is guessed: a value is taken from a label, a heading or a recognised sentence, and
a field not found is left out and named in ``missing`` with what the user should fill in.
The reference is the one thing a profile cannot do without (it names the file, the kind and
the requester's country), then the title (the request file requires it).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from consortium.facts.reference import Reference, parse_reference
from consortium.importing.call_info import call_of, date_in, dates_in
from consortium.importing.members import consortium_of
from consortium.importing.nationalities import country_code
from consortium.importing.profile import (
    is_status_line,
    kind_text,
    missing_for,
    status_of,
    title_of,
)
from consortium.importing.profile_fields import Fields
from consortium.importing.seeking import seeking_of
from consortium.importing.vocabulary import KEYWORDS, STAGES, first_in, in_table_order

REFERENCE = re.compile(r"\b(?:RDR|RD|BO|BR|TO|TR)[A-Z]{2}[0-9]{11,}\b")


@dataclass
class Imported:
    """A request's values in file order, what was not found (key → what to fill in), notes,
    and the values written though the importer is unsure of them (key → why)."""

    data: dict[str, Any]
    missing: dict[str, str] = field(default_factory=dict)
    notes: list[str] = field(default_factory=list)
    unsure: dict[str, str] = field(default_factory=dict)


def reference_of(fields: Fields) -> Reference | str:
    """The profile's reference, or why there is none (then nothing can be imported)."""
    labelled = fields.get("reference")
    found = REFERENCE.findall(labelled or "") or list(
        dict.fromkeys(REFERENCE.findall(fields.everything))
    )
    if not found and labelled:
        found = [labelled]  # parse_reference says what is wrong with it (e.g. its digits)
    if not found:
        return (
            "no POD reference found: give it with --reference (like RDFR20201119001), "
            "or check that this is a partner-search profile"
        )
    if len(found) > 1 and not labelled:
        return f"names several profile references ({', '.join(found[:3])}): import one profile per file"
    try:
        return parse_reference(found[0])
    except ValueError as exc:
        return str(exc)


def build_request(
    fields: Fields, ref: Reference, channel: str, origin: str, today: date | None = None
) -> Imported | str:
    """The request a profile gives; ``today`` is the day judged (a profile whose validity
    ended before it is closed)."""
    title = title_of(fields)
    if title is None:
        return "no title found (the line above the reference, or a 'Title:' label): not imported"
    result = Imported({"reference": ref.text, "title": title, "country": ref.country})
    notes = result.notes
    _check_country(fields, ref, notes)
    published, expires = _validity(fields, result.unsure, notes)
    if published:
        result.data["published"] = published
    if status := _status(fields, expires, today, notes):
        result.data["status"] = status
    result.data |= _call_part(fields, title, notes, result.unsure)
    if stage := fields.get("stage"):
        result.data["stage"] = first_in(STAGES, stage) or stage.lower().removesuffix(" stage")
    if members := consortium_of(fields.prose):
        result.data["consortium"] = members
    if seeking := seeking_of(fields, result.unsure):
        result.data["seeking"] = seeking
    if keywords := _keywords(fields, title):
        result.data["keywords"] = keywords
    result.data |= _texts(fields)
    result.data["source"] = _source(fields, ref, channel, origin, result.data.get("published"))
    if expires:
        result.data["expires"] = expires
    result.missing = missing_for(ref, result.data)
    return result


def _validity(
    fields: Fields, unsure: dict[str, str], notes: list[str]
) -> tuple[date | None, date | None]:
    """Publication and expiry: labelled each, or the two ends of "Term of Validity"."""
    published = date_in(fields.get("published"), "publication date", notes)
    expires = date_in(fields.get("valid_until"), "validity date", notes)
    if term := fields.get("validity"):
        ends = dates_in(term)
        if len(ends) == 2:
            start = date_in(ends[0], "term of validity", notes)
            end = date_in(ends[1], "term of validity", notes)
            published, expires = published or start, expires or end
        elif len(ends) == 1 and expires is None:
            expires = date_in(ends[0], "term of validity", notes)
            unsure["expires"] = (
                f"the term of validity gives one date ('{term[:40]}'): read as its end"
            )
        else:
            notes.append(
                f"term of validity: cannot read two dates in '{term[:60]}': fill in published and expires"
            )
    return published, expires


def _status(
    fields: Fields, expires: date | None, today: date | None, notes: list[str]
) -> str | None:
    """Closed when the page says so or its validity ended before the day judged."""
    said = status_of(fields)
    if said == "closed":
        return said
    if expires is not None and today is not None and expires < today:
        notes.append(f"status closed: the profile's validity ended on {expires}, before {today}")
        return "closed"
    if said is None and fields.layout == "page":
        return "open"  # a current page says only when it is closed for EoI
    return said


def _check_country(fields: Fields, ref: Reference, notes: list[str]) -> None:
    named = fields.get("country")
    code = country_code(named) if named else None
    if named and code != ref.country:
        notes.append(
            f"country of origin '{named[:40]}' differs from the reference's {ref.country}: "
            f"{ref.country} kept (a request's country is its reference's)"
        )


def _call_part(
    fields: Fields, title: str, notes: list[str], unsure: dict[str, str]
) -> dict[str, Any]:
    part: dict[str, Any] = {}
    if call := call_of(fields, fields.get("title") or " ".join(fields.head), unsure):
        part["call"] = call
        if isinstance(call, dict) and "id" not in call:
            notes.append("the page gives no call identifier (topic id): call.id left out")
    deadlines = {
        "eoi": date_in(fields.get("eoi_deadline"), "deadline for expressions of interest", notes),
        "call": date_in(fields.get("call_deadline"), "call deadline", notes),
    }
    if any(deadlines.values()):
        part["deadlines"] = {k: v for k, v in deadlines.items() if v}
    return part


def _keywords(fields: Fields, title: str) -> list[str]:
    if fields.keywords:
        return fields.keywords
    if labelled := fields.get("keywords"):
        return [k.strip() for k in re.split(r"[,;\n]", labelled) if k.strip()]
    return in_table_order(KEYWORDS, f"{title}\n{fields.prose}\n{fields.get('partner') or ''}")


def _texts(fields: Fields) -> dict[str, str]:
    if fields.layout == "page":  # the metadata box is no summary: the description's start is
        description = fields.get("description")
        first = description.split("\n\n", 1)[0] if description else None
        texts = {"summary": fields.get("summary") or first, "description": description}
        return {k: v for k, v in texts.items() if v}
    body = [p for p in fields.body if not is_status_line(p)]
    summary = fields.get("summary") or (body.pop(0) if body else None)
    description = fields.get("description") or "\n\n".join(body)
    texts = {"summary": summary, "description": description}
    return {k: v for k, v in texts.items() if v}


def _source(fields: Fields, ref: Reference, channel: str, origin: str, published: Any) -> str:
    when = f", published {published.day} {published:%B %Y}" if published else ""
    return f"{channel}, {kind_text(fields, ref)} {ref.text}{when} ({origin})"
