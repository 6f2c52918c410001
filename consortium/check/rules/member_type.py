"""Whether each member is the kind of organisation the call funds."""

from __future__ import annotations

from collections.abc import Iterator

from consortium.check.context import Context, Hit, Severity, describe

ID = "member-type"
SEVERITY: Severity = "error"


def unfixable(ctx: Context) -> str | None:
    """No added member fixes this: replace the member of the wrong type."""
    return "replace the member of the wrong type"


def check(ctx: Context) -> Iterator[Hit]:
    """member-type: every member's ``type`` among the call's ``member_types``.

    Source: COS-CLUSTER-2018-03-02 (every member a cluster or business-network organisation).
    """
    allowed = ctx.proposal.rules.member_types
    if not allowed:
        return
    for member in ctx.members:
        if member.cluster.type not in allowed:
            yield ctx.at_member(
                member,
                f"{describe(member)} is a '{member.cluster.type}' organisation; the call funds "
                f"only {' or '.join(allowed)} organisations: replace it",
            )
