"""Whether the coordinator holds the cluster-management label the call or request asks for."""

from __future__ import annotations

from collections.abc import Iterator

from consortium.labels import at_least, lapses_before
from consortium.rules.base import Context, Hit, describe
from consortium.rules.labels import wanted_label

ID = "coordinator-label"
SEVERITY = "warning"


def check(ctx: Context) -> Iterator[Hit]:
    """coordinator-label: the coordinator's label at least the level asked for, valid at the deadline.

    An error where the label is required (call rules ``coordinator_label: {required: ...}``
    or the request's ``label_required: true``), a warning where it is only preferred.
    Source: seed RDFR20201119001 ("a Gold label is a plus": preferred); ESCA label levels.
    """
    wanted = wanted_label(ctx)
    if wanted is None:
        return
    for member in ctx.coordinators[:1]:
        label = member.cluster.label
        if label and lapses_before(label, ctx.judged_on):
            label = None
        if not at_least(label, wanted.level):
            held: str = member.cluster.label.level if member.cluster.label else "no label"
            if member.cluster.label and label is None:
                held = f"a {held} label that lapses before {ctx.judged_when}"
            yield ctx.at_member(
                member,
                f"{wanted.why} a {wanted.level} coordinator; {describe(member)} holds {held}",
                severity=wanted.severity,
            )
