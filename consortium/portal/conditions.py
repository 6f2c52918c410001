"""The consortium conditions a topic gets when its call document is not read: the
programme's general conditions for its type of action, where a sourced one exists.

The portal's data does not hold the consortium conditions: they are in the call document.
Horizon Europe's standard ones are in its General Annexes (Annex B), which the call
document applies unless it says otherwise: research and innovation actions and innovation
actions need three independent legal entities from three different countries, one at least
in a Member State (the HORIZON-GENERIC preset's rules and source); a coordination and
support action needs one entity, in a Member State or an Associated Country. For any other
programme or type of action no rules are written, and the call says they are not encoded,
so no check passes it as complete (docs/sources.md, "Funding & Tenders Portal").
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from consortium.portal.topics import Topic

CSA_SOURCE = (
    "Horizon Europe Work Programme, General Annexes, Annex B (eligibility): coordination and "
    "support actions need at least one legal entity in a Member State or Associated Country"
)


@dataclass(frozen=True)
class Conditions:
    rules: dict[str, Any]
    verified: bool
    source: str | None  # where they come from, for the call's ``sources``
    note: str


def _generic() -> tuple[dict[str, Any], str]:
    from consortium.calls.known import preset_data

    preset = preset_data("HORIZON-GENERIC")
    return dict(preset["rules"]), preset["sources"][0]


def action_kind(type_of_action: str | None) -> str | None:
    """RIA, IA or CSA from the portal's wording ('HORIZON Research and Innovation Actions')."""
    words = " ".join((type_of_action or "").lower().split())
    if "research and innovation action" in words:
        return "RIA"
    if "coordination and support action" in words:
        return "CSA"
    if "innovation action" in words:
        return "IA"
    return None


def conditions_for(topic: Topic) -> Conditions:
    """The general conditions for ``topic``, or none (then its rules are not encoded)."""
    kind = action_kind(topic.type_of_action) if topic.programme == "Horizon Europe" else None
    if kind in ("RIA", "IA"):
        rules, source = _generic()
        return Conditions(rules, True, source, _note(kind))
    if kind == "CSA":
        rules = {"min_partners": 1, "eligible_countries": ["HORIZON_EUROPE"]}
        rules["third_countries"] = "allowed"
        return Conditions(rules, True, CSA_SOURCE, _note(kind))
    return Conditions(
        {},
        False,
        None,
        "Rules not encoded: the portal does not give the consortium conditions and no "
        "general conditions are known for this programme and type of action. Read them in "
        "the call document, write them under rules: and set rules_verified: true.",
    )


def _note(kind: str) -> str:
    return (
        f"Rules from Horizon Europe's general conditions for a {kind} (General Annexes): the "
        "call document may add to them; read it and adjust rules: if it does."
    )
