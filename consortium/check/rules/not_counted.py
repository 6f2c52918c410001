"""Members from countries outside the call's sets, where the call admits them anyway."""

from __future__ import annotations

from collections.abc import Iterator

from consortium.check.context import Context, Hit, Severity, describe, fixed_by_adding
from consortium.check.rules.eligible_country import work_programme_hint

ID = "not-counted"
SEVERITY: Severity = "warning"
unfixable = fixed_by_adding


def check(ctx: Context) -> Iterator[Hit]:
    """not-counted: a member from a country outside the call's sets, where the call admits
    such members beyond the minimum conditions, is named; it never counts toward them.

    Horizon Europe and Interreg Europe admit partners from other countries beyond the
    minimum conditions, usually unfunded or at their own cost; they never count toward
    ``min_partners``, ``min_countries`` or ``min_eu_members``. COSME calls admit none
    (``eligible-country`` then reports them as errors).
    Source: Horizon Europe General Annexes B; Interreg Europe programme manual (docs/sources.md).
    """
    if ctx.allowed is None or not ctx.admits_others:
        return
    sets = ", ".join(ctx.proposal.rules.eligible_countries or [])
    for member in ctx.members:
        if member.cluster.country not in ctx.allowed:
            yield ctx.at_member(
                member,
                f"{describe(member)} is outside the call's countries ({sets}) on "
                f"{ctx.judged_on}{work_programme_hint(ctx, member)}: it may join, usually unfunded, but does not count toward "
                "the minimum partners and countries",
            )
