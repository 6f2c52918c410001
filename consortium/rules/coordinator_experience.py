"""Whether the coordinator has run or joined EU projects, ideally in the programmes sought."""

from __future__ import annotations

from collections.abc import Iterator

from consortium.fit import GENERIC_EXPERIENCE
from consortium.rules.base import Context, Hit, describe

ID = "coordinator-experience"
SEVERITY = "warning"


def check(ctx: Context) -> Iterator[Hit]:
    """coordinator-experience: the coordinator has EU-project experience (a warning).

    Where the request names programmes (``seeking.experience: [COSME]``), experience in
    one of them is expected.
    Source: seed RDFR20201119001 ("experienced in European projects, ideally COSME").
    """
    sought = ctx.seeking.experience if ctx.seeking else []
    programmes = {s.casefold() for s in sought} - GENERIC_EXPERIENCE
    for member in ctx.coordinators[:1]:
        done = {e.programme.casefold() for e in member.cluster.experience}
        if not done:
            yield ctx.at_member(
                member,
                f"{describe(member)} lists no EU project experience: add it to its profile or "
                "choose an experienced coordinator",
            )
        elif programmes and not programmes & done:
            yield ctx.at_member(
                member,
                f"{describe(member)} has no {' or '.join(sorted(sought))} experience, which the "
                "request asks for",
            )
