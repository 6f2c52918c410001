"""One candidate judged against a situation: hard criteria first, then a score in parts.

A candidate failing a hard criterion (unwilling to take the role, the wrong type, no ECCP
listing the call requires, a country the call does not admit or count, a required label
not valid on the deadline) is kept apart with the reason, never dropped. The others get
points per part (``weights.py``), each with its reason, so a cluster manager sees why one
ranks above another. Every criterion is a ``predicates`` answer, the one `check` applies:
full marks for a label, any for experience, and a region's are what make its rule pass.
"""

from __future__ import annotations

from typing import NamedTuple

from consortium.check.fit import fit
from consortium.check.predicates import (
    admits,
    counts_region,
    experience_in,
    label_good_enough,
    wanted_label,
)
from consortium.facts.countries import state_of
from consortium.facts.labels import at_least, lapses_before
from consortium.facts.sectors import common
from consortium.matching.situation import Situation
from consortium.models import Cluster
from consortium.models.fields import LABEL_ORDER


class Part(NamedTuple):
    name: str
    points: float
    weight: int
    reason: str


class Candidate(NamedTuple):
    cluster_id: str
    cluster: Cluster
    refused: list[str]  # hard criteria failed, in words
    parts: list[Part]
    score: int  # points out of 100 over the parts that apply

    @property
    def eligible(self) -> bool:
        return not self.refused

    @property
    def for_(self) -> list[str]:
        return [p.reason for p in self.parts if p.points > 0]

    @property
    def against(self) -> list[str]:
        return [p.reason for p in self.parts if p.points < p.weight]

    @property
    def label_rank(self) -> int:
        label = self.cluster.label
        return LABEL_ORDER[label.level] if label else 0


Memo = dict[tuple[object, ...], tuple[list[str], list[Part], int]]


def assess(
    cluster_id: str, cluster: Cluster, situation: Situation, memo: Memo | None = None
) -> Candidate:
    """The candidate's refusals, parts and score. With ``memo`` (one per situation), profiles
    that agree on every field judged are judged once: a pool of thousands holds many alike."""
    key = _judged_fields(cluster) if memo is not None else ()
    judged = memo.get(key) if memo is not None else None
    if judged is None:
        found = parts(cluster, situation)
        total = sum(p.weight for p in found)
        score = round(100 * sum(p.points for p in found) / total) if total else 0
        judged = (refusals(cluster, situation), found, score)
        if memo is not None:
            memo[key] = judged
    return Candidate(cluster_id, cluster, *judged)


def _judged_fields(cluster: Cluster) -> tuple[object, ...]:
    label = cluster.label
    return (
        cluster.type,
        tuple(cluster.roles),
        cluster.country,
        (label.level, label.valid_until) if label else None,
        cluster.region.category if cluster.region else None,
        cluster.eccp,
        tuple(cluster.sectors),
        tuple((e.programme, e.role, e.project) for e in cluster.experience),
    )


def refusals(cluster: Cluster, situation: Situation) -> list[str]:
    """The hard criteria the cluster fails, each in words."""
    seeking, rules = situation.seeking, situation.rules
    judged = fit(cluster, seeking, situation.on, only=("role", "type", "label"))
    refused = [
        c.reason
        for c in judged.criteria
        if c.required and not c.met and c.name in ("role", "type", "label")
    ]
    refused += [r.reason for r in admits(cluster, situation.terms)]
    wanted = wanted_label(rules, seeking, situation.reference)
    label = cluster.label
    if (
        seeking.role == "coordinator"
        and wanted
        and wanted.required
        and wanted.by == "call"  # a label the request requires is ``fit``'s criterion
        and not label_good_enough(label, wanted.level, situation.on)
    ):
        if label is not None and at_least(label, wanted.level):
            refused.append(
                f"its {label.level} label lapses on {label.valid_until}, before {situation.when}"
            )
        else:
            refused.append(f"the call requires a {wanted.level} coordinator")
    return list(dict.fromkeys(refused))


