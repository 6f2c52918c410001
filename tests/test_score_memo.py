"""Issue 22, point 6: scoring keeps each part on its own inputs; a ranking with the memo
judges every candidate exactly as one without it, and ranks them exactly as the plain
sort over plain judgements did, leaving no reference cycle."""

from __future__ import annotations

import gc
from pathlib import Path

import pytest

from consortium.calls.known import known_calls
from consortium.catalogue.requests import find, load_catalogue
from consortium.files.batch import gc_paused
from consortium.matching.rank import rank_clusters
from consortium.matching.score import Candidate, Scorer
from consortium.matching.situation import Situation, for_request
from consortium.models import Cluster
from tests.conftest import now_of

ROOT = Path(__file__).resolve().parent.parent
COUNTRIES = ("FR", "DE", "RE", "DK", "AT", "NO", "ES", "IT", "GP", "PL")
CATEGORIES = ("less-developed", "transition", "more-developed", None)
SECTORS = ("energy", "energy efficiency", "agrifood", "textiles", "digital", "mobility")
LEVELS = ("bronze", "silver", "gold")
PROGRAMMES = ("COSME", "COSME 2014-2020", "Horizon 2020", "Interreg", "European projects")


def varied(i: int) -> Cluster:
    """Profile ``i``: its fields vary at different periods, so the pool mixes every
    combination of label, region, country, sectors, experience, roles and ECCP listing."""
    region = CATEGORIES[(i // 3) % len(CATEGORIES)]
    entries = [
        {"programme": PROGRAMMES[(i + k) % len(PROGRAMMES)], "project": f"p-{i}-{k}"}
        | ({"role": "coordinator" if (i + k) % 3 == 0 else "partner"} if k % 2 else {})
        for k in range(i % 4)
    ]
    return Cluster.model_validate(
        {
            "name": f"Cluster {i}",
            "country": COUNTRIES[i % len(COUNTRIES)],
            "type": "cluster" if i % 13 else "business-network",
            "region": {"category": region} if region else None,
            "sectors": [SECTORS[(i * k + k) % len(SECTORS)] for k in range(i % 3)],
            "label": {
                "level": LEVELS[(i // 7) % len(LEVELS)],
                "valid_until": f"20{20 + i % 4}-{1 + i % 12:02d}-{1 + i % 28:02d}",
            }
            if i % 11
            else None,
            "eccp": (True, False, "requested")[i % 3],
            "experience": entries,
            "roles": ["coordinator", "partner"] if i % 5 else ["partner"],
        }
    )


REFERENCES = ["RDFR20201119001", "RDIT20201015002", "RDES20201125001"]


def situation_of(reference: str) -> Situation:
    items, _ = load_catalogue(ROOT / "requests")
    calls, _ = known_calls(None)
    item = find(items, reference)
    assert item is not None
    return for_request(item, calls, now_of("2020-11-27"))


@pytest.mark.parametrize("reference", REFERENCES)
def test_memo_judges_every_candidate_as_without_it(reference: str) -> None:
    situation = situation_of(reference)
    pool = [(f"c{i}", varied(i)) for i in range(600)]
    kept, fresh = Scorer(situation), Scorer(situation, memoise=False)
    with_memo = [kept.assess(cid, c) for cid, c in pool]
    without = [fresh.assess(cid, c) for cid, c in pool]
    assert [(c.refused, c.parts, c.score) for c in with_memo] == [
        (c.refused, c.parts, c.score) for c in without
    ]
    assert len({c.score for c in without}) > 3  # a varied pool: the memo is exercised
    assert any(c.refused for c in without) and any(not c.refused for c in without)
    assert kept._labels and not fresh._labels  # the memo was used, and only by one
    experience = {p.points / p.weight for c in without for p in c.parts if p.name == "experience"}
    assert experience == {0, 0.5, 1}  # a lead, a partner and none: each way out is taken


def judged(candidates: list[Candidate]) -> list[tuple[str, list[str], list[object], int]]:
    return [(c.cluster_id, c.refused, list(c.parts), c.score) for c in candidates]


@pytest.mark.parametrize("reference", REFERENCES)
def test_ranking_is_the_plain_sort_of_plain_judgements(reference: str) -> None:
    """``rank_clusters`` against the ranking as it was first written: every candidate
    judged without a memo, sorted by score, label and id, the refused apart by id."""
    situation = situation_of(reference)
    pool = [(f"c{(i * 7919) % 900:03d}", varied(i)) for i in range(900)]  # ids out of order
    plain = Scorer(situation, memoise=False)
    assessed = [plain.assess(cid, cluster) for cid, cluster in pool]
    ranked = sorted(
        (c for c in assessed if c.eligible), key=lambda c: (-c.score, -c.label_rank, c.cluster_id)
    )
    apart = sorted((c for c in assessed if not c.eligible), key=lambda c: c.cluster_id)
    ranking = rank_clusters(pool, situation)
    assert judged(ranking.ranked) == judged(ranked)
    assert judged(ranking.apart) == judged(apart)
    assert len({c.score for c in ranked}) > 3 and apart  # ties, gaps and refusals all met


def test_ranking_leaves_no_cycles() -> None:
    """A scorer holds no reference to itself, so its memo and the candidates go when the
    last reference does, even under a command's paused cycle collector (``cli.main``)."""
    situation = situation_of(REFERENCES[0])
    pool = [(f"c{i}", varied(i)) for i in range(600)]
    gc.collect()
    with gc_paused():
        for _ in range(5):
            rank_clusters(pool, situation)
        found = gc.collect()
    assert found < 50, f"{found} objects were only reachable through cycles"
