"""One candidate judged against a situation: hard criteria first, then a score in parts.

A candidate failing a hard criterion (unwilling to take the role, the wrong type, no ECCP
listing the call requires, a country the call does not admit or count, a required label
not valid on the deadline) is kept apart with the reason, never dropped. The others get
points per part (``weights.py``), each with its reason, so a cluster manager sees why one
ranks above another. Every criterion is a ``predicates`` answer, the one `check` applies:
full marks for a label, any for experience, and a region's are what make its rule pass.
"""

from __future__ import annotations

from collections.abc import Callable, Hashable
from typing import NamedTuple, TypeVar

from consortium.check.fit import fit
from consortium.check.predicates import (
    admits,
    counts_programme,
    counts_region,
    label_good_enough,
    wanted_label,
)
from consortium.facts.countries import state_of
from consortium.facts.labels import at_least, lapses_before
from consortium.facts.sectors import common
from consortium.matching.situation import Situation
from consortium.models import Cluster, Label
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


K = TypeVar("K", bound=Hashable)
V = TypeVar("V")


class Scorer:
    """One situation's judge of candidates, for one ranking.

    What depends only on the request (the label wanted, the programmes sought, the
    strings said about the consortium, the weights and the parts that apply) is worked
    out once here, not once a profile. With ``memoise``, each part is also kept on the
    inputs it reads, and only those (the label part on the label's level and date, the
    region part on its category, the country part on the code, the sector part on the
    sectors, the refusals on every field ``fit`` and ``admits`` read): distinct profiles
    still share them, where a memo on the whole profile would never hit. The memo lives
    as long as the scorer, so no answer outlives the ranking it was made for.
    """

    def __init__(self, situation: Situation, memoise: bool = True) -> None:
        self.situation = situation
        self.memoise = memoise
        seeking, rules = situation.seeking, situation.rules
        weights = situation.weights
        self._sought = list(seeking.sectors)
        self._coordinator_label = wanted_label(rules, seeking, situation.reference)
        role = "partner" if seeking.role == "partner" else "coordinator"
        self._asked = wanted_label(rules, seeking, situation.reference, role)
        self._programmes = situation.programmes
        programmes = self._programmes
        self._named = "/".join(sorted(programmes)).upper() if programmes else "EU"
        self._present = ", ".join(sorted(situation.countries))
        applies = {
            "sector": bool(self._sought),
            "label": self._asked is not None,
            "experience": True,
            "country": bool(situation.countries),
            "region": bool(rules.min_less_developed_or_transition),
            "eccp": bool(rules.eccp_required),
        }
        # Plain functions, not bound methods: a scorer holding its own methods would be a
        # reference cycle, its memo freed only by the cycle collector, paused while ranking.
        makers: dict[str, Callable[[Scorer, Cluster, int], Part]] = {
            "sector": Scorer._sector,
            "label": Scorer._label,
            "experience": Scorer._experience,
            "country": Scorer._country,
            "region": Scorer._region,
            "eccp": Scorer._eccp,
        }
        self._parts = [
            (makers[name], weights[name]) for name in makers if applies[name] and weights[name] > 0
        ]
        self._total = sum(weight for _, weight in self._parts)
        self._refused: dict[Hashable, list[str]] = {}
        self._sectors: dict[tuple[str, ...], Part] = {}
        self._labels: dict[Hashable, Part] = {}
        self._programmes_counted: dict[str, bool] = {}
        self._countries: dict[str, Part] = {}
        self._regions: dict[str | None, Part] = {}
        self._eccps: dict[bool | str, Part] = {}
        # The experience part's reasons but a lead's project, said once a request.
        said = weights["experience"]
        named = self._named
        self._partnered = Part(
            "experience", said / 2, said, f"has been a partner in a {named} project"
        )
        self._unversed = Part("experience", 0, said, f"has no {named} experience")

    def assess(self, cluster_id: str, cluster: Cluster) -> Candidate:
        """The candidate's refusals, parts and score."""
        found = [make(self, cluster, weight) for make, weight in self._parts]
        total = self._total
        score = round(100 * sum([p.points for p in found]) / total) if total else 0
        return Candidate(cluster_id, cluster, self.refusals(cluster), found, score)

    def _keep(self, table: dict[K, V], key: K, value: V) -> V:
        """``value``, kept under ``key`` in ``table`` when memoising (plain lookups, no
        closure a profile: thousands of small objects a ranking would wake the collector)."""
        if self.memoise:
            table[key] = value
        return value

    def refusals(self, cluster: Cluster) -> list[str]:
        """The hard criteria the cluster fails, each in words. Kept on every field they
        read: ``fit`` (role, type, label) its roles, type and label; ``admits`` its type,
        ECCP listing and country; the call's label its label."""
        label = cluster.label
        key = (
            cluster.type,
            tuple(cluster.roles),
            (label.level, label.valid_until) if label else None,
            cluster.eccp,
            cluster.country,
        )
        refused = self._refused.get(key)
        if refused is None:
            refused = self._keep(self._refused, key, self._refusals(cluster))
        return list(refused)

    def _refusals(self, cluster: Cluster) -> list[str]:
        situation = self.situation
        seeking = situation.seeking
        judged = fit(cluster, seeking, situation.on, only=("role", "type", "label"))
        refused = [
            c.reason
            for c in judged.criteria
            if c.required and not c.met and c.name in ("role", "type", "label")
        ]
        refused += [r.reason for r in admits(cluster, situation.terms)]
        wanted = self._coordinator_label
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

    def _sector(self, cluster: Cluster, weight: int) -> Part:
        key = tuple(cluster.sectors)
        part = self._sectors.get(key)
        return part or self._keep(self._sectors, key, self._sector_part(cluster.sectors, weight))

    def _sector_part(self, sectors: list[str], weight: int) -> Part:
        sought = self._sought
        shared = common(sought, sectors)
        if sought[0] in shared:
            return Part("sector", weight, weight, f"works in {sought[0]} ({', '.join(sectors)})")
        if shared:
            return Part("sector", 0.6 * weight, weight, f"works in {shared[0]}, a linked field")
        offered = ", ".join(sectors) or "no sector given"
        return Part("sector", 0, weight, f"works in {offered}, none of {', '.join(sought)}")

    def _label(self, cluster: Cluster, weight: int) -> Part:
        label = cluster.label
        key = (label.level, label.valid_until) if label else None
        part = self._labels.get(key)
        return part or self._keep(self._labels, key, self._label_part(label, weight))

    def _label_part(self, label: Label | None, weight: int) -> Part:
        """Full marks exactly where the label is good enough for the label wanted of the
        role sought (``predicates.wanted_label``): the one `coordinator-label` asks of a
        coordinator."""
        asked, situation = self._asked, self.situation
        assert asked is not None  # the part applies only where a label is asked
        wanted = asked.level
        if label is None:
            how = "required" if asked.required else "preferred"
            return Part("label", 0, weight, f"holds no label ({wanted} {how})")
        if lapses_before(label, situation.on):
            reason = (
                f"its {label.level} label lapses on {label.valid_until}, "
                f"before {situation.when}: counts as none"
            )
            return Part("label", 0, weight, reason)
        share = min(1.0, LABEL_ORDER[label.level] / LABEL_ORDER[wanted])
        until = f", valid until {label.valid_until}" if label.valid_until else ""
        return Part("label", share * weight, weight, f"holds a {label.level} label{until}")

    def _counts(self, programme: str) -> bool:
        """``counts_programme`` for the programmes sought, kept on the programme's name."""
        counted = self._programmes_counted.get(programme)
        if counted is None:
            counted = counts_programme(programme, self._programmes)
            self._keep(self._programmes_counted, programme, counted)
        return counted

    def _experience(self, cluster: Cluster, weight: int) -> Part:
        """``_experience_part`` in one pass over the entries, stopping at the first lead,
        with the two reasons that name no project made once a request (the memoised path;
        the plain one is the reference a test holds it to)."""
        if not self.memoise:
            return self._experience_part(cluster, weight)
        counted, counts = self._programmes_counted.get, self._counts
        partnered = False
        for entry in cluster.experience:
            programme = entry.programme
            done = counted(programme)
            if done is None:
                done = counts(programme)
            if done:
                if entry.role == "coordinator":
                    reason = f"has coordinated a {self._named} project ({entry.project})"
                    return Part("experience", weight, weight, reason)
                partnered = True
        return self._partnered if partnered else self._unversed

    def _experience_part(self, cluster: Cluster, weight: int) -> Part:
        """Points exactly where `coordinator-experience` would pass with the cluster as
        coordinator: experience in a programme the request names, or any where it names
        none; full for a coordinator, half for a partner."""
        named = self._named
        done = [e for e in cluster.experience if self._counts(e.programme)]
        lead = next((e for e in done if e.role == "coordinator"), None)
        if lead is not None:
            reason = f"has coordinated a {named} project ({lead.project})"
            return Part("experience", weight, weight, reason)
        if done:
            return Part(
                "experience", weight / 2, weight, f"has been a partner in a {named} project"
            )
        return Part("experience", 0, weight, f"has no {named} experience")

    def _country(self, cluster: Cluster, weight: int) -> Part:
        code = cluster.country
        part = self._countries.get(code)
        return part or self._keep(self._countries, code, self._country_part(code, weight))

    def _country_part(self, code: str, weight: int) -> Part:
        state = state_of(code)
        if state in self.situation.countries:
            said = f"{code} is already" if code == state else f"{code} counts as {state}, already"
            return Part("country", 0, weight, f"{said} in the consortium")
        return Part("country", weight, weight, f"adds {code} (the consortium has {self._present})")

    def _region(self, cluster: Cluster, weight: int) -> Part:
        category = cluster.region.category if cluster.region else None
        part = self._regions.get(category)
        return part or self._keep(self._regions, category, self._region_part(cluster, weight))

    def _region_part(self, cluster: Cluster, weight: int) -> Part:
        category = cluster.region.category if cluster.region else None
        if counts_region(cluster):  # reads the category alone
            return Part("region", weight, weight, f"sits in a {category} region")
        where = f"a {category} region" if category else "a region of unknown category"
        return Part("region", 0, weight, f"sits in {where}")

    def _eccp(self, cluster: Cluster, weight: int) -> Part:
        listed = cluster.eccp
        part = self._eccps.get(listed)
        return part or self._keep(self._eccps, listed, self._eccp_part(listed, weight))

    def _eccp_part(self, listed: bool | str, weight: int) -> Part:
        if listed:
            return Part("eccp", weight, weight, "is listed on the ECCP")
        return Part("eccp", 0, weight, "is not listed on the ECCP, which the call requires")


def assess(cluster_id: str, cluster: Cluster, situation: Situation) -> Candidate:
    """One candidate's refusals, parts and score; to judge many against one situation,
    use one ``Scorer``."""
    return Scorer(situation, memoise=False).assess(cluster_id, cluster)


def refusals(cluster: Cluster, situation: Situation) -> list[str]:
    """The hard criteria the cluster fails, each in words."""
    return Scorer(situation, memoise=False).refusals(cluster)


def parts(cluster: Cluster, situation: Situation) -> list[Part]:
    """The cluster's score in parts, each with its reason."""
    return Scorer(situation, memoise=False).assess("", cluster).parts