def parts(cluster: Cluster, situation: Situation) -> list[Part]:
    w = situation.weights
    found = [
        _sector(cluster, situation, w["sector"]),
        _label(cluster, situation, w["label"]),
        _experience(cluster, situation, w["experience"]),
        _country(cluster, situation, w["country"]),
        _region(cluster, situation, w["region"]),
        _eccp(cluster, situation, w["eccp"]),
    ]
    return [p for p in found if p is not None and p.weight > 0]


def _sector(cluster: Cluster, situation: Situation, weight: int) -> Part | None:
    sought = situation.seeking.sectors
    if not sought:
        return None
    shared = common(sought, cluster.sectors)
    if sought[0] in shared:
        return Part(
            "sector", weight, weight, f"works in {sought[0]} ({', '.join(cluster.sectors)})"
        )
    if shared:
        return Part("sector", 0.6 * weight, weight, f"works in {shared[0]}, a linked field")
    offered = ", ".join(cluster.sectors) or "no sector given"
    return Part("sector", 0, weight, f"works in {offered}, none of {', '.join(sought)}")


def _label(cluster: Cluster, situation: Situation, weight: int) -> Part | None:
    """Full marks exactly where the label is good enough for the label wanted of the role
    sought (``predicates.wanted_label``): the one `coordinator-label` asks of a coordinator."""
    seeking = situation.seeking
    role = "partner" if seeking.role == "partner" else "coordinator"
    asked = wanted_label(situation.rules, seeking, situation.reference, role)
    if asked is None:
        return None
    wanted = asked.level
    label = cluster.label
    if label is None:
        how = "required" if asked.required else "preferred"
        return Part("label", 0, weight, f"holds no label ({wanted} {how})")
    if lapses_before(label, situation.on):
        reason = (
            f"its {label.level} label lapses on {label.valid_until}, before {situation.when}: "
            "counts as none"
        )
        return Part("label", 0, weight, reason)
    share = min(1.0, LABEL_ORDER[label.level] / LABEL_ORDER[wanted])
    until = f", valid until {label.valid_until}" if label.valid_until else ""
    return Part("label", share * weight, weight, f"holds a {label.level} label{until}")


def _experience(cluster: Cluster, situation: Situation, weight: int) -> Part | None:
    """Points exactly where `coordinator-experience` would pass with the cluster as
    coordinator: experience in a programme the request names, or any where it names
    none; full for a coordinator, half for a partner."""
    programmes = situation.programmes
    named = "/".join(sorted(programmes)).upper() if programmes else "EU"
    done = experience_in(cluster, programmes)
    if any(e.role == "coordinator" for e in done):
        project = next(e.project for e in done if e.role == "coordinator")
        return Part("experience", weight, weight, f"has coordinated a {named} project ({project})")
    if done:
        return Part("experience", weight / 2, weight, f"has been a partner in a {named} project")
    return Part("experience", 0, weight, f"has no {named} experience")


def _country(cluster: Cluster, situation: Situation, weight: int) -> Part | None:
    if not situation.countries:
        return None
    present = ", ".join(sorted(situation.countries))
    code, state = cluster.country, state_of(cluster.country)
    if state in situation.countries:
        said = f"{code} is already" if code == state else f"{code} counts as {state}, already"
        return Part("country", 0, weight, f"{said} in the consortium")
    return Part("country", weight, weight, f"adds {cluster.country} (the consortium has {present})")


def _region(cluster: Cluster, situation: Situation, weight: int) -> Part | None:
    if not situation.rules.min_less_developed_or_transition:
        return None
    category = cluster.region.category if cluster.region else None
    if counts_region(cluster):
        return Part("region", weight, weight, f"sits in a {category} region")
    where = f"a {category} region" if category else "a region of unknown category"
    return Part("region", 0, weight, f"sits in {where}")


def _eccp(cluster: Cluster, situation: Situation, weight: int) -> Part | None:
    if not situation.rules.eccp_required:
        return None
    if cluster.eccp:
        return Part("eccp", weight, weight, "is listed on the ECCP")
    return Part("eccp", 0, weight, "is not listed on the ECCP, which the call requires")
