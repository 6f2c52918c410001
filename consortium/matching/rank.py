"""Ranking both ways: the clusters for a request (`match REF`) and the open requests for a
cluster (`match --cluster ID`). Ties break by a stable rule, stated in each function."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import datetime
from typing import NamedTuple

from consortium.catalogue.requests import Listing
from consortium.matching.score import Candidate, Scorer, assess
from consortium.matching.situation import Situation, for_request
from consortium.models import Call, Cluster


class Ranking(NamedTuple):
    """Candidates that pass every hard criterion, best first, and the others apart."""

    ranked: list[Candidate]
    apart: list[Candidate]


def rank_clusters(clusters: Iterable[tuple[str, Cluster]], situation: Situation) -> Ranking:
    """Best score first; ties by the higher label, then the cluster id (alphabetical).

    One pass sorts the candidates into eligible and apart, each list then sorted in place
    (stable, so equal keys keep the pool's order, as two filtered ``sorted`` did). The
    cycle collector is left alone: pausing it here only moved, to whatever ran next, its
    first scans of a pool just loaded with it paused (measured, issue 22)."""
    scorer = Scorer(situation)  # its memo lasts this ranking only
    ranked: list[Candidate] = []
    apart: list[Candidate] = []
    for cid, cluster in clusters:
        candidate = scorer.assess(cid, cluster)
        (apart if candidate.refused else ranked).append(candidate)
    ranked.sort(key=_best_first)
    apart.sort(key=_by_id)
    return Ranking(ranked, apart)


def _best_first(candidate: Candidate) -> tuple[int, int, str]:
    return (-candidate.score, -candidate.label_rank, candidate.cluster_id)


def _by_id(candidate: Candidate) -> str:
    return candidate.cluster_id


class Opening(NamedTuple):
    """A request as seen by one cluster: how well the cluster fits it, or why it cannot."""

    listing: Listing
    candidate: Candidate

    @property
    def eoi_seconds(self) -> float:
        return float(self.listing.deadline_seconds("eoi"))


def rank_requests(
    cluster_id: str,
    cluster: Cluster,
    items: Iterable[Listing],
    calls: dict[str, Call],
    now: datetime,
) -> tuple[list[Opening], list[Opening], int]:
    """The open requests the cluster could answer, best score first and, among equals, the
    soonest EOI deadline first (then the reference); those it could not, with the reason;
    and how many were not open for expressions of interest."""
    fitting: list[Opening] = []
    apart: list[Opening] = []
    closed = 0
    for item in items:
        if item.request.seeking is None or not item.is_open(now):
            closed += item.request.seeking is not None
            continue
        candidate = assess(cluster_id, cluster, for_request(item, calls, now))
        if not candidate.refused and not any(
            p.name == "sector" and not p.points for p in candidate.parts
        ):
            fitting.append(Opening(item, candidate))
        else:
            reasons = candidate.refused or [p.reason for p in candidate.parts if p.name == "sector"]
            apart.append(Opening(item, candidate._replace(refused=reasons)))
    fitting.sort(key=lambda o: (-o.candidate.score, o.eoi_seconds, o.listing.request.reference))
    apart.sort(key=lambda o: o.listing.request.reference)
    return fitting, apart, closed
