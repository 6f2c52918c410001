"""Whether members are listed on the European Cluster Collaboration Platform."""

from __future__ import annotations

from collections.abc import Iterator

from consortium.rules.base import Context, Hit, describe

ID = "eccp"
SEVERITY = "error"


def check(ctx: Context) -> Iterator[Hit]:
    """eccp: where the call requires it, every member registered on the ECCP.

    Source: COS-CLUSTER-2018-03-02 (members registered, or registering, on the ECCP).
    Passes: eccp: true. Fails: eccp: false (or missing) with eccp_required.
    """
    if not ctx.proposal.rules.eccp_required:
        return
    for member in ctx.members:
        if not member.cluster.eccp:
            yield ctx.at_member(
                member,
                f"{describe(member)} is not listed on the ECCP: register it on "
                "clustercollaboration.eu and set eccp: true in its profile",
            )
