"""The one matcher: does a cluster fit what a request seeks, for a role, on a day?

Every criterion is returned, met or missed, with a reason a cluster manager can read, so
the same judgement serves the `sought-partner` rule, `match` and `suggest`; the labels and
experience it judges are ``predicates``' answers. Required
criteria decide whether the cluster fits; the others (a preferred label, experience) only
say what speaks for or against it.
"""

from __future__ import annotations

from datetime import date
from typing import NamedTuple

from consortium.check.predicates import experience_in, label_good_enough, programmes_sought
from consortium.display.text import joined
from consortium.facts.labels import lapses_before
from consortium.facts.sectors import common
from consortium.models import Cluster, Seeking

ORGANISATION_TYPES = ("cluster", "business-network")


class Criterion(NamedTuple):
    name: str  # role, type, sector, label, experience
    met: bool
    required: bool
    reason: str


class Fit(NamedTuple):
    cluster: Cluster
    criteria: list[Criterion]

    @property
    def fits(self) -> bool:
        return all(c.met for c in self.criteria if c.required)

    @property
    def missed(self) -> list[Criterion]:
        return [c for c in self.criteria if not c.met]

    @property
    def missed_required(self) -> list[Criterion]:
        return [c for c in self.criteria if c.required and not c.met]


CRITERIA = ("role", "type", "sector", "label", "experience")


def fit(
    cluster: Cluster,
    seeking: Seeking,
    on: date,
    acting_as: str | None = None,
    only: tuple[str, ...] = CRITERIA,
) -> Fit:
    """How ``cluster`` fits ``seeking`` on day ``on`` (judged on the criteria ``only``).

    ``acting_as`` is the role the cluster holds in a consortium; without it (a candidate),
    the role criterion asks whether its profile takes the role sought.
    """
    found = (
        _role(cluster, seeking, acting_as) if "role" in only else None,
        _type(cluster, seeking) if "type" in only else None,
        _sector(cluster, seeking) if "sector" in only else None,
        _label(cluster, seeking, on) if "label" in only else None,
        _experience(cluster, seeking) if "experience" in only else None,
    )
    return Fit(cluster, [c for c in found if c is not None])


def _role(cluster: Cluster, seeking: Seeking, acting_as: str | None) -> Criterion | None:
    role = seeking.role
    if role is None:
        return None
    if acting_as is not None:
        met = acting_as == role
        reason = f"is the {role}" if met else f"is a {acting_as}, not the {role}"
        return Criterion("role", met, True, reason)
    met = role in cluster.roles
    verb = "takes" if met else "does not take"
    return Criterion("role", met, True, f"{verb} the {role} role")


def _type(cluster: Cluster, seeking: Seeking) -> Criterion | None:
    if seeking.type not in ORGANISATION_TYPES:
        return None
    met = cluster.type == seeking.type
    return Criterion("type", met, True, f"is a {cluster.type}, {seeking.type} sought")


def _sector(cluster: Cluster, seeking: Seeking) -> Criterion | None:
    if not seeking.sectors:
        return None
    shared = common(seeking.sectors, cluster.sectors)
    if shared:
        return Criterion("sector", True, True, f"works in {', '.join(shared)}")
    offered = ", ".join(cluster.sectors) or "no sector"
    return Criterion("sector", False, True, f"works in {offered}, not {_either(seeking.sectors)}")


def _label(cluster: Cluster, seeking: Seeking, on: date) -> Criterion | None:
    if not seeking.label:
        return None
    label, wanted = cluster.label, seeking.label
    required = seeking.label_required
    if label is None:
        return Criterion("label", False, required, f"holds no label, {wanted} sought")
    if lapses_before(label, on):
        reason = f"its {label.level} label lapses on {label.valid_until}, before {on}"
        return Criterion("label", False, required, reason)
    met = label_good_enough(label, wanted, on)
    until = f" valid until {label.valid_until}" if label.valid_until else ""
    return Criterion("label", met, required, f"holds a {label.level} label{until}, {wanted} sought")


def _experience(cluster: Cluster, seeking: Seeking) -> Criterion | None:
    """Experience in a programme sought; where only "European projects" is sought, any."""
    if not seeking.experience:
        return None
    done = experience_in(cluster, programmes_sought(seeking))
    if done:
        roles = sorted({e.role or "member" for e in done})
        return Criterion(
            "experience",
            True,
            False,
            f"has {_either(seeking.experience)} experience as {' and '.join(roles)}",
        )
    return Criterion("experience", False, False, f"has no {_either(seeking.experience)} experience")


def _either(words: list[str]) -> str:
    return joined(words, "or")
