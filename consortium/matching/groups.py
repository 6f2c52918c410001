"""Known clusters grouped by what they contribute to a consortium's needs.

Clusters with one key (a country new to the consortium or not, EU membership, a counted
region, able to coordinate, the partner sought) are interchangeable for completing it, so
`suggest` searches over groups, not clusters: 2 000 profiles make a few dozen groups.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from typing import NamedTuple

from consortium.eligibility import member_states
from consortium.fit import fit
from consortium.labels import lapses_before
from consortium.matching.needs import Needs
from consortium.matching.score import COUNTED_REGIONS, Candidate, assess
from consortium.matching.situation import Situation
from consortium.models import Cluster
from consortium.models.fields import LABEL_ORDER
from consortium.rules import Context

MAX_ADDITIONS = 4


class Key(NamedTuple):
    """What a cluster contributes to the needs; clusters with one key are interchangeable."""

    country: str  # a country new to the consortium, or "" for one already in it
    eu: bool
    region: bool
    coordinates: bool
    sought_partner: bool


def groups_of(
    ctx: Context, situation: Situation, needs: Needs, known: Iterable[tuple[str, Cluster]]
) -> dict[Key, list[Candidate]]:
    """The usable clusters by key, best scored first; clusters whose addition would itself
    fail a rule (type, ECCP, an ineligible or uncounted country) are left out."""
    rules, allowed = ctx.proposal.rules, ctx.allowed
    states = member_states(ctx.scope)
    present = {m.cluster.country for m in ctx.counted}
    groups: dict[Key, list[Candidate]] = defaultdict(list)
    for cluster_id, cluster in known:
        if rules.member_types and cluster.type not in rules.member_types:
            continue
        if rules.eccp_required and not cluster.eccp:
            continue
        if allowed is not None and cluster.country not in allowed:
            continue
        key = Key(
            "" if cluster.country in present else cluster.country,
            cluster.country in states,
            bool(cluster.region and cluster.region.category in COUNTED_REGIONS),
            _coordinates(cluster, ctx, needs),
            needs.sought_as == "partner"
            and fit(cluster, situation.seeking, ctx.judged_on, "partner").fits,
        )
        groups[key].append(assess(cluster_id, cluster, situation))
    for members in groups.values():
        members.sort(key=lambda c: (-c.score, -c.label_rank, c.cluster_id))
    return _pruned(dict(groups))


def _coordinates(cluster: Cluster, ctx: Context, needs: Needs) -> bool:
    """Whether the cluster could be the coordinator the consortium lacks: willing, holding
    a required label valid on the deadline, and the partner sought where it is sought as
    coordinator."""
    if not needs.coordinator or "coordinator" not in cluster.roles:
        return False
    rule = ctx.proposal.rules.coordinator_label
    seeking = ctx.seeking
    required = rule.required if rule and rule.required else None
    if (
        seeking
        and seeking.label
        and seeking.label_required
        and seeking.role in (None, "coordinator")
    ):
        required = required or seeking.label
    label = cluster.label
    if required and (
        label is None
        or LABEL_ORDER[label.level] < LABEL_ORDER[required]
        or lapses_before(label, ctx.judged_on)
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
