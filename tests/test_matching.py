"""Issue 10: `match` and `suggest` find the missing partner, and say why."""

from __future__ import annotations

import dataclasses
import json
import shutil
from datetime import datetime
from itertools import combinations
from pathlib import Path
from typing import Any

import pytest
import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from consortium.check.runner import Report, check_file, run
from consortium.matching.suggest import suggest
from consortium.models import Cluster, MemberSpec
from consortium.proposal.member import Member
from tests.conftest import EXAMPLE, Cli, now_of
from tests.proposals import build, cluster

BEFORE = ("--today", "2020-11-27")


@pytest.fixture
def example(tmp_path: Path) -> Path:
    """A copy of the bundled example, its request a real file (not the repository link)."""
    folder = tmp_path / "example"
    shutil.copytree(EXAMPLE, folder, symlinks=False)
    return folder


def test_match_ranks_the_gold_cosme_coordinator_first(cli: Cli, example: Path) -> None:
    args = ("match", "RDFR20201119001", "--dir", example / "requests")
    result = cli(*args, "--clusters", example / "clusters", "--format", "json", *BEFORE)
    assert result.exit_code == 0, result.stderr
    data = json.loads(result.stdout)
    ranked = [c["cluster"] for c in data["candidates"]]
    assert ranked[0] == "dk-vestenergi"
    first = {p["name"]: p for p in data["candidates"][0]["parts"]}
    assert first["label"]["points"] == first["label"]["weight"]
    assert "gold label, valid until 2022-06-30" in first["label"]["reason"]
    assert "has coordinated a COSME project" in first["experience"]["reason"]
    assert first["country"]["reason"].startswith("adds DK")
    assert ranked.index("de-isarwerk-energy") > 0
    lapsing = data["candidates"][ranked.index("de-isarwerk-energy")]
    label = next(p for p in lapsing["parts"] if p["name"] == "label")
    assert label["points"] == 0
    assert "lapses on 2021-01-15, before the call deadline (2021-02-02)" in label["reason"]
    apart = {c["cluster"]: c["refused"] for c in data["apart"]}
    assert apart["at-upper-austria-energy"] == ["does not take the coordinator role"]
    assert data["judged_on"] == "2021-02-02"


def test_match_table_and_top(cli: Cli, example: Path) -> None:
    args = (
        "match",
        "RDFR20201119001",
        "--dir",
        example / "requests",
        "--clusters",
        example / "clusters",
    )
    result = cli(*args, "--top", "2", *BEFORE, env={"COLUMNS": "120"})
    assert result.exit_code == 0
    assert " 1 " in result.stdout and "dk-vestenergi" in result.stdout
    assert "de-isarwerk-energy" not in result.stdout.split("Apart")[0]
    assert "Apart (4" in result.stdout


def test_ties_break_by_label_then_id(tmp_path: Path) -> None:
    from consortium.matching.rank import rank_clusters
    from consortium.matching.situation import situation_of as situation
    from consortium.models import CallRules, Seeking

    seeking = Seeking(sectors=["energy"], role="partner")
    pool = {
        name: Cluster.model_validate(cluster("FR", label=label, experience=[]))
        for name, label in (
            ("b", None),
            ("a", None),
            ("c", {"level": "gold", "valid_until": "2030-01-01"}),
        )
    }
    ranked = rank_clusters(
        pool.items(),
        situation(seeking, None, CallRules(), datetime(2021, 1, 1).date(), True, frozenset(), {}),
    ).ranked
    assert [c.cluster_id for c in ranked] == ["c", "a", "b"]  # equal scores: label, then id


def test_weights_can_be_tuned_by_the_request(cli: Cli, example: Path) -> None:
    path = example / "requests" / "RDFR20201119001.yaml"
    path.write_text(path.read_text() + "match: {weights: {label: 0, experience: 0, country: 0}}\n")
    data = json.loads(
        cli(
            "match",
            "RDFR20201119001",
            "--dir",
            example / "requests",
            "--clusters",
            example / "clusters",
            "--format",
            "json",
            *BEFORE,
        ).stdout
    )
    assert data["weights"]["label"] == 0
    assert all(p["name"] != "label" for c in data["candidates"] for p in c["parts"])


