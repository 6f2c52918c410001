"""EEN profile references: ``<TYPE><ISO2 country><YYYYMMDD><sequence>``.

Source: EEN Partnering Profile Quality Guidelines (and the older MERLIN POD). The kind and
creation date of a profile derive from its reference, so they are never typed twice.
"""

from __future__ import annotations

import re
from datetime import date
from functools import cache
from typing import NamedTuple

from consortium.display.text import shorten

PROFILE_TYPES: dict[str, str] = {
    "RD": "R&D request",
    "RDR": "R&D request",  # the platform's form since about 2022
    "BO": "business offer",
    "BR": "business request",
    "TO": "technology offer",
    "TR": "technology request",
}
# ASCII only, as the JSON Schema's [0-9]: Python's \d also takes Arabic-Indic or fullwidth
# digits, and str.upper() turns some non-ASCII letters into ASCII ones.
_PATTERN = re.compile(r"^(RDR|RD|BO|BR|TO|TR)([A-Z]{2})([0-9]{4})([0-9]{2})([0-9]{2})([0-9]{3,})$")


class Reference(NamedTuple):
    """A parsed reference: its type code, country and creation date."""

    text: str
    type: str
    country: str
    created: date

    @property
    def kind(self) -> str:
        return PROFILE_TYPES[self.type]

    @property
    def short_kind(self) -> str:
        """The two-letter type, with RDR folded into RD so listings filter on one code."""
        return "RD" if self.type == "RDR" else self.type


@cache
def parse_reference(text: str) -> Reference:
    """Parse a reference, or raise ValueError saying what the form must be (cached: a
    listing asks for each request's kind and date several times)."""
    match = _PATTERN.match(text.strip().upper()) if text.isascii() else None
    if not match:
        raise ValueError(
            f"'{shorten(text)}' is not an EEN reference: expected TYPE (RD, RDR, BO, BR, TO, TR), "
            "a two-letter country, the date as YYYYMMDD and a number, e.g. RDFR20201119001"
        )
    kind, country, year, month, day, _ = match.groups()
    try:
        created = date(int(year), int(month), int(day))
    except ValueError:
        raise ValueError(f"'{shorten(text)}' holds no real date ({year}-{month}-{day})") from None
    return Reference(match.group(0), kind, country, created)
