"""What a consortium still needs, read from the rules that fail, and what no addition fixes.

Adding members can fix a missing coordinator, too few partners, countries, EU members or
members in less developed or transition regions, and the partner the request seeks. It
cannot fix a member that should not be there (its type, country, ECCP listing, a second
coordinator), a closed call or a request made for another call: each rule says so itself
(its ``unfixable``), and those are said plainly.
"""

from __future__ import annotations

from typing import NamedTuple

from consortium.check.predicates import countries_of, counts_region, is_member_state
from consortium.check.rules import REGISTRY, Context
from consortium.check.runner import Report


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
    unfixable = [
        (rule.id, why)
        for rule in REGISTRY.values()
        if rule.id in failing and (why := rule.unfixable(ctx)) is not None
    ]
    unfixed = {rule for rule, _ in unfixable}
    coordinator = "coordinator" in failing and "coordinator" not in unfixed
    sought_as = None
    if "sought-partner" in failing and "sought-partner" not in unfixed and ctx.seeking:
        sought_as = ctx.seeking.role or "partner"
    regions = sum(counts_region(m.cluster) for m in ctx.members)
    eu_members = sum(is_member_state(m.cluster, ctx.terms) for m in counted)
    countries = countries_of(m.cluster.country for m in counted)
    return Needs(
        partners=max(0, (rules.min_partners or 0) - len(counted)),
        countries=max(0, (rules.min_countries or 0) - len(countries)),
        regions=max(0, (rules.min_less_developed_or_transition or 0) - regions),
        eu_members=max(0, (rules.min_eu_members or 0) - eu_members),
        coordinator=coordinator,
        sought_as=sought_as,
        unfixable=unfixable,
    )
