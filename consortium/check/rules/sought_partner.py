"""Whether the partner the request looks for has actually been found."""

from __future__ import annotations

from collections.abc import Iterator

from consortium.check.context import Context, Hit, Severity, describe
from consortium.check.fit import Fit, fit
from consortium.display.text import joined
from consortium.models import Seeking
from consortium.proposal.member import Member

ID = "sought-partner"
SEVERITY: Severity = "error"


def unfixable(ctx: Context) -> str | None:
    """An added member can be the partner sought, but not replace the coordinator sought."""
    seeking = ctx.seeking
    if seeking is not None and seeking.role == "coordinator" and ctx.coordinators:
        return "the coordinator must change to the partner sought"
    return None


def check(ctx: Context) -> Iterator[Hit]:
    """sought-partner: some member is the partner the request seeks.

    A match holds the role sought, is of the organisation type sought (when it is one of
    ours), shares a sector (``energy`` matches ``energy efficiency``), and holds a valid label
    of the level sought where the request requires one (``consortium.check.fit``). When none
    does, the message names what nobody offers and what the closest member lacks.
    Source: the request file's ``seeking:`` (seed RDFR20201119001: an energy, digital or
    construction cluster to coordinate).
    """
    seeking = ctx.seeking
    request = ctx.proposal.request
    if request is None or seeking is None:
        return
    fits = [(m, fit(m.cluster, seeking, ctx.judged_on, m.spec.role)) for m in ctx.members]
    if any(f.fits for _, f in fits):
        return
    why = _why_not(fits)
    yield ctx.at_key(
        f"request {request.reference} seeks {_sought(seeking)}; no member matches{why}: add one",
        "members",
    )


def _sought(seeking: Seeking) -> str:
    sectors = seeking.sectors
    what = joined(sectors, "or")
    sought = f"{what} {seeking.type or 'partner'}".strip()
    article = "an" if sought[:1].lower() in "aeiou" else "a"
    role = "to coordinate" if seeking.role == "coordinator" else "as a partner"
    label = (
        f" with a valid {seeking.label} label" if seeking.label and seeking.label_required else ""
    )
    return f"{article} {sought}{label} {role}"


def _why_not(fits: list[tuple[Member, Fit]]) -> str:
    """'; nobody meets: label; closest: X (DK), which holds a silver label...'"""
    if not fits:
        return " (the consortium has no members)"
    names = [c.name for c in fits[0][1].criteria if c.required]
    nobody = [n for n in names if all(n in {c.name for c in f.missed_required} for _, f in fits)]
    member, closest = min(fits, key=lambda mf: len(mf[1].missed_required))
    lacks = "; ".join(c.reason for c in closest.missed_required)
    said = f" (nobody meets: {', '.join(nobody)})" if nobody else ""
    return f"{said}; closest: {describe(member)}, which {lacks}"
