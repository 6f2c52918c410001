"""Exactly one coordinator: only the coordinator submits the proposal."""

from __future__ import annotations

from collections.abc import Iterator

from consortium.check.context import Context, Hit, Severity, describe

ID = "coordinator"
SEVERITY: Severity = "error"


def unfixable(ctx: Context) -> str | None:
    """An added member fixes a missing coordinator, not a wrong or second one."""
    return "the coordinator must change" if ctx.coordinators else None


def check(ctx: Context) -> Iterator[Hit]:
    """coordinator: exactly one member with role coordinator.

    Source: Funding & Tenders portal (only the coordinator submits); docs/sources.md.
    """
    found = ctx.coordinators
    if not found:
        yield ctx.at_key(
            "no coordinator: give one member role: coordinator (only the coordinator submits)",
            "members",
        )
    for extra in found[1:]:
        yield ctx.at_member(
            extra,
            f"{describe(extra)} is a second coordinator: keep exactly one (the others are partners)",
        )
    for member in found[:1]:
        if "coordinator" not in member.cluster.roles:
            yield ctx.at_member(
                member,
                f"{describe(member)} does not take the coordinator role (its profile's roles: "
                f"{', '.join(member.cluster.roles)}): choose another coordinator",
            )
