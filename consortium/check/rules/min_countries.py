"""How many distinct countries the members come from."""

from __future__ import annotations

from collections.abc import Iterator

from consortium.check.context import Context, Hit, Severity, fixed_by_adding
from consortium.check.predicates import countries_of

ID = "min-countries"
SEVERITY: Severity = "error"
unfixable = fixed_by_adding


def check(ctx: Context) -> Iterator[Hit]:
    """min-countries: members from at least ``min_countries`` different countries.

    A region with a code of its own counts as its Member State: RE and FR are one country
    (docs/sources.md, "Regions with codes of their own").
    Source: COS-CLUSTER-2018-03-02 (3 different EU/COSME countries); Horizon Europe
    General Annexes B; Interreg Europe FAQ 13.
    """
    wanted = ctx.proposal.rules.min_countries
    found = sorted(countries_of(m.cluster.country for m in ctx.counted))
    if wanted is not None and len(found) < wanted:
        listed = ", ".join(found) or "none"
        yield ctx.at_key(
            f"members come from {len(found)} countries ({listed}), the call needs {wanted}: "
            f"add members from {wanted - len(found)} other eligible countries",
            "members",
        )
