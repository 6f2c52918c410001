"""How many partners the consortium has, against the call's minimum."""

from __future__ import annotations

from collections.abc import Iterator

from consortium.check.context import Context, Hit, Severity, fixed_by_adding

ID = "min-partners"
SEVERITY: Severity = "error"
unfixable = fixed_by_adding


def check(ctx: Context) -> Iterator[Hit]:
    """min-partners: at least ``min_partners`` members that count.

    Members from countries outside the call's sets, where the call admits them beyond the
    minimum conditions (``third_countries: allowed``), do not count.
    Source: COS-CLUSTER-2018-03-02 (at least 3 legal entities); Horizon Europe General
    Annexes B (3 independent legal entities); Interreg Europe (partners from 3 countries).
    """
    wanted = ctx.proposal.rules.min_partners
    count = len(ctx.counted)
    if wanted is not None and count < wanted:
        missing = wanted - count
        others = len(ctx.members) - count
        verb = "does" if others == 1 else "do"
        aside = f" ({others} more that {verb} not count: see not-counted)" if others else ""
        yield ctx.at_key(
            f"{count} member(s){aside}, the call needs at least {wanted}: add {missing} more",
            "members",
        )
