"""Members that count only under Horizon Europe's transitional arrangement."""

from __future__ import annotations

from collections.abc import Iterator

from consortium.check.context import Context, Hit, Severity, fixed_by_adding
from consortium.facts.eligibility import admitted_only_in_transition

ID = "transitional-association"
SEVERITY: Severity = "warning"
unfixable = fixed_by_adding


def check(ctx: Context) -> Iterator[Hit]:
    """transitional-association: a member that counts only because its country is treated
    "as if associated" while its association is negotiated is named, with the condition.

    Entities of a country negotiating association to Horizon Europe are treated as if
    associated at submission, provided the agreement is in force when the grant is
    signed. They count toward the minimum conditions, with this warning.
    Source: Horizon Europe General Annexes (transitional arrangement); docs/sources.md,
    "Horizon Europe associations".
    """
    entries = ctx.proposal.rules.eligible_countries or []
    for member in ctx.counted:
        code = member.cluster.country
        if admitted_only_in_transition(entries, code, ctx.scope):
            yield ctx.at_member(
                member,
                f"{code} counts under the transitional arrangement: the association must "
                "be in force when the grant is signed, or the consortium must meet the "
                "minimum conditions without it",
            )
