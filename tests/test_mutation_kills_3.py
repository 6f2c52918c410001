"""Tests written against the mutants docs/mutation.md listed as still open after
tests/test_mutation_kills_2.py.

Each pins what a user sees: a profile whose ``id:`` names another cluster, the hint cut-off
past the first ``MAX_PROBLEMS`` unknown ids, the exact lengths a hint and a line are cut
to, links of a file that failed validation through folders in another git tree, and the
guards of the library API."""

from __future__ import annotations

import json
from collections.abc import Callable
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import pytest
import yaml

from consortium.catalogue.requests import listing
from consortium.files.loading import MAX_PROBLEMS, Loaded
from consortium.files.roots import Root
from consortium.matching.standing import against_consortium
from consortium.models import ConsortiumFile, Request
from consortium.proposal.links import members_of
from consortium.proposal.resolve import load_proposal
from tests.conftest import Ran
from tests.proposals import GOOD, GOOD_MEMBERS, SEEKING_REQUEST, build, cluster

BEFORE = ("--today", "2020-11-27")
REF = SEEKING_REQUEST["reference"]

Cli = Callable[..., Ran]


def _check(cli: Cli, folder: Path, monkeypatch: pytest.MonkeyPatch, *options: str) -> Ran:
    monkeypatch.chdir(folder)
    return cli("check", "consortium.yaml", *options, *BEFORE)


# a profile whose id: names another cluster ----------------------------------------------------


