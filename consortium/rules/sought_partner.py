"""Whether the partner the request looks for has actually been found."""

from __future__ import annotations

from collections.abc import Iterator

from consortium.proposal import Member
from consortium.rules.base import Context, Finding
from consortium.rules.labels import at_least, lapses_before


def check(ctx: Context) -> Iterator[Finding]:
    """sought-partner: some member matches what the request seeks.

    A match has the role sought, the organisation type sought (when it is one of ours),
    a sector in common (``energy`` matches ``energy efficiency``), and a valid label of
    the level sought when the request requires one.
    Source: the request file's ``seeking:`` (seed RDFR20201119001: an energy, digital or
    construction cluster to coordinate).
    Passes: a coordinating cluster with sectors [energy]. Fails: no coordinator at all.
    """
    request = ctx.proposal.request
    seeking = request.request.seeking if request else None
    if request is None or seeking is None:
        return
    if any(_matches(ctx, m) for m in ctx.members):
        return
    sectors = seeking.sectors
    what = ", ".join(sectors[:-1]) + f" or {sectors[-1]}" if len(sectors) > 1 else "".join(sectors)
    sought = f"{what} {seeking.type or 'partner'}".strip()
    article = "an" if sought[:1].lower() in "aeiou" else "a"
    role = "to coordinate" if seeking.role == "coordinator" else "as a partner"
    yield ctx.at_key(
        "sought-partner",
        "error",
        f"request {request.request.reference} seeks {article} {sought} {role}; "
        "no member matches: add one",
        "members",
    )


def _matches(ctx: Context, member: Member) -> bool:
    seeking = ctx.proposal.request.request.seeking  # type: ignore[union-attr]
    assert seeking is not None
    cluster = member.cluster
    if seeking.role and member.entry.role != seeking.role:
        return False
    if seeking.type in ("cluster", "business-network") and cluster.type != seeking.type:
        return False
    if seeking.sectors and not _sector_overlap(seeking.sectors, cluster.sectors):
        return False
    if seeking.label and seeking.label_required:
        label = cluster.label
        return (
            label is not None
            and at_least(label, seeking.label)
            and not lapses_before(label, ctx.on)
        )
    return True


def _sector_overlap(sought: list[str], offered: list[str]) -> bool:
    """Case-insensitive, either way round: 'energy' ~ 'energy efficiency'."""
    wanted = [s.casefold() for s in sought]
    return any(w in o.casefold() or o.casefold() in w for w in wanted for o in offered)