def test_match_cluster_ranks_open_requests_soonest_eoi_first(cli: Cli, tmp_path: Path) -> None:
    folder = tmp_path / "requests"
    folder.mkdir()
    for ref, eoi in (("RDFR20260101001", "2027-03-01"), ("RDES20260101001", "2027-02-01")):
        (folder / f"{ref}.yaml").write_text(
            yaml.safe_dump(
                {
                    "reference": ref,
                    "title": "Energy cluster sought",
                    "country": ref[2:4],
                    "call": "HORIZON-GENERIC",
                    "deadlines": {"eoi": eoi, "call": "2027-04-01"},
                    "seeking": {"sectors": ["energy"], "role": "partner"},
                }
            )
        )
    (folder / "RDIT20260101001.yaml").write_text(
        yaml.safe_dump(
            {
                "reference": "RDIT20260101001",
                "title": "Tourism",
                "country": "IT",
                "deadlines": {"eoi": "2027-01-01"},
                "seeking": {"sectors": ["tourism"], "role": "partner"},
            }
        )
    )
    clusters = tmp_path / "clusters"
    clusters.mkdir()
    (clusters / "dk.yaml").write_text(yaml.safe_dump(cluster("DK", experience=[])))
    result = cli(
        "match",
        "--cluster",
        "dk",
        "--dir",
        folder,
        "--clusters",
        clusters,
        "--format",
        "json",
        "--today",
        "2026-11-27",
    )
    data = json.loads(result.stdout)
    assert [r["reference"] for r in data["requests"]] == ["RDES20260101001", "RDFR20260101001"]
    assert [r["reference"] for r in data["apart"]] == ["RDIT20260101001"]