def test_a_profile_declaring_another_id_does_not_make_its_file_name_known(
    cli: Cli, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """clusters/dk.yaml saying ``id: other`` is cluster 'other', not 'dk'."""
    build(tmp_path, {**GOOD, "dk": cluster("DK", id="other")}, GOOD_MEMBERS)
    result = _check(cli, tmp_path, monkeypatch)
    assert result.exit_code == 2
    assert result.stderr == (
        "consortium.yaml:3:6: unknown cluster 'dk' (no clusters/dk.yaml): known: fr, other, pt\n"
    )


# past the first MAX_PROBLEMS unknown ids, no hint ----------------------------------------------

UNKNOWN = [f"zz{i:02}" for i in range(1, MAX_PROBLEMS + 2)]  # one more than MAX_PROBLEMS


def _unknown_lines(stderr: str) -> list[str]:
    return [line.split(": ", 1)[1] for line in stderr.splitlines() if "unknown cluster" in line]


def test_past_the_first_unknown_ids_of_a_valid_file_the_hint_is_left_out(
    cli: Cli, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    members = [f"cluster: {name}, role: partner" for name in UNKNOWN]
    build(tmp_path, {"dk": GOOD["dk"]}, members)
    result = _check(cli, tmp_path, monkeypatch)
    assert result.exit_code == 2
    assert _unknown_lines(result.stderr) == [
        f"unknown cluster '{name}' (no clusters/{name}.yaml): known: dk" for name in UNKNOWN[:-1]
    ] + [f"unknown cluster '{UNKNOWN[-1]}' (no clusters/{UNKNOWN[-1]}.yaml)"]


def test_past_the_first_unknown_ids_of_an_invalid_file_the_hint_is_left_out(
    cli: Cli, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    members = ["cluster: dk, role: boss"] + [f"cluster: {name}, role: partner" for name in UNKNOWN]
    build(tmp_path, {"dk": GOOD["dk"]}, members)
    result = _check(cli, tmp_path, monkeypatch)
    assert result.exit_code == 2
    assert "role" in result.stderr.splitlines()[0]
    assert _unknown_lines(result.stderr) == [
        f"unknown cluster '{name}': known: dk" for name in UNKNOWN[:-1]
    ] + [f"unknown cluster '{UNKNOWN[-1]}'"]


# the lengths a hint and a line are cut to ---------------------------------------------------


def test_a_close_id_is_one_half_alike(
    cli: Cli, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """'abcd' and 'abxy' share half their letters: close enough to suggest."""
    build(tmp_path, {"abxy": cluster("AT")}, ["cluster: abcd, role: coordinator"])
    result = _check(cli, tmp_path, monkeypatch)
    assert result.stderr == (
        "consortium.yaml:3:6: unknown cluster 'abcd' (no clusters/abcd.yaml): "
        "did you mean 'abxy'?\n"
    )


# six known ids whose listing "known: a..., f..." is 201 characters, one over the hint's 200
LONG_IDS = [
    letter * width for letter, width in zip("abcdef", (31, 31, 31, 31, 30, 30), strict=True)
]
LONG_HINT = "known: " + ", ".join(LONG_IDS)


def test_a_hint_is_cut_to_200_characters(
    cli: Cli, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    assert len(LONG_HINT) == 201
    build(tmp_path, {name: cluster("AT") for name in LONG_IDS}, ["cluster: zz, role: partner"])
    result = _check(cli, tmp_path, monkeypatch)
    assert result.stderr == (
        f"consortium.yaml:3:6: unknown cluster 'zz' (no clusters/zz.yaml): {LONG_HINT[:197]}...\n"
    )


def test_a_line_is_cut_to_500_characters(
    cli: Cli, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """An unknown id of 200 characters, in a folder named 'clusters2', with a hint cut to
    200: the whole line would be 501 characters."""
    name = "z" * 200
    build(tmp_path, {}, [f"cluster: {name}, role: partner"])
    (tmp_path / "clusters").rename(tmp_path / "clusters2")
    folder = tmp_path / "clusters2"
    for known in LONG_IDS:
        (folder / f"{known}.yaml").write_text(yaml.safe_dump(cluster("AT")))
    result = _check(cli, tmp_path, monkeypatch, "--clusters", "clusters2")
    whole = f"unknown cluster '{name[:57]}...' (no clusters2/{name}.yaml): {LONG_HINT[:197]}..."
    assert len(whole) == 501
    assert result.stderr == f"consortium.yaml:3:6: {whole[:497]}...\n"


# a file that failed validation, its folders in another git tree --------------------------------

INVALID = f"""\
call: COS-CLUSTER-2020-3-03
request: {REF}
members:
  - {{cluster: nick, role: boss}}
  - {{cluster: ptt, role: partner}}
"""


def test_folders_in_another_git_tree_resolve_the_links_of_an_invalid_file(
    cli: Cli, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """--clusters and --requests in another repository are read inside that repository:
    the cluster found by its ``id:`` and the request found by its reference are known."""
    other = tmp_path / "other"
    build(other, {"pt": GOOD["pt"], "x": cluster("AT", id="nick")}, GOOD_MEMBERS)
    (other / "requests").mkdir()
    (other / "requests" / "named-otherwise.yaml").write_text(yaml.safe_dump(SEEKING_REQUEST))
    (other / ".git").mkdir()
    proposal = tmp_path / "proposal"
    proposal.mkdir()
    (proposal / ".git").mkdir()
    (proposal / "consortium.yaml").write_text(INVALID)
    result = _check(
        cli,
        proposal,
        monkeypatch,
        "--clusters",
        str(other / "clusters"),
        "--requests",
        str(other / "requests"),
    )
    assert result.exit_code == 2
    lines = result.stderr.splitlines()
    assert len(lines) == 2, result.stderr
    assert lines[0].startswith("consortium.yaml:4:")
    assert "role" in lines[0]
    assert lines[1] == "consortium.yaml:5:6: unknown cluster 'ptt': did you mean 'pt'?"


def test_an_invalid_file_whose_request_is_found_by_its_file_name_reports_only_its_error(
    cli: Cli, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    build(tmp_path, GOOD, GOOD_MEMBERS, request=SEEKING_REQUEST)
    (tmp_path / "consortium.yaml").write_text(INVALID.replace("nick", "dk").replace("ptt", "pt"))
    result = _check(cli, tmp_path, monkeypatch)
    assert result.exit_code == 2
    lines = result.stderr.splitlines()
    assert len(lines) == 1, result.stderr
    assert lines[0].startswith("consortium.yaml:4:")
    assert "role" in lines[0]


# guards of the library API ---------------------------------------------------------------


def test_members_of_needs_the_file_loaded_with_its_document(tmp_path: Path) -> None:
    path = build(tmp_path, GOOD, GOOD_MEMBERS)
    raw = yaml.safe_load(path.read_text())
    source = Loaded(ConsortiumFile.model_validate(raw), path)
    with pytest.raises(ValueError, match=r"a proposal's file is loaded with its document$") as e:
        members_of(source, tmp_path / "clusters", Root.around(tmp_path))
    assert str(e.value) == f"{path}: a proposal's file is loaded with its document"


def test_against_consortium_refuses_a_request_that_seeks_nothing(tmp_path: Path) -> None:
    proposal = load_proposal(build(tmp_path, GOOD, GOOD_MEMBERS))
    assert not isinstance(proposal, list), proposal
    request = Request.model_validate({**SEEKING_REQUEST, "seeking": None})
    item = listing(Loaded(request, tmp_path / "requests" / f"{REF}.yaml"), {})
    with pytest.raises(ValueError) as e:
        against_consortium(item, proposal, datetime(2020, 11, 27, tzinfo=UTC))
    assert str(e.value) == f"request {REF} seeks no partner: nothing to match"


# match inside a proposal: the day judged and the request's own weights ------------------------

OPEN_CALL: dict[str, Any] = {
    "id": "EXAMPLE-OPEN-CALL",
    "programme": "COSME",
    "title": "A call with no deadline (test data)",
}


def test_match_inside_a_proposal_judges_today_and_weighs_as_the_request_says(
    cli: Cli, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """No call deadline is known, so labels are judged on --today: a label lapsing four
    days later still counts, with the 50 points the request gives a label (default 20)."""
    request = {**SEEKING_REQUEST, "call": OPEN_CALL["id"], "match": {"weights": {"label": 50}}}
    lapsing = cluster("AT", label={"level": "gold", "valid_until": "2020-12-01"})
    build(
        tmp_path,
        {**GOOD, "cand": lapsing},
        ["cluster: fr, role: partner"],
        call=OPEN_CALL["id"],
        calls=[OPEN_CALL],
        request=request,
    )
    monkeypatch.chdir(tmp_path)
    result = cli("match", "--format", "json", *BEFORE)
    assert result.exit_code == 0, result.stderr
    (found,) = [c for c in json.loads(result.stdout)["candidates"] if c["cluster"] == "cand"]
    (label,) = [p for p in found["parts"] if p["name"] == "label"]
    assert (label["weight"], label["points"]) == (50, 50.0)
    assert label["reason"] == "holds a gold label, valid until 2020-12-01"
