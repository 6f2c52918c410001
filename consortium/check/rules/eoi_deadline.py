"""Whether the request still takes expressions of interest."""

from __future__ import annotations

from collections.abc import Iterator

from consortium.check.context import Context, Hit, Severity, fixed_by_adding
from consortium.check.rules.deadline_rules import passed

ID = "eoi-deadline"
SEVERITY: Severity = "warning"
unfixable = fixed_by_adding


def check(ctx: Context) -> Iterator[Hit]:
    """eoi-deadline: the expression-of-interest deadline has not passed (a warning).

    A passed EOI deadline closes the door to newcomers, not the consortium's submission.
    Source: docs/formats.md; EEN profiles ("Expression of interest deadline").
    """
    yield from passed(ctx, "eoi", "newcomers can no longer join")
