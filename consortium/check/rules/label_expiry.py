"""Whether the coordinator's label is still valid on the call deadline."""

from __future__ import annotations

from collections.abc import Iterator

from consortium.check.context import Context, Hit, Severity, describe
from consortium.check.rules.coordinator_label import unfixable
from consortium.facts.labels import lapses_before

__all__ = ["ID", "SEVERITY", "check", "unfixable"]  # unfixable: coordinator-label's, the same

ID = "label-expiry"
SEVERITY: Severity = "warning"


def check(ctx: Context) -> Iterator[Hit]:
    """label-expiry: the coordinator's label does not lapse before the call deadline.

    A lapsed label does not count. An error where a label is required, else a warning.
    Source: docs/sources.md, "Cluster management labels" (Bronze and Silver valid two
    years on first award, renewable up to a year after expiry; a lapsing label does not
    count).
    """
    wanted = ctx.wanted_label
    severity = wanted.severity if wanted else "warning"
    for member in ctx.coordinators[:1]:
        label = member.cluster.label
        if label and lapses_before(label, ctx.judged_on):
            yield ctx.at_member(
                member,
                f"{describe(member)}'s {label.level} label lapses on {label.valid_until}, before "
                f"{ctx.judged_when}: renew it first (renewal is possible up to a year after "
                "expiry) or it does not count",
                severity=severity,
            )
