"""Members who have only shown interest or been invited: the consortium hangs on them."""

from __future__ import annotations

from collections.abc import Iterator

from consortium.check.context import Context, Hit, Severity, describe, fixed_by_adding
from consortium.display.text import agreeing
from consortium.proposal.member import Member

ID = "unconfirmed-member"
SEVERITY: Severity = "warning"
unfixable = fixed_by_adding


def check(ctx: Context) -> Iterator[Hit]:
    """unconfirmed-member: a warning for each member not yet confirmed.

    Source: docs/sources.md (minimum conditions must still hold if a partner drops out);
    seed RDFR20201119001 (Portuguese and Austrian clusters "have shown interest").
    """
    pending = [m for m in ctx.members if m.spec.status != "confirmed"]
    if not pending:
        return
    said = f"complete {once_confirmed(pending)}"
    for member in pending:
        yield ctx.at_member(member, f"{describe(member)} is only {member.spec.status}: {said}")


def once_confirmed(pending: list[Member]) -> str:
    """'once PT and AT confirm': the condition the verdict and this rule both state."""
    countries = list(dict.fromkeys(m.cluster.country for m in pending))
    return f"once {agreeing(countries, 'confirm')}"
