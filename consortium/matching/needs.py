"""What a consortium still needs, read from the rules that fail, and what no addition fixes.

Adding members can fix a missing coordinator, too few partners, countries, EU members or
members in less developed or transition regions, and the partner the request seeks. It
cannot fix a member that should not be there (its type, country, ECCP listing, a second
coordinator), a closed call or a request made for another call: those are said plainly.
"""

from __future__ import annotations

from typing import NamedTuple

from consortium.checks import Report
from consortium.eligibility import member_states
from consortium.matching.score import COUNTED_REGIONS
from consortium.rules import Context

# Rules whose errors only changes to the existing members or files can fix.
NOT_BY_ADDING = {
    "max-partners": "remove members",
    "member-type": "replace the member of the wrong type",
    "eccp": "list the member on the ECCP",
    "duplicate-member": "remove the duplicate",
    "call-deadline": "the call is closed",
    "request-call": "answer a request for this call",
}


class Needs(NamedTuple):
    partners: int
    countries: int
    regions: int
    eu_members: int
    coordinator: bool  # a coordinator must be added
    sought_as: str | None  # the role in which an addition must be the partner sought
    unfixable: list[tuple[str, str]]  # (rule, why no addition fixes it)

    @property
    def lower_bound(self) -> int:
        roles = int(self.coordinator) + int(self.sought_as == "partner")
        return max(self.partners, self.countries, self.regions, self.eu_members, roles, 0)

    @property
    def any(self) -> bool:
        return self.lower_bound > 0


def needs_of(report: Report) -> Needs:
    ctx = Context(report.proposal, report.now)
    failing = {f.rule for f in report.errors}
    rules = report.proposal.rules
    counted = ctx.counted
    unfixable = [(r, why) for r, why in NOT_BY_ADDING.items() if r in failing]
    coordinator = "coordinator" in failing and not ctx.coordinators
    if "coordinator" in failing and ctx.coordinators:
        unfixable.append(("coordinator", "the coordinator must change"))
    for rule in ("coordinator-label", "label-expiry"):
        if rule in failing and ctx.coordinators:
            unfixable.append(
                (rule, "the coordinator's label must be renewed or the coordinator changed")
            )
    sought_as = None
    if "sought-partner" in failing and ctx.seeking is not None:
        sought_as = ctx.seeking.role or "partner"
        if sought_as == "coordinator" and ctx.coordinators:
            unfixable.append(
                ("sought-partner", "the coordinator must change to the partner sought")
            )
            sought_as = None
    allowed = ctx.allowed
    outsiders = allowed is not None and any(m.cluster.country not in allowed for m in ctx.members)
    if "eligible-country" in failing and outsiders and not ctx.admits_others:
        unfixable.append(("eligible-country", "replace the member from an ineligible country"))
    states = member_states(ctx.scope)
    regions = sum(
        bool(m.cluster.region and m.cluster.region.category in COUNTED_REGIONS) for m in ctx.members
    )
    return Needs(
        partners=max(0, (rules.min_partners or 0) - len(counted)),
        countries=max(0, (rules.min_countries or 0) - len({m.cluster.country for m in counted})),
        regions=max(0, (rules.min_less_developed_or_transition or 0) - regions),
        eu_members=max(
            0, (rules.min_eu_members or 0) - sum(m.cluster.country in states for m in counted)
        ),
        coordinator=coordinator,
        sought_as=sought_as,
        unfixable=unfixable,
    )
