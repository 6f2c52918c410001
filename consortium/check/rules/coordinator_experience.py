"""Whether the coordinator has run or joined EU projects, ideally in the programmes sought."""

from __future__ import annotations

from collections.abc import Iterator

from consortium.check.context import Context, Hit, Severity, describe, fixed_by_adding
from consortium.check.predicates import has_experience, programmes_sought

ID = "coordinator-experience"
SEVERITY: Severity = "warning"
unfixable = fixed_by_adding


def check(ctx: Context) -> Iterator[Hit]:
    """coordinator-experience: the coordinator has EU-project experience (a warning).

    Where the request names programmes (``seeking.experience: [COSME]``), experience in
    one of them is expected; a programme period written after the name counts as the
    programme (``COSME 2014-2020`` is COSME experience).
    Source: seed RDFR20201119001 ("experienced in European projects, ideally COSME").
    """
    sought = ctx.seeking.experience if ctx.seeking else []
    programmes = programmes_sought(ctx.seeking)
    for member in ctx.coordinators[:1]:
        if not member.cluster.experience:
            yield ctx.at_member(
                member,
                f"{describe(member)} lists no EU project experience: add it to its profile or "
                "choose an experienced coordinator",
            )
        elif not has_experience(member.cluster, programmes):
            yield ctx.at_member(
                member,
                f"{describe(member)} has no {' or '.join(sorted(sought))} experience, which the "
                "request asks for",
            )
