"""Issue 22, point 6: scoring keeps each part on its own inputs; a ranking with the memo
judges every candidate exactly as one without it."""

from __future__ import annotations

from pathlib import Path

import pytest

from consortium.calls.known import known_calls
from consortium.catalogue.requests import find, load_catalogue
from consortium.matching.score import Scorer
from consortium.matching.situation import for_request
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


@pytest.mark.parametrize("reference", ["RDFR20201119001", "RDIT20201015002", "RDES20201125001"])
def test_memo_judges_every_candidate_as_without_it(reference: str) -> None:
    items, _ = load_catalogue(ROOT / "requests")
    calls, _ = known_calls(None)
    item = find(items, reference)
    assert item is not None
    situation = for_request(item, calls, now_of("2020-11-27"))
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
