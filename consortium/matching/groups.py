"""Known clusters grouped by what they contribute to a consortium's needs.

Clusters with one key (a country new to the consortium or not, EU membership, a counted
region, able to coordinate, the partner sought) are interchangeable for completing it, so
`suggest` searches over groups, not clusters: 2 000 profiles make a few dozen groups.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from typing import NamedTuple

from consortium.check.fit import fit
from consortium.check.predicates import admits, counts_region, is_member_state, label_good_enough
from consortium.check.rules import Context
from consortium.facts.countries import state_of
from consortium.matching.needs import Needs
from consortium.matching.score import Candidate, Scorer
from consortium.matching.situation import Situation
from consortium.models import Cluster

MAX_ADDITIONS = 4


class Key(NamedTuple):
    """What a cluster contributes to the needs; clusters with one key are interchangeable."""

    country: str  # a country new to the consortium (a region as its Member State), or ""
    eu: bool
    region: bool
    coordinates: bool
    sought_partner: bool


def groups_of(
    ctx: Context, situation: Situation, needs: Needs, known: Iterable[tuple[str, Cluster]]
) -> dict[Key, list[Candidate]]:
    """The usable clusters by key, best scored first; clusters whose addition would itself
    fail a rule (type, ECCP, an ineligible or uncounted country) are left out."""
    present = situation.countries
    groups: dict[Key, list[Candidate]] = defaultdict(list)
    scorer = Scorer(situation)  # its memo lasts this grouping only
    for cluster_id, cluster in known:
        if admits(cluster, ctx.terms):
            continue
        country = state_of(cluster.country)
        key = Key(
            "" if country in present else country,
            is_member_state(cluster, ctx.terms),
            counts_region(cluster),
            _coordinates(cluster, ctx, needs),
            needs.sought_as == "partner"
            and fit(cluster, situation.seeking, ctx.judged_on, "partner").fits,
        )
        groups[key].append(scorer.assess(cluster_id, cluster))
    for members in groups.values():
        members.sort(key=lambda c: (-c.score, -c.label_rank, c.cluster_id))
    return _pruned(dict(groups))


def _coordinates(cluster: Cluster, ctx: Context, needs: Needs) -> bool:
    """Whether the cluster could be the coordinator the consortium lacks: willing, holding
    a required label valid on the deadline, and the partner sought where it is sought as
    coordinator."""
    if not needs.coordinator or "coordinator" not in cluster.roles:
        return False
    seeking, wanted = ctx.seeking, ctx.wanted_label
    if (
        wanted
        and wanted.required
        and not label_good_enough(cluster.label, wanted.level, ctx.judged_on)
    ):
        return False
    if needs.sought_as == "coordinator" and seeking is not None:
        return fit(cluster, seeking, ctx.judged_on, "coordinator").fits
    return True


def _pruned(groups: dict[Key, list[Candidate]]) -> dict[Key, list[Candidate]]:
    """Drop a group when another of the same country offers at least as much and has
    clusters enough for any search (it could always stand in for it)."""
    kept = {}
    for key, members in groups.items():
        better = [
            other
            for other, others in groups.items()
            if other != key
            and other.country == key.country
            and other.eu == key.eu
            and len(others) >= MAX_ADDITIONS
            and all(o >= k for o, k in zip(other[2:], key[2:], strict=True))
        ]
        if not better:
            kept[key] = members
    return kept
