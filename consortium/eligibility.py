"""Named sets of eligible countries, as they stood on a call's deadline.

A call's ``eligible_countries`` mixes ISO codes and set names. Membership changes over
time (the United Kingdom left the EU on 2020-01-31 and stayed in EU programmes until the
transition ended on 2020-12-31; Horizon Europe associations start on set dates), so a
set is resolved for a date: the call's deadline.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

from consortium.countries import check_country

# The 27 Member States since 1 February 2020. Source: europa.eu, "EU countries".
EU27 = frozenset(
    [
        "AT",
        "BE",
        "BG",
        "CY",
        "CZ",
        "DE",
        "DK",
        "EE",
        "ES",
        "FI",
        "FR",
        "GR",
        "HR",
        "HU",
        "IE",
        "IT",
        "LT",
        "LU",
        "LV",
        "MT",
        "NL",
        "PL",
        "PT",
        "RO",
        "SE",
        "SI",
        "SK",
    ]
)
# Withdrawal Agreement, Art. 126-127 and 137-138: EU programme participation as a Member
# State until the transition period ended on 31 December 2020.
UK_LAST_DAY_AS_MEMBER = date(2020, 12, 31)

# Countries taking part in COSME under Art. 6 of Regulation (EU) No 1287/2013, as listed
# in the 2018 work programme (docs/sources.md).
COSME_ARTICLE_6 = frozenset(["IS", "AL", "BA", "XK", "ME", "MK", "RS", "TR", "AM", "MD", "UA"])

# Horizon Europe associated countries with the date their association applies from.
# Source: European Commission, "List of participating countries in Horizon Europe"
# (version of 2025); countries still negotiating are left out until their agreement applies.
HE_ASSOCIATION_DATES: dict[str, date] = {
    **{
        code: date(2021, 1, 1)
        for code in [
            "AL",
            "AM",
            "BA",
            "FO",
            "GE",
            "IS",
            "IL",
            "XK",
            "MD",
            "ME",
            "MK",
            "NO",
            "RS",
            "TN",
            "TR",
            "UA",
        ]
    },
    "NZ": date(2023, 7, 1),
    "GB": date(2024, 1, 1),
    "CH": date(2025, 1, 1),
}

# Interreg Europe 2021-2027 partners: the EU27, Norway, Switzerland and seven candidate
# countries. Source: interregeurope.eu help centre, "Project budget" (see docs/sources.md).
INTERREG_EUROPE_EXTRA = frozenset(["NO", "CH", "AL", "BA", "MD", "ME", "MK", "RS", "UA"])


def member_states(on: date) -> frozenset[str]:
    """EU Member States for programme purposes on ``on``."""
    return EU27 | {"GB"} if on <= UK_LAST_DAY_AS_MEMBER else EU27


def _he_associated(on: date) -> frozenset[str]:
    return frozenset(code for code, since in HE_ASSOCIATION_DATES.items() if since <= on)


SETS: dict[str, Callable[[date], frozenset[str]]] = {
    "EU27": lambda on: EU27,
    "EU": member_states,
    "COSME": lambda on: member_states(on) | COSME_ARTICLE_6,
    "HE_ASSOCIATED": _he_associated,
    "HORIZON_EUROPE": lambda on: member_states(on) | _he_associated(on),
    "INTERREG_EUROPE": lambda on: member_states(on) | INTERREG_EUROPE_EXTRA,
}


def check_country_or_set(value: str) -> str:
    """An ISO code or a set name, normalised; ValueError for anything else."""
    name = value.strip().upper()
    if name in SETS:
        return name
    try:
        return check_country(value)
    except ValueError:
        sets = ", ".join(SETS)
        raise ValueError(f"'{value}' is neither a country code nor a set ({sets})") from None


def expand(entries: list[str], on: date) -> frozenset[str]:
    """The countries that ``entries`` (codes and set names) allow on ``on``."""
    allowed: set[str] = set()
    for entry in entries:
        allowed |= SETS[entry](on) if entry in SETS else {entry}
    return frozenset(allowed)
