"""The rules of a consortium check: one module each, registered here by stable id.

Each module is a ``RuleModule`` (mypy checks every one listed here): ``ID``, a default
``SEVERITY``, a ``check(context)`` yielding hits, and ``unfixable(context)`` saying why no
added member fixes its errors (``suggest`` reads it); its docstring gives the rule and its
source, and ``examples/<id>.yaml`` its passing and failing examples, run by a test (tests
hold every rule to that, and the README's rule table to this registry). The order here is
the order findings are reported in.
"""

from __future__ import annotations

from consortium.check.context import Check, Context, Finding, Hit, Rule, RuleModule
from consortium.check.rules import (
    call_deadline,
    call_rules,
    coordinator,
    coordinator_experience,
    coordinator_label,
    duplicate_member,
    eccp,
    eligible_country,
    eoi_deadline,
    label_expiry,
    max_partners,
    member_type,
    min_countries,
    min_partners,
    not_counted,
    pic,
    region,
    request_call,
    sought_partner,
    transitional_association,
    unconfirmed_member,
)

MODULES: tuple[RuleModule, ...] = (
    call_rules,
    min_partners,
    max_partners,
    min_countries,
    eligible_country,
    not_counted,
    transitional_association,
    member_type,
    eccp,
    region,
    coordinator,
    coordinator_label,
    label_expiry,
    coordinator_experience,
    sought_partner,
    request_call,
    unconfirmed_member,
    pic,
    duplicate_member,
    call_deadline,
    eoi_deadline,
)
REGISTRY: dict[str, Rule] = {rule.id: rule for rule in map(Rule.of, MODULES)}

__all__ = ["MODULES", "REGISTRY", "Check", "Context", "Finding", "Hit", "Rule", "RuleModule"]
