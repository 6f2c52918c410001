"""Whether each member's country may take part, as the call's deadline stood."""

from __future__ import annotations

from collections.abc import Iterator

from consortium.eligibility import expand, member_states
from consortium.rules.base import Context, Hit, describe

ID = "eligible-country"
SEVERITY = "error"


def check(ctx: Context) -> Iterator[Hit]:
    """eligible-country: every member from an eligible country; enough from EU Member States.

    Sets are resolved on the deadline's date: the United Kingdom counts as a Member State
    only until 2020-12-31 (end of the Brexit transition).
    Source: COS-CLUSTER-2020-3-03 (EU Member States and COSME Art. 6 countries); Horizon
    Europe General Annexes B (one member in a Member State); Interreg Europe (two).
    Passes: FR, ES, UA for a COSME call. Fails: GB for a COSME call closing 2021-02-02.
    """
    rules = ctx.proposal.rules
    if rules.eligible_countries:
        allowed = expand(rules.eligible_countries, ctx.judged_on)
        sets = ", ".join(rules.eligible_countries)
        for member in ctx.members:
            if member.cluster.country not in allowed:
                yield ctx.at_member(
                    member,
                    f"{describe(member)} is not in an eligible country ({sets}) on {ctx.judged_on}: "
                    "replace it or check the call's country rules",
                )
    if rules.min_eu_members:
        states = member_states(ctx.judged_on)
        count = sum(m.cluster.country in states for m in ctx.members)
        if count < rules.min_eu_members:
            yield ctx.at_key(
                f"{count} member(s) from EU Member States, the call needs {rules.min_eu_members}",
                "members",
            )
