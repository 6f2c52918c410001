"""Horizon Europe associations as data: one row per country, as the Commission keys them.

The Commission states an association from a work-programme (budget) year, for some pillars,
and says whether it is in force or applied under the transitional arrangement (entities of
a country negotiating association are treated "as if associated" at submission, provided
the agreement is in force when the grant is signed). Each row names its source; the same
table, row for row, is in docs/sources.md, "Horizon Europe associations", and a test holds
the two together. A new association is a new row here, not new code.
"""

from __future__ import annotations

from datetime import date
from typing import Literal, NamedTuple

State = Literal["associated", "transitional"]
PILLAR_II = frozenset({"II"})

LIST = "EC, List of participating countries in Horizon Europe"
NZ_NEWS = (
    "EC list: Pillar II 'as from the Work Programmes 2023 onwards'; transitional from Feb 2023"
)
GB_NEWS = "EU/UK joint statement 7 Sep 2023; gov.uk explainer 4 Dec 2023 (WP 2024 on)"
CA_NEWS = "EC news on Canada's association (Pillar II, 2024 work programme on)"
CH_NEWS = "SERI 10 Nov 2025: signed, retroactive to 1 Jan 2025, calls of programme year 2025 on"
KR_NEWS = "EC: transitional arrangement for Pillar II from WP 2025; agreement in force July 2025"
EG_NEWS = "EC news on Egypt's association (calls of the 2025 budget on)"
JP_NEWS = "EC 22 Dec 2025: negotiations concluded; Pillar II calls from 2026, transitional"
MA_NEWS = "Research Council of Norway 2022; MSCA PF 2023 guidance: transitional, WP 2021-2023"


class Association(NamedTuple):
    """One country's association: from which work programme, for which pillars (None:
    all), from which day for every call (only where every work programme qualifies), in
    what state, until which work programme where the sources stop, and its source."""

    code: str
    work_programme: int
    pillars: frozenset[str] | None
    since: date | None
    state: State
    source: str
    until: int | None = None


def _of_2021(code: str) -> Association:
    """One of the 16 associated from the programme's start (agreements retroactive to
    1 January 2021): every call counts them, whatever its work programme."""
    return Association(code, 2021, None, date(2021, 1, 1), "associated", LIST)


ASSOCIATIONS: tuple[Association, ...] = (
    _of_2021("AL"),
    _of_2021("AM"),
    _of_2021("BA"),
    _of_2021("FO"),
    _of_2021("GE"),
    _of_2021("IS"),
    _of_2021("IL"),
    _of_2021("XK"),
    _of_2021("MD"),
    _of_2021("ME"),
    _of_2021("MK"),
    _of_2021("NO"),
    _of_2021("RS"),
    _of_2021("TN"),
    _of_2021("TR"),
    _of_2021("UA"),
    Association("NZ", 2023, PILLAR_II, None, "associated", NZ_NEWS),
    Association("GB", 2024, None, None, "associated", GB_NEWS),
    Association("CA", 2024, PILLAR_II, None, "associated", CA_NEWS),
    Association("CH", 2025, None, None, "associated", CH_NEWS),
    Association("KR", 2025, PILLAR_II, None, "associated", KR_NEWS),
    Association("EG", 2025, None, None, "associated", EG_NEWS),
    Association("JP", 2026, PILLAR_II, None, "transitional", JP_NEWS),
    Association("MA", 2021, None, None, "transitional", MA_NEWS, until=2023),
)

BY_CODE: dict[str, Association] = {row.code: row for row in ASSOCIATIONS}
