"""The rules of a consortium check: one module each, registered here by stable id.

Each module has ``ID``, a ``check(context)`` that yields findings, and a docstring giving
the rule, its source, and a passing and a failing example (a test holds every rule to that).
Severities are the defaults of DESIGN section 4; label rules set theirs from the call.
"""

from __future__ import annotations

from consortium.rules import (
    call_deadline,
    coordinator,
    coordinator_experience,
    coordinator_label,
    countries,
    duplicate_member,
    eccp,
    eligible_country,
    eoi_deadline,
    label_expiry,
    member_type,
    partners,
    pic,
    region,
    sought_partner,
    unconfirmed_member,
)
from consortium.rules.base import Check, Context, Finding

REGISTRY: dict[str, Check] = {
    "min-partners": partners.check_min,
    "max-partners": partners.check_max,
    "min-countries": countries.check,
    "eligible-country": eligible_country.check,
    "member-type": member_type.check,
    "eccp": eccp.check,
    "region": region.check,
    "coordinator": coordinator.check,
    "coordinator-label": coordinator_label.check,
    "label-expiry": label_expiry.check,
    "coordinator-experience": coordinator_experience.check,
    "sought-partner": sought_partner.check,
    "unconfirmed-member": unconfirmed_member.check,
    "pic": pic.check,
    "duplicate-member": duplicate_member.check,
    "call-deadline": call_deadline.check,
    "eoi-deadline": eoi_deadline.check,
}

__all__ = ["REGISTRY", "Check", "Context", "Finding"]
