"""Whether the call is still open."""

from __future__ import annotations

from collections.abc import Iterator

from consortium.check.context import Context, Hit, Severity
from consortium.check.rules.deadline_rules import passed

ID = "call-deadline"
SEVERITY: Severity = "error"


def unfixable(ctx: Context) -> str | None:
    """No added member fixes this: the call is closed."""
    return "the call is closed"


def check(ctx: Context) -> Iterator[Hit]:
    """call-deadline: the call deadline has not passed.

    Compared in UTC: 17:00 Brussels is 16:00 UTC in winter and 15:00 UTC in summer.
    Source: Funding & Tenders portal ("17:00 Brussels time").
    """
    yield from passed(ctx, "call", "the call is closed; find a later call")
