"""Whether the coordinator holds the cluster-management label the call or request asks for."""

from __future__ import annotations

from collections.abc import Iterator

from consortium.check.context import Context, Hit, Severity, describe
from consortium.check.predicates import label_good_enough
from consortium.facts.labels import lapses_before

ID = "coordinator-label"
SEVERITY: Severity = "warning"


def unfixable(ctx: Context) -> str | None:
    """An added member is no coordinator's label: the coordinator's must change."""
    if ctx.coordinators:
        return "the coordinator's label must be renewed or the coordinator changed"
    return None


def check(ctx: Context) -> Iterator[Hit]:
    """coordinator-label: the coordinator's label at least the level asked for, valid at the deadline.

    An error where the label is required (call rules ``coordinator_label: {required: ...}``
    or the request's ``label_required: true``), a warning where it is only preferred.
    Source: seed RDFR20201119001 ("a Gold label is a plus": preferred); ESCA label levels.
    """
    wanted = ctx.wanted_label
    if wanted is None:
        return
    for member in ctx.coordinators[:1]:
        label = member.cluster.label
        if not label_good_enough(label, wanted.level, ctx.judged_on):
            held: str = label.level if label else "no label"
            if label and lapses_before(label, ctx.judged_on):
                held = f"a {held} label that lapses before {ctx.judged_when}"
            yield ctx.at_member(
                member,
                f"{wanted.why} a {wanted.level} coordinator; {describe(member)} holds {held}",
                severity=wanted.severity,
            )
