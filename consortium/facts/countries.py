"""ISO 3166-1 alpha-2 country codes, validated against the IANA tz database's table.

The ``tzdata`` package (already needed for ``Europe/Brussels`` on systems without zone
files) ships ``iso3166.tab``: every assigned alpha-2 code with its name, kept current by
the tz maintainers. ``XK`` (Kosovo) is a user-assigned code that the European Commission
uses in its programme documents, so it is accepted too.
"""

from __future__ import annotations

import reprlib
from functools import cache
from importlib import resources
from typing import NamedTuple

EXTRA_CODES = {"XK": "Kosovo"}
# The EU's own nomenclature uses EL for Greece and UK for the United Kingdom (Interinstitutional
# Style Guide, section 7.1); files must use the ISO codes, and say so when they do not.
EU_SPELLINGS = {"EL": "GR", "UK": "GB"}


@cache
def country_names() -> dict[str, str]:
    """Code → English name, for every code a file may use."""
    text = resources.files("tzdata.zoneinfo").joinpath("iso3166.tab").read_text("utf-8")
    names = dict(EXTRA_CODES)
    for line in text.splitlines():
        if line and not line.startswith("#"):
            code, _, name = line.partition("\t")
            names[code] = name.replace("&", "and")
    return names


def check_country(value: object) -> str:
    """The upper-case ISO code for ``value``, or ValueError saying how to write it."""
    if isinstance(value, bool):
        word = "NO" if value is False else "YES/ON"
        raise ValueError(
            f"YAML read this country as the boolean {value} (from an unquoted {word}): "
            'quote it, e.g. country: "NO"'
        )
    if not isinstance(value, str):
        raise ValueError(f"expected a two-letter country code, got {reprlib.repr(value)}")
    found = _lookup(value, near=False)
    if isinstance(found, str):
        return found
    names = country_names()
    if found.eu:
        raise ValueError(
            f"'{value}' is the EU's spelling: use the ISO code {found.eu} ({names[found.eu]})"
        )
    if found.named:
        raise ValueError(f"write the ISO code {found.named}, not the name")
    raise ValueError(f"unknown country code '{value}': use ISO 3166-1 alpha-2, e.g. FR, ES, NO")


def code_for(value: str) -> str:
    """The ISO code a filter option (``--country``) names, or ValueError with the code to
    write: a name or a near name ('write IT for Italy'), the EU's spelling ('write GR for
    Greece'). A filter that can never match must not read as "no results"."""
    found = _lookup(value, near=True)
    if isinstance(found, str):
        return found
    names = country_names()
    if found.eu:
        code = value.strip().upper()
        raise ValueError(f"write {found.eu} for {names[found.eu]} ({code} is the EU's spelling)")
    if found.named:
        raise ValueError(f"write {found.named} for {names[found.named]}")
    raise ValueError("not a country code: write an ISO 3166-1 alpha-2 code, e.g. FR, ES, NO")


class _Found(NamedTuple):
    """What a country that is no code stands for: the code of the EU's spelling (EL for
    GR), or the code of the country it names."""

    eu: str | None = None
    named: str | None = None


def _lookup(value: str, near: bool) -> str | _Found:
    """The one lookup behind a file's country and a ``--country`` option: the code (the
    common case, returned as it is), then the EU's spelling, then the name (``near``: or
    the closest name, for an option)."""
    code = value.strip().upper()
    names = country_names()
    if code in names:
        return code
    if code in EU_SPELLINGS:
        return _Found(eu=EU_SPELLINGS[code])
    by_name = {name.casefold(): c for c, name in names.items()}
    key = value.strip().casefold()
    if key in by_name:
        return _Found(named=by_name[key])
    if near and len(code) > 2:
        from consortium.display.text import closest

        close = closest(key, by_name)
        if close is not None:
            return _Found(named=by_name[close])
    return _Found()


def country_name(code: str) -> str:
    return country_names().get(code, code)


# Regions with an ISO code of their own that are part of an EU Member State: the French
# outermost regions (TFEU Art. 349) and Åland (Finland). For eligibility and for counting
# distinct countries they are their Member State (docs/sources.md, "Regions with codes of
# their own"). The Canaries, the Azores and Madeira have no code of their own.
PART_OF = {
    "GP": "FR",
    "GF": "FR",
    "MQ": "FR",
    "YT": "FR",
    "RE": "FR",
    "MF": "FR",
    "AX": "FI",
}


def state_of(code: str) -> str:
    """The country ``code`` counts as: its Member State for a region listed in PART_OF."""
    return PART_OF.get(code, code)


def country_label(code: str) -> str:
    """'RE (France)' for a region that is part of a Member State, else the code itself."""
    state = PART_OF.get(code)
    return f"{code} ({country_name(state)})" if state else code
