"""How many partners the consortium has, against the call's minimum and maximum."""

from __future__ import annotations

from collections.abc import Iterator

from consortium.rules.base import Context, Finding


def check_min(ctx: Context) -> Iterator[Finding]:
    """min-partners: at least ``min_partners`` members.

    Source: COS-CLUSTER-2018-03-02 (at least 3 legal entities); Horizon Europe General
    Annexes B (3 independent legal entities); Interreg Europe (partners from 3 countries).
    Passes: 5 members, minimum 3. Fails: 2 members, minimum 3.
    """
    wanted = ctx.proposal.rules.min_partners
    count = len(ctx.members)
    if wanted is not None and count < wanted:
        missing = wanted - count
        yield ctx.at_key(
            "min-partners",
            "error",
            f"{count} member(s), the call needs at least {wanted}: add {missing} more",
            "members",
        )


def check_max(ctx: Context) -> Iterator[Finding]:
    """max-partners: at most ``max_partners`` members.

    Source: the call's own text, when it sets one (no preset does; a repo may in rules:).
    Passes: 5 members, maximum 6. Fails: 7 members, maximum 6.
    """
    limit = ctx.proposal.rules.max_partners
    count = len(ctx.members)
    if limit is not None and count > limit:
        yield ctx.at_key(
            "max-partners",
            "error",
            f"{count} members, the call allows at most {limit}: remove {count - limit}",
            "members",
        )
