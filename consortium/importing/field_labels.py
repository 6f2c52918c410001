"""The labels EEN profile texts put before their fields, as data.

Current EEN pages label fields "POD Reference", "Profile Type", "Country of origin",
"Profile published", "Profile valid until", "Deadline for EOIs", "Deadline of the call";
older pages used "Reference Number", "Publication Date" and free text for the rest
(docs/sources.md, after the Partnering Profile Quality Guidelines v1.2 and the pages
themselves). Each field maps to the variants seen; matching ignores case and spacing.
"""

from __future__ import annotations

import re
from functools import cache

# field → label variants (regular expressions, matched case-insensitively at a line's start)
INLINE: dict[str, tuple[str, ...]] = {
    "reference": (r"pod reference", r"reference number", r"reference", r"profile reference"),
    "profile_type": (r"profile type", r"type of profile"),
    "title": (r"title", r"profile title"),
    "country": (r"country of origin", r"country"),
    "published": (r"profile published", r"publication date", r"published", r"date of publication"),
    "validity": (r"term of validity",),  # a range: publication to expiry
    "valid_until": (r"profile valid until", r"valid until", r"expiration date"),
    "programme": (r"framework program(?:me)?", r"programme", r"program"),
    "call": (r"call title and identifier", r"call identifier", r"call"),
    "coordinator_required": (r"coordinator required",),
    "eoi_deadline": (
        r"deadline for eois?",
        r"deadline for expressions? of interest",
        r"expressions? of interest deadline",
        r"eoi deadline",
    ),
    "call_deadline": (r"deadline of the call", r"deadline for (?:the )?call", r"call deadline"),
    "stage": (r"stage of development", r"development stage"),
    "partner_type": (
        r"type and size of partners?(?: sought)?",
        r"type of partners? sought",
        r"type",
    ),
    "partner_role": (r"expected role of (?:a|the) partners?(?: sought)?", r"role"),
    "keywords": (r"keywords?",),
    "status": (r"status",),
}

# Headings that stand alone on their line; their text follows until the next heading.
BLOCK: dict[str, tuple[str, ...]] = {
    "summary": (r"summary", r"short summary", r"abstract"),
    "description": (r"description", r"detailed description", r"full description"),
    "partner": (r"requested partner", r"partner sought", r"partners? sought"),
    "stage": (r"stage of development",),
    "partner_type": (r"type and size of partners?(?: sought)?",),
    "partner_role": (r"expected role of (?:a|the) partners?(?: sought)?",),
    "programme": (r"framework program(?:me)?",),
    "call": (r"call title and identifier",),
    "keywords": (r"keywords?",),
}


def _alternatives(table: dict[str, tuple[str, ...]]) -> str:
    """One named group per field, longest variants first so "call deadline" wins over "call"."""
    variants = sorted(
        ((v, f) for f, vs in table.items() for v in vs), key=lambda p: len(p[0]), reverse=True
    )
    return "|".join(f"(?P<{f}_{i}>{v})" for i, (v, f) in enumerate(variants))


@cache
def inline_pattern() -> re.Pattern[str]:
    """``Label: value`` at the start of a line (a colon is required: prose never matches)."""
    spaced = _alternatives(INLINE).replace(" ", r"\s+")
    return re.compile(rf"^\s*(?:{spaced})\s*[:\uff1a]\s*(?P<value>.*)$", re.IGNORECASE)


@cache
def block_pattern() -> re.Pattern[str]:
    """A heading alone on its line (an optional colon after it)."""
    spaced = _alternatives(BLOCK).replace(" ", r"\s+")
    return re.compile(rf"^\s*(?:{spaced})\s*[:\uff1a]?\s*$", re.IGNORECASE)


@cache
def block_initials() -> frozenset[str]:
    """The first letters of every heading: a stripped line starting otherwise is none, and
    needs no regular expression (a profile of half a million short lines reads in one pass
    of cheap tests)."""
    return frozenset(v[0] for vs in BLOCK.values() for v in vs)


def field_of(match: re.Match[str]) -> str:
    """The field a label match names (the group that matched, without its number)."""
    for name, value in match.groupdict().items():
        if value is not None and name != "value":
            return name.rsplit("_", 1)[0]
    raise LookupError("no label group matched")
