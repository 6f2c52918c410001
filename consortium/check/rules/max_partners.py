"""How many partners the consortium has, against the call's maximum."""

from __future__ import annotations

from collections.abc import Iterator

from consortium.check.context import Context, Hit, Severity

ID = "max-partners"
SEVERITY: Severity = "error"


def unfixable(ctx: Context) -> str | None:
    """No added member fixes this: remove members."""
    return "remove members"


def check(ctx: Context) -> Iterator[Hit]:
    """max-partners: at most ``max_partners`` members.

    Source: the call's own text, when it sets one (no preset does; a repo may in rules:).
    """
    limit = ctx.proposal.rules.max_partners
    count = len(ctx.members)
    if limit is not None and count > limit:
        yield ctx.at_key(
            f"{count} members, the call allows at most {limit}: remove {count - limit}", "members"
        )
