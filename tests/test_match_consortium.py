"""Issue 15, point 9: `match` knows the consortium it is run in.

Inside a proposal, candidates are judged against the consortium's members (the countries
they cover, the coordinator they have), members are not candidates, and stderr names the
consortium used; --consortium FILE picks another.
"""

from __future__ import annotations

import json
import shutil
from pathlib import Path
from typing import Any

import pytest

from tests.conftest import EXAMPLE, Cli

BEFORE = ("--today", "2020-11-27")
REF = "RDFR20201119001"


@pytest.fixture
def proposal(tmp_path: Path) -> Path:
    folder = tmp_path / "proposal"
    shutil.copytree(EXAMPLE, folder, symlinks=False)
    (folder / ".git").mkdir()
    return folder


def _members(proposal: Path, *members: str) -> None:
    lines = [f"  - {{cluster: {m}}}" for m in members]
    (proposal / "consortium.yaml").write_text(
        f"call: COS-CLUSTER-2020-3-03\nrequest: {REF}\nmembers:\n" + "\n".join(lines) + "\n"
    )


def _ranked(result: Any) -> dict[str, dict[str, Any]]:
    assert result.exit_code == 0, result.stderr
    data = json.loads(result.stdout)
    return {c["cluster"]: c for c in data["candidates"] + data["apart"]}


def _part(candidate: dict[str, Any], name: str) -> dict[str, Any]:
    return next(p for p in candidate["parts"] if p["name"] == name)


def test_inside_a_proposal_members_count_not_the_requests_partners(
    cli: Cli, proposal: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The request lists FR, ES, PT and AT; the consortium has only FR and ES, so an
    Austrian cluster adds a country, and the members themselves are not candidates."""
    _members(proposal, "fr-energy-transition, role: partner", "es-energy-efficiency")
    outside = _ranked(
        cli(
            "match", REF, "--requests", proposal / "requests", "--clusters",
            proposal / "clusters", "-f", "json", *BEFORE,
        )
    )  # fmt: skip
    assert _part(outside["at-upper-austria-energy"], "country")["points"] == 0
    monkeypatch.chdir(proposal / "clusters")
    inside = cli("match", REF, "-f", "json", *BEFORE)
    ranked = _ranked(inside)
    at = _part(ranked["at-upper-austria-energy"], "country")
    assert at["points"] == at["weight"] and "ES, FR" in at["reason"]
    assert "fr-energy-transition" not in ranked and "es-energy-efficiency" not in ranked
    assert "fr-energy-transition" in outside
    assert "ranked against ../consortium.yaml" in inside.stderr
    assert json.loads(inside.stdout)["consortium"] == "../consortium.yaml"


def test_a_coordinator_in_place_makes_candidates_partners(
    cli: Cli, proposal: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The request seeks a coordinator; with one in the consortium, a cluster that only
    partners is no longer kept apart for its role."""
    monkeypatch.chdir(proposal)
    _members(proposal, "fr-energy-transition")
    before = _ranked(cli("match", REF, "-f", "json", *BEFORE))
    assert before["pt-norte-energy"]["refused"]  # it only partners; a coordinator is sought
    _members(proposal, "dk-vestenergi, role: coordinator", "fr-energy-transition")
    result = cli("match", REF, "-f", "json", *BEFORE)
    after = _ranked(result)
    assert "dk-vestenergi" not in after
    assert not after["pt-norte-energy"]["refused"], after["pt-norte-energy"]
    assert "the coordinator role is taken by dk-vestenergi" in result.stderr
    assert f"dk-vestenergi already matches what {REF} seeks" in result.stderr


def test_without_ref_inside_a_proposal_it_matches_the_consortiums_request(
    cli: Cli, proposal: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(proposal / "requests")
    result = cli("match", "-f", "json", *BEFORE)
    assert json.loads(result.stdout)["request"] == REF, result.stderr
    monkeypatch.chdir(proposal.parent)  # outside any proposal: one of the two is needed
    (proposal.parent / ".git").mkdir()
    alone = cli("match", *BEFORE)
    assert alone.exit_code == 2 and "give a request reference" in alone.stderr


def test_consortium_file_picks_another(
    cli: Cli, proposal: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(proposal.parent)
    (proposal.parent / ".git").mkdir()
    chosen = proposal / "consortium-complete.yaml"
    result = cli("match", REF, "--consortium", chosen, "-f", "json", *BEFORE)
    ranked = _ranked(result)
    members = {"dk-vestenergi", "fr-energy-transition", "pt-norte-energy"}
    assert not members & set(ranked)
    assert f"ranked against {chosen}" in result.stderr
    plain = cli("match", REF, "--requests", proposal / "requests", "--clusters",
                proposal / "clusters", "-f", "json", *BEFORE)  # fmt: skip
    assert members <= set(_ranked(plain)) and "ranked against" not in plain.stderr
    missing = cli("match", REF, "--consortium", proposal / "nope.yaml", *BEFORE)
    assert missing.exit_code == 2 and "nope.yaml" in missing.stderr


def test_a_consortium_for_another_request_is_not_used_and_says_so(
    cli: Cli, proposal: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    other = (proposal / "requests" / f"{REF}.yaml").read_text()
    other = other.replace(REF, "RDES20201125001").replace("country: FR", "country: ES", 1)
    (proposal / "requests" / "RDES20201125001.yaml").write_text(other)
    monkeypatch.chdir(proposal)
    result = cli("match", "RDES20201125001", "-f", "json", *BEFORE)
    assert result.exit_code == 0, result.stderr
    assert json.loads(result.stdout)["consortium"] is None
    assert "answers another request" in result.stderr
