"""Whether each member has a PIC: without one it cannot be added to a proposal."""

from __future__ import annotations

import re
from collections.abc import Iterator

from consortium.check.context import Context, Hit, Severity, describe, fixed_by_adding

ID = "pic"
SEVERITY: Severity = "warning"
unfixable = fixed_by_adding

PIC = re.compile(r"^\d{9}$")


def check(ctx: Context) -> Iterator[Hit]:
    """pic: every member has a 9-digit Participant Identification Code (a warning).

    Source: Funding & Tenders portal (a partner without a PIC cannot be added).
    """
    for member in ctx.members:
        pic = member.cluster.pic
        if not pic:
            yield ctx.at_member(
                member,
                f"{describe(member)} has no PIC: register it on the Funding & Tenders portal "
                "and add pic to its profile",
            )
        elif not PIC.match(pic):
            yield ctx.at_member(member, f"{describe(member)} has PIC '{pic}': a PIC has 9 digits")
