"""Whether members are registered on the European Cluster Collaboration Platform."""

from __future__ import annotations

from collections.abc import Iterator

from consortium.check.context import Context, Hit, Severity, describe

ID = "eccp"
SEVERITY: Severity = "error"


def unfixable(ctx: Context) -> str | None:
    """No added member fixes this: list the member on the ECCP."""
    return "list the member on the ECCP"


def check(ctx: Context) -> Iterator[Hit]:
    """eccp: where the call requires it, every member registered on the ECCP, or having
    requested registration.

    COSME cluster calls admit organisations "registered or that have requested to be
    registered" on the ECCP: ``eccp: requested`` passes, with a warning to complete the
    registration; ``eccp: false`` (or missing) is an error.
    Source: COS-CLUSTER-2018-03-02 (docs/sources.md, "COS-CLUSTER-2018-03-02").
    """
    if not ctx.proposal.rules.eccp_required:
        return
    for member in ctx.members:
        if member.cluster.eccp == "requested":
            yield ctx.at_member(
                member,
                f"{describe(member)} has requested ECCP registration, which the call "
                "accepts: complete it on clustercollaboration.eu, then set eccp: true",
                severity="warning",
            )
        elif not member.cluster.eccp:
            yield ctx.at_member(
                member,
                f"{describe(member)} is not registered on the ECCP: register it on "
                "clustercollaboration.eu (or request registration) and set eccp: true "
                "(or eccp: requested) in its profile",
            )
