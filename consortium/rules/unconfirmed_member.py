"""Members who have only shown interest or been invited: the consortium hangs on them."""

from __future__ import annotations

from collections.abc import Iterator

from consortium.rules.base import Context, Hit, describe
from consortium.text import agreeing

ID = "unconfirmed-member"
SEVERITY = "warning"


def check(ctx: Context) -> Iterator[Hit]:
    """unconfirmed-member: a warning for each member not yet confirmed.

    Source: docs/sources.md (minimum conditions must still hold if a partner drops out);
    seed RDFR20201119001 (Portuguese and Austrian clusters "have shown interest").
    """
    pending = [m for m in ctx.members if m.spec.status != "confirmed"]
    if not pending:
        return
    countries = list(dict.fromkeys(m.cluster.country for m in pending))
    condition = f"complete only if {agreeing(countries, 'confirm')}"
    for member in pending:
        yield ctx.at_member(
            member,
            f"{describe(member)} is only {member.spec.status}: {condition}",
        )