@pytest.mark.parametrize(
    ("args", "says"),
    [
        (("match", "RDFR20201119009"), "no request RDFR20201119009"),
        (("match", "--cluster", "dk-vestenergie"), "did you mean 'dk-vestenergi'?"),
        (("match", "RDFR20201119001", "--clusters", "empty"), "no cluster profiles in"),
        (("match", "RDES20201125001"), "seeks no partner"),
    ],
)
def test_bad_match_input_is_one_line(
    cli: Cli, example: Path, args: tuple[str, ...], says: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    (example / "empty").mkdir()
    (example / "requests" / "RDES20201125001.yaml").write_text(
        "reference: RDES20201125001\ntitle: No seeking\ncountry: ES\n"
    )
    monkeypatch.chdir(example)
    result = cli(*args, *BEFORE)
    assert result.exit_code == 2
    assert result.stderr.count("\n") == 1 and says in result.stderr, result.stderr


def test_suggest_then_apply_completes_the_seed(cli: Cli, example: Path) -> None:
    path = example / "consortium.yaml"
    before = path.read_text()
    shown = cli("suggest", path, *BEFORE)
    assert shown.exit_code == 0
    assert shown.stdout.startswith("1. add 1 (fixes coordinator, sought-partner")
    assert "dk-vestenergi (DK) as coordinator" in shown.stdout.splitlines()[1]
    applied = cli("suggest", path, "--apply", "1", *BEFORE)
    assert applied.exit_code == 0, applied.stderr
    after = path.read_text()
    added = "  - {cluster: dk-vestenergi, role: coordinator, status: invited}\n"
    assert after == before + added  # the rest of the file, comments included, byte for byte
    checked = cli("check", path, *BEFORE)
    assert checked.exit_code == 0 and checked.stdout.startswith(
        "COMPLETE once PT, AT and DK confirm"
    )


def test_apply_keeps_a_flow_list_and_refuses_a_bad_number(cli: Cli, example: Path) -> None:
    path = example / "consortium.yaml"
    path.write_text("call: COS-CLUSTER-2020-3-03  # flow style\nmembers: []\n")
    assert cli("suggest", path, "--apply", "9", *BEFORE).exit_code == 2
    assert path.read_text() == "call: COS-CLUSTER-2020-3-03  # flow style\nmembers: []\n"
    assert cli("suggest", path, "--apply", "1", *BEFORE).exit_code == 0
    # an empty list alone on its line becomes a block list, one member a line
    assert path.read_text().startswith(
        "call: COS-CLUSTER-2020-3-03  # flow style\nmembers:\n  - {cluster: "
    )
    assert cli("check", path, *BEFORE).exit_code == 0
    # with something after the brackets on its line, the list stays a flow list
    path.write_text("call: COS-CLUSTER-2020-3-03\nmembers: []  # none yet\n")
    assert cli("suggest", path, "--apply", "1", *BEFORE).exit_code == 0
    assert path.read_text().startswith("call: COS-CLUSTER-2020-3-03\nmembers: [{cluster: ")
    assert path.read_text().endswith("]  # none yet\n")
    assert cli("check", path, *BEFORE).exit_code == 0


def test_suggest_says_what_no_cluster_can_fix(cli: Cli, tmp_path: Path) -> None:
    clusters = {"fr": cluster("FR", roles=["partner"]), "es": cluster("ES", roles=["partner"])}
    path = build(tmp_path, clusters, ["cluster: fr"])
    result = cli("suggest", path, *BEFORE)
    assert result.exit_code == 1
    assert "no known cluster can fix coordinator" in result.stdout


# Exactness: the first suggestion is as small as any set of known clusters can be ------------

NOW = now_of("2020-11-27")
COUNTRIES = ["FR", "ES", "PT", "DK", "US"]


def _profile(
    draw_country: str, roles: list[str], category: str, label: str | None
) -> dict[str, Any]:
    return cluster(
        draw_country,
        roles=roles,
        region={"nuts": f"{draw_country}11", "category": category},
        label={"level": label, "valid_until": "2022-06-30"} if label else None,
        experience=[],
    )


PROFILES = st.builds(
    _profile,
    st.sampled_from(COUNTRIES),
    st.sampled_from([["partner"], ["coordinator", "partner"]]),
    st.sampled_from(["more-developed", "transition"]),
    st.sampled_from([None, "silver", "gold"]),
)


def _complete_with(report: Report, added: list[tuple[str, Cluster]]) -> bool:
    """Brute force with the real rules: some roles for ``added`` leave no error but those
    of rules no addition can fix (an ineligible member stays one: `suggest` says so)."""
    from consortium.matching.needs import needs_of

    rules = {rule for rule, _ in needs_of(report).unfixable}
    unfixable = {(f.rule, f.message, f.line) for f in report.errors if f.rule in rules}
    proposal = report.proposal
    for coordinator in [None, *range(len(added))]:
        extra = [
            Member(
                MemberSpec(
                    cluster=cid,
                    role="coordinator" if i == coordinator else "partner",
                    status="invited",
                ),
                0,
                cid,
                c,
            )
            for i, (cid, c) in enumerate(added)
        ]
        trial = dataclasses.replace(proposal, members=[*proposal.members, *extra])
        if not {(f.rule, f.message, f.line) for f in run(trial, report.now).errors} - unfixable:
            return True
    return False


@settings(
    max_examples=40,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(
    members=st.lists(PROFILES, min_size=0, max_size=2),
    pool=st.lists(PROFILES, min_size=1, max_size=7),
    seek_gold=st.booleans(),
)
def test_first_suggestion_is_the_smallest(
    tmp_path_factory: pytest.TempPathFactory,
    members: list[dict[str, Any]],
    pool: list[dict[str, Any]],
    seek_gold: bool,
) -> None:
    root = tmp_path_factory.mktemp("pool")
    clusters = {f"m{i}": p for i, p in enumerate(members)} | {
        f"c{i}": p for i, p in enumerate(pool)
    }
    request = None
    if seek_gold:
        request = {
            "reference": "RDFR20201119001",
            "title": "Gold coordinator sought",
            "country": "FR",
            "call": "COS-CLUSTER-2020-3-03",
            "seeking": {
                "type": "cluster",
                "sectors": ["energy"],
                "role": "coordinator",
                "label": "gold",
                "label_required": True,
            },
        }
    lines = [f"cluster: m{i}, role: partner" for i in range(len(members))]
    path = build(root, clusters, lines, request=request)
    if not lines:
        path.write_text(path.read_text().replace("members:\n", "members: []\n"))
    report = check_file(path, NOW)
    assert not isinstance(report, list)
    known = [(f"c{i}", Cluster.model_validate(p)) for i, p in enumerate(pool)]
    outcome = suggest(report, known)
    if not report.errors:
        assert outcome.suggestions == []
        return
    smallest = next(
        (
            size
            for size in range(1, 5)
            for combo in combinations(known, size)
            if _complete_with(report, list(combo))
        ),
        None,
    )
    if smallest is None:
        assert outcome.suggestions == []
    else:
        assert outcome.suggestions, outcome.unreachable
        assert len(outcome.suggestions[0].additions) == smallest
        for s in outcome.suggestions:
            assert _complete_with(
                report, [(a.candidate.cluster_id, a.candidate.cluster) for a in s.additions]
            )
