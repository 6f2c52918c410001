"""Named sets of eligible countries, as each programme defines them for a call.

A call's ``eligible_countries`` mixes ISO codes and set names. A set is resolved for a
``Scope``: the call's programme period (2014-2020 or 2021-2027), the day it is judged on
(the deadline), and for Horizon Europe the call's pillar and work-programme year (the
associations are data: ``associations.py``, docs/sources.md, "Horizon Europe
associations"). Every fact carries its source here and in docs/sources.md.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from typing import NamedTuple

from consortium.facts.associations import BY_CODE, Association
from consortium.facts.countries import PART_OF, check_country
from consortium.files.problems import Problem

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
# the 2018 work programme (docs/sources.md, "COSME participating countries"). A set of the
# COSME Regulation: it does not apply to the Single Market Programme of 2021-2027, whose
# associated countries were not found (docs/sources.md, "Single Market Programme").
COSME_ARTICLE_6 = frozenset(["IS", "AL", "BA", "XK", "ME", "MK", "RS", "TR", "AM", "MD", "UA"])


# Interreg Europe 2021-2027: the EU27, Norway and Switzerland; seven candidate countries
# only from the programme amendment approved on 11 December 2023. Source: interregeurope.eu
# help centre (docs/sources.md, "Eligibility by programme period, pillar and work programme").
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
        states = EU27 | {"GB"}
    elif scope.period == "2021-2027":
        states = EU27
    else:
        states = EU27 | {"GB"} if scope.on <= UK_LAST_DAY_AS_MEMBER else EU27
    return with_regions(states)


def association(code: str, scope: Scope) -> Association | None:
    """The association that lets ``code`` count for a call of ``scope``, if any.

    By the call's work-programme year when it gives one (as the Commission keys it: a WP
    2024 call closing in 2025 does not count Switzerland, a WP 2025 call closing in 2024
    does); without one, only an association that holds for every call from a day (those
    of 2021) counts, never one keyed by a later work programme. A pillar-limited
    association counts only for a call of that pillar.
    """
    found = BY_CODE.get(code)
    if found is None or (found.pillars is not None and scope.pillar not in found.pillars):
        return None
    if scope.work_programme is None:
        return found if found.since is not None and found.since <= scope.on else None
    if scope.work_programme < found.work_programme:
        return None
    if found.until is not None and scope.work_programme > found.until:
        return None
    return found


def associated(code: str, scope: Scope) -> bool:
    """Whether ``code`` counts as associated to Horizon Europe (or under the transitional
    arrangement) for a call of ``scope``."""
    return association(code, scope) is not None


def transitional(code: str, scope: Scope) -> bool:
    """Whether ``code`` counts only under the transitional arrangement: the association
    must be in force when the grant is signed."""
    found = association(code, scope)
    return found is not None and found.state == "transitional"


def missing_work_programme(code: str, scope: Scope) -> int | None:
    """The work programme from which ``code`` would count, when the call gives none and
    the association is keyed by a later one (so the user can give it)."""
    found = BY_CODE.get(code)
    if scope.work_programme is not None or found is None or found.since is not None:
        return None
    if found.pillars is not None and scope.pillar not in found.pillars:
        return None
    return found.work_programme


def _he_associated(scope: Scope) -> frozenset[str]:
    return frozenset(code for code in BY_CODE if associated(code, scope))


def _interreg(scope: Scope) -> frozenset[str]:
    extra = INTERREG_EUROPE_SINCE_2023 if scope.on >= INTERREG_AMENDMENT else frozenset()
    return member_states(scope) | INTERREG_EUROPE_PARTNERS | extra


SETS: dict[str, Callable[[Scope], frozenset[str]]] = {
    "EU27": lambda scope: with_regions(EU27),
    "EU": member_states,
    "COSME": lambda scope: member_states(scope) | COSME_ARTICLE_6,
    "HE_ASSOCIATED": _he_associated,
    "HORIZON_EUROPE": lambda scope: member_states(scope) | _he_associated(scope),
    "INTERREG_EUROPE": _interreg,
}


def misnamed_set(entries: list[str], period: str | None) -> Problem | None:
    """Why ``entries`` cannot stand for a call of ``period``, or None: the COSME set is
    the 2014-2020 Art. 6 list, not the Single Market Programme's countries. About a call's
    ``rules.eligible_countries`` wherever it is written (a file, a preset): no path."""
    if period == "2021-2027" and "COSME" in entries:
        return Problem(
            None,
            "the COSME set is COSME 2014-2020's Art. 6 list, not the Single Market "
            "Programme's, whose associated countries are not encoded "
            '(docs/sources.md, "Single Market Programme"): '
            "list the call's countries as EU plus ISO codes",
            subject="rules.eligible_countries",
        )
    return None


def with_regions(codes: frozenset[str]) -> frozenset[str]:
    """``codes`` and the regions with codes of their own that belong to one of them (RE
    with FR): part of their Member State (docs/sources.md, "Regions with codes of their
    own")."""
    return codes | {region for region, state in PART_OF.items() if state in codes}


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
    return with_regions(frozenset(allowed))


def admitted_only_in_transition(entries: list[str], code: str, scope: Scope) -> bool:
    """Whether ``entries`` admit ``code`` only through a transitional association (not
    as a Member State, nor named on its own)."""
    if code in entries or code in member_states(scope) or not transitional(code, scope):
        return False
    return any(entry in ("HE_ASSOCIATED", "HORIZON_EUROPE") for entry in entries)
