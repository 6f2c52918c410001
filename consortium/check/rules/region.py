"""Whether enough members sit in less developed or transition regions."""

from __future__ import annotations

from collections.abc import Iterator

from consortium.check.context import Context, Hit, Severity, fixed_by_adding
from consortium.check.predicates import counts_region

ID = "region"
SEVERITY: Severity = "error"
unfixable = fixed_by_adding


def check(ctx: Context) -> Iterator[Hit]:
    """region: at least ``min_less_developed_or_transition`` members in such regions.

    Source: COS-CLUSTER-2018-03-02 (at least one member in a region classed "less
    developed" or "in transition"); categories per Commission Decision 2014/99/EU.
    """
    wanted = ctx.proposal.rules.min_less_developed_or_transition
    if not wanted:
        return
    count = sum(counts_region(m.cluster) for m in ctx.members)
    if count < wanted:
        unknown = [
            m.cluster_id
            for m in ctx.members
            if not (m.cluster.region and m.cluster.region.category)
        ]
        hint = f"; no region category for {', '.join(unknown)}" if unknown else ""
        yield ctx.at_key(
            f"{count} member(s) in a less developed or transition region, the call needs "
            f"{wanted}: add one{hint}",
            "members",
        )
