"""Named sets of eligible countries, as each programme defines them for a call.

A call's ``eligible_countries`` mixes ISO codes and set names. A set is resolved for a
``Scope``: the call's programme period (2014-2020 or 2021-2027), the day it is judged on
(the deadline), and for Horizon Europe the call's pillar and work-programme year. Every
fact carries its source here and in docs/sources.md.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from typing import NamedTuple

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
# The United Kingdom left the EU on 31 January 2020. Withdrawal Agreement, Art. 138: UK
# entities "continue to be eligible to receive Union funds under actions ... which implement
# Union programmes and activities committed under the MFF 2014-2020 until the closure of
# those Union programmes" (also the Commission's notice of February 2020). So for a
# 2014-2020 programme (COSME 2020 included) GB counts as a Member State whatever the
# deadline; for a 2021-2027 programme it never does. Without a period, the date decides:
# Member State participation until the transition ended on 31 December 2020.
UK_LAST_DAY_AS_MEMBER = date(2020, 12, 31)
PERIODS = ("2014-2020", "2021-2027")

# Countries taking part in COSME under Art. 6 of Regulation (EU) No 1287/2013, as listed in
# the 2018 work programme (docs/sources.md).
COSME_ARTICLE_6 = frozenset(["IS", "AL", "BA", "XK", "ME", "MK", "RS", "TR", "AM", "MD", "UA"])


class Association(NamedTuple):
    """A Horizon Europe association: from a day, or from a work-programme year, and for
    some pillars only (None: all)."""

    since: date
    work_programme: int | None = None
    pillars: frozenset[str] | None = None


PILLAR_II = frozenset({"II"})
# Source: European Commission, "List of participating countries in Horizon Europe", and
# the news of each agreement (docs/sources.md). The 16 of 2021; New Zealand from 9 July
# 2023 (Pillar II only); the UK from the 2024 work programme; Canada for Pillar II from the
# 2024 work programme; Switzerland from 1 January 2025; the Republic of Korea for Pillar II
# from 1 January 2025; Egypt for calls of the 2025 budget on.
HE_ASSOCIATIONS: dict[str, Association] = {
    **{
        code: Association(date(2021, 1, 1))
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
    "NZ": Association(date(2023, 7, 9), pillars=PILLAR_II),
    "GB": Association(date(2024, 1, 1), work_programme=2024),
    "CA": Association(date(2024, 1, 1), work_programme=2024, pillars=PILLAR_II),
    "CH": Association(date(2025, 1, 1)),
    "KR": Association(date(2025, 1, 1), pillars=PILLAR_II),
    "EG": Association(date(2025, 1, 1), work_programme=2025),
}

# Interreg Europe 2021-2027: the EU27, Norway and Switzerland; seven candidate countries
# only from the programme amendment approved on 11 December 2023. Source: interregeurope.eu
# help centre (docs/sources.md).
INTERREG_EUROPE_PARTNERS = frozenset({"NO", "CH"})
INTERREG_EUROPE_SINCE_2023 = frozenset(["AL", "BA", "MD", "ME", "MK", "RS", "UA"])
INTERREG_AMENDMENT = date(2023, 12, 11)


class Scope(NamedTuple):
    """What a set is resolved for: the day judged on and what the call says of itself."""

    on: date
    period: str | None = None
    pillar: str | None = None
    work_programme: int | None = None


def member_states(scope: Scope) -> frozenset[str]:
    """EU Member States for the purposes of a programme of ``scope.period``."""
    if scope.period == "2014-2020":
        return EU27 | {"GB"}
    if scope.period == "2021-2027":
        return EU27
    return EU27 | {"GB"} if scope.on <= UK_LAST_DAY_AS_MEMBER else EU27


def associated(code: str, scope: Scope) -> bool:
    """Whether ``code`` is associated to Horizon Europe for a call of ``scope``: on the
    work-programme year when the call gives one and the association is stated by year,
    else on the day; a pillar-limited association only for a call of that pillar."""
    found = HE_ASSOCIATIONS.get(code)
    if found is None:
        return False
    if found.pillars is not None and scope.pillar not in found.pillars:
        return False
    if scope.work_programme is not None and found.work_programme is not None:
        return scope.work_programme >= found.work_programme
    return found.since <= scope.on


def _he_associated(scope: Scope) -> frozenset[str]:
    return frozenset(code for code in HE_ASSOCIATIONS if associated(code, scope))


def _interreg(scope: Scope) -> frozenset[str]:
    extra = INTERREG_EUROPE_SINCE_2023 if scope.on >= INTERREG_AMENDMENT else frozenset()
    return member_states(scope) | INTERREG_EUROPE_PARTNERS | extra


SETS: dict[str, Callable[[Scope], frozenset[str]]] = {
    "EU27": lambda scope: EU27,
    "EU": member_states,
    "COSME": lambda scope: member_states(scope) | COSME_ARTICLE_6,
    "HE_ASSOCIATED": _he_associated,
    "HORIZON_EUROPE": lambda scope: member_states(scope) | _he_associated(scope),
    "INTERREG_EUROPE": _interreg,
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


def expand(entries: list[str], scope: Scope) -> frozenset[str]:
    """The countries that ``entries`` (codes and set names) allow for ``scope``."""
    allowed: set[str] = set()
    for entry in entries:
        allowed |= SETS[entry](scope) if entry in SETS else {entry}
    return frozenset(allowed)
