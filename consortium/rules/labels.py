"""Cluster-management labels: which one the call or request wants, and whether one counts.

Labels (ESCA, since December 2020 EUCLES): Bronze < Silver < Gold; Bronze and Silver are
valid two years on first award (Gold's validity was not found). A label that lapses before
the call deadline does not count (docs/sources.md, "Cluster management labels").
"""

from __future__ import annotations

from typing import NamedTuple

from consortium.rules.base import Context, Severity


class Wanted(NamedTuple):
    level: str
    required: bool
    why: str

    @property
    def severity(self) -> Severity:
        return "error" if self.required else "warning"


def wanted_label(ctx: Context) -> Wanted | None:
    """The coordinator label asked for: required beats preferred, the call beats the request."""
    rule = ctx.proposal.rules.coordinator_label
    request, seeking = ctx.proposal.request, ctx.seeking
    asks_coordinator = seeking is not None and seeking.role in (None, "coordinator")
    if rule and rule.required:
        return Wanted(rule.required, True, "the call requires")
    if request and seeking and asks_coordinator and seeking.label and seeking.label_required:
        return Wanted(seeking.label, True, f"request {request.reference} requires")
    if rule and rule.preferred:
        return Wanted(rule.preferred, False, "the call prefers")
    if request and seeking and asks_coordinator and seeking.label:
        return Wanted(seeking.label, False, f"request {request.reference} prefers")
    return None
