"""Tests written against the mutants a mutation run showed surviving (docs/mutation.md).

Each pins what a user sees: the exact line an unknown id or rule earns, which rules
`--select` and `--ignore` leave running, the links still resolved in a file that failed
validation."""

from __future__ import annotations

import json
import shutil
from collections.abc import Callable
from datetime import UTC, datetime
from pathlib import Path

import pytest
import yaml

from consortium.check.runner import Report, check_file, run
from consortium.files.roots import Root
from consortium.proposal.resolve import Folders, load_proposal
from tests.conftest import EXAMPLE, Ran
from tests.proposals import GOOD, GOOD_MEMBERS, SEEKING_REQUEST, build, cluster

BEFORE = ("--today", "2020-11-27")
REF = "RDFR20201119001"

Cli = Callable[..., Ran]


def rule_ids(result: Ran) -> list[str]:
    return sorted(f["rule"] for f in json.loads(result.stdout)["findings"])


# --select / --ignore ----------------------------------------------------------------------


@pytest.fixture
def two_faults(tmp_path: Path) -> Path:
    """A proposal over the call's maximum whose French member has a PIC of 10 digits."""
    clusters = {**GOOD, "fr": cluster("FR", pic="9000001011")}
    return build(tmp_path, clusters, GOOD_MEMBERS, rules={"max_partners": 2})


def test_select_runs_only_the_named_rules(cli: Cli, two_faults: Path) -> None:
    every = cli("check", two_faults, "--format", "json", *BEFORE)
    assert rule_ids(every) == ["max-partners", "pic"]
    only = cli("check", two_faults, "--format", "json", "--select", "pic", *BEFORE)
    assert (only.exit_code, rule_ids(only)) == (0, ["pic"])


def test_ignore_leaves_out_the_named_rules(cli: Cli, two_faults: Path) -> None:
    result = cli("check", two_faults, "--format", "json", "--ignore", "max-partners", *BEFORE)
    assert (result.exit_code, rule_ids(result)) == (0, ["pic"])


@pytest.mark.parametrize("option", ["--select", "--ignore"])
def test_an_unknown_rule_id_names_the_closest(cli: Cli, two_faults: Path, option: str) -> None:
    result = cli("check", two_faults, option, "max-partnrs", *BEFORE)
    assert result.exit_code == 2
    assert result.stdout == ""
    assert result.stderr == (
        "consortium: no rule 'max-partnrs' (did you mean 'max-partners'?): see `consortium rules`\n"
    )


# unknown ids: the exact line ----------------------------------------------------------------


def test_an_unknown_call_names_the_closest_at_its_line(
    cli: Cli, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    build(tmp_path, GOOD, GOOD_MEMBERS, call="COS-CLUSTER-2020-3-3")
    monkeypatch.chdir(tmp_path)
    result = cli("check", "consortium.yaml", *BEFORE)
    assert result.exit_code == 2
    assert result.stderr.splitlines()[0] == (
        "consortium.yaml:1:1: unknown call 'COS-CLUSTER-2020-3-3': "
        "did you mean 'COS-CLUSTER-2020-3-03'?"
    )


INVALID = """\
# the call is not the mapping's first key, so its own line is located
request: RDFR20201119009
call: COS-CLUSTER-2020-3-3
members:
  - {cluster: dk, role: coordinator, status: confirmed}
  - {cluster: ptt, role: partner, status: maybe}
  - {cluster: fr, role: partner, status: confirmed}
  - {cluster: 12, role: partner, status: confirmed}
  - {cluster: zzzzzz, role: partner, status: confirmed}
  - {cluster: nick, role: partner, status: confirmed}
  - {cluster: ../pt, role: partner, status: confirmed}
"""


def test_a_file_that_failed_validation_still_reports_its_unknown_links(
    cli: Cli, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A value error must not hide the unknown call, clusters and request of the same
    file; a cluster found by its ``id:`` in another file is known, and a value that is not
    an id at all earns its own error only."""
    clusters = {**GOOD, "other": cluster("AT", id="nick")}
    build(tmp_path, clusters, GOOD_MEMBERS, request=SEEKING_REQUEST)
    path = tmp_path / "consortium.yaml"
    path.write_text(INVALID)
    monkeypatch.chdir(tmp_path)
    result = cli("check", "consortium.yaml", *BEFORE)
    assert result.exit_code == 2
    lines = [line.split(": ", 1) for line in result.stderr.splitlines()]
    found = {place: message for place, message in lines}
    assert found["consortium.yaml:3:1"] == (
        "unknown call 'COS-CLUSTER-2020-3-3': did you mean 'COS-CLUSTER-2020-3-03'?"
    )
    assert found["consortium.yaml:2:1"] == (
        "unknown request 'RDFR20201119009' (none in requests/): did you mean 'RDFR20201119001'?"
    )
    assert found["consortium.yaml:6:6"] == "unknown cluster 'ptt': did you mean 'pt'?"
    assert found["consortium.yaml:9:6"] == "unknown cluster 'zzzzzz': known: dk, fr, nick, pt"
    assert not any("'nick'" in message for message in found.values())
    assert [m for m in found.values() if "../pt" in m] == [
        m for m in found.values() if "is not a cluster id" in m
    ]
    assert len([m for m in found.values() if "../pt" in m]) == 1


def test_links_leading_outside_are_not_known_ids_of_a_file_that_failed_validation(
    cli: Cli, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A cluster or request reached through a link out of the proposal does not make an
    id known, in a file that failed validation as in a valid one."""
    outside = tmp_path / "outside"
    outside.mkdir()
    (outside / "c.yaml").write_text(yaml.safe_dump(cluster("AT", id="ptt")))
    (outside / "r.yaml").write_text(
        yaml.safe_dump({**SEEKING_REQUEST, "reference": "RDFR20201119009"})
    )
    proposal = tmp_path / "proposal"
    build(proposal, GOOD, GOOD_MEMBERS, request=SEEKING_REQUEST)
    (proposal / ".git").mkdir()
    (proposal / "clusters" / "evil.yaml").symlink_to(outside / "c.yaml")
    (proposal / "requests" / "evil.yaml").symlink_to(outside / "r.yaml")
    (proposal / "consortium.yaml").write_text(INVALID)
    monkeypatch.chdir(proposal)
    messages = cli("check", "consortium.yaml", *BEFORE).stderr
    assert "unknown cluster 'ptt': did you mean 'pt'?" in messages
    assert "unknown request 'RDFR20201119009' (none in requests/)" in messages


def test_a_value_that_is_not_a_reference_is_not_looked_up(
    cli: Cli, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    build(tmp_path, GOOD, GOOD_MEMBERS, request=SEEKING_REQUEST)
    (tmp_path / "consortium.yaml").write_text(INVALID.replace("RDFR20201119009", "RDFR-9"))
    monkeypatch.chdir(tmp_path)
    result = cli("check", "consortium.yaml", *BEFORE)
    assert result.exit_code == 2
    assert "unknown request" not in result.stderr
    assert "RDFR-9" in result.stderr  # the value error names it


@pytest.mark.parametrize(
    ("names", "known"),
    [
        ([], "none"),
        (["aa", "bb", "cc", "dd", "ee", "ff", "gg"], "aa, bb, cc, dd, ee, ff"),
    ],
)
def test_with_no_close_id_the_first_six_known_are_named(
    cli: Cli, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, names: list[str], known: str
) -> None:
    build(tmp_path, {n: cluster("AT") for n in names}, ["cluster: zzzzzz, role: coordinator"])
    monkeypatch.chdir(tmp_path)
    result = cli("check", "consortium.yaml", *BEFORE)
    assert result.exit_code == 2
    assert result.stderr == (
        f"consortium.yaml:3:6: unknown cluster 'zzzzzz' (no clusters/zzzzzz.yaml): known: {known}\n"
    )


# match REF inside a proposal: the notes on members that already match -----------------


def _in_example(tmp_path: Path, *members: str) -> Path:
    """The example proposal, copied with its links resolved, holding ``members``."""
    folder = tmp_path / "proposal"
    shutil.copytree(EXAMPLE, folder, symlinks=False)
    (folder / ".git").mkdir()
    lines = "".join(f"  - {{{m}}}\n" for m in members)
    (folder / "consortium.yaml").write_text(
        f"call: COS-CLUSTER-2020-3-03\nrequest: {REF}\nmembers:\n{lines}"
    )
    return folder


def test_two_members_that_already_match_are_named_together(
    cli: Cli, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(
        _in_example(
            tmp_path,
            "cluster: dk-vestenergi, role: coordinator",
            "cluster: at-upper-austria-energy, role: coordinator",
        )
    )
    result = cli("match", *BEFORE)
    assert result.exit_code == 0, result.stderr
    assert (
        f"consortium: dk-vestenergi and at-upper-austria-energy already match what {REF} seeks\n"
        in result.stderr
    )


def test_a_member_in_the_partner_role_does_not_match_a_sought_coordinator(
    cli: Cli, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """dk-vestenergi matches the request as its coordinator, not as a partner."""
    monkeypatch.chdir(
        _in_example(
            tmp_path, "cluster: dk-vestenergi, role: partner", "cluster: fr-energy-transition"
        )
    )
    result = cli("match", *BEFORE)
    assert result.exit_code == 0, result.stderr
    assert "already match" not in result.stderr
    assert "ranked against consortium.yaml: its 2 member(s) (DK, FR)" in result.stderr


# the library's one-call entry point ------------------------------------------------------


def test_check_file_reads_the_given_folders_and_is_not_strict_by_default(tmp_path: Path) -> None:
    """`check_file` looks members up in ``folders`` when given, and only warnings (a PIC
    of 10 digits) leave its verdict passing unless ``strict`` is asked for."""
    clusters = {**GOOD, "fr": cluster("FR", pic="9000001011")}
    path = build(tmp_path / "p", clusters, GOOD_MEMBERS)
    shutil.move(tmp_path / "p" / "clusters", tmp_path / "shared")
    now = datetime(2020, 11, 27, tzinfo=UTC)
    assert isinstance(check_file(path, now), list)  # clusters/ beside it is gone
    report = check_file(path, now, Folders(clusters=tmp_path / "shared"))
    assert isinstance(report, Report)
    assert [f.rule for f in report.findings] == ["pic"]
    assert (report.verdict, report.exit_code) == ("complete", 0)
    strict = check_file(path, now, Folders(clusters=tmp_path / "shared"), strict=True)
    assert isinstance(strict, Report) and strict.exit_code == 1


# the words of the pic and region findings -------------------------------------------------


def _messages(cli: Cli, path: Path) -> list[str]:
    result = cli("check", path, "--format", "json", *BEFORE)
    return [f["message"] for f in json.loads(result.stdout)["findings"]]


def test_a_missing_pic_says_where_to_get_one(cli: Cli, tmp_path: Path) -> None:
    clusters = {**GOOD, "fr": cluster("FR", pic=None)}
    assert _messages(cli, build(tmp_path, clusters, GOOD_MEMBERS)) == [
        "FR Energy Cluster (FR) has no PIC: register it on the Funding & Tenders portal "
        "and add pic to its profile"
    ]


def test_the_region_finding_names_members_without_a_category_only_when_there_are(
    cli: Cli, tmp_path: Path
) -> None:
    members = [*GOOD_MEMBERS[:2], "cluster: at, role: partner, status: confirmed"]
    rules = {"min_less_developed_or_transition": 1}
    known = {**GOOD, "at": cluster("AT")}
    assert _messages(cli, build(tmp_path / "k", known, members, rules=rules)) == [
        "0 member(s) in a less developed or transition region, the call needs 1: add one"
    ]
    unknown = {**GOOD, "fr": cluster("FR", region=None), "at": cluster("AT", region=None)}
    assert _messages(cli, build(tmp_path / "u", unknown, members, rules=rules)) == [
        "0 member(s) in a less developed or transition region, the call needs 1: add one; "
        "no region category for fr, at"
    ]


def test_run_is_not_strict_by_default(tmp_path: Path) -> None:
    clusters = {**GOOD, "fr": cluster("FR", pic="9000001011")}
    proposal = load_proposal(build(tmp_path, clusters, GOOD_MEMBERS))
    assert not isinstance(proposal, list)
    now = datetime(2020, 11, 27, tzinfo=UTC)
    assert (run(proposal, now).exit_code, run(proposal, now, strict=True).exit_code) == (0, 1)


# members and request of a valid file --------------------------------------------------------


def _check(cli: Cli, folder: Path, monkeypatch: pytest.MonkeyPatch) -> Ran:
    monkeypatch.chdir(folder)
    return cli("check", "consortium.yaml", *BEFORE)


def test_a_member_is_found_by_the_id_its_profile_declares(
    cli: Cli, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    clusters = {"dk": GOOD["dk"], "fr": GOOD["fr"], "norte": cluster("PT", id="pt")}
    build(tmp_path, clusters, GOOD_MEMBERS)
    result = _check(cli, tmp_path, monkeypatch)
    assert (result.exit_code, result.stderr) == (0, "")
    assert result.stdout.startswith("COMPLETE consortium.yaml")


def test_every_unreadable_or_unknown_member_is_reported(
    cli: Cli, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    members = [
        "cluster: dk, role: coordinator",
        "cluster: fr",
        "cluster: pt",
        "cluster: zz1",
        "cluster: zz2",
    ]
    build(tmp_path, GOOD, members)
    (tmp_path / "clusters" / "fr.yaml").write_text("name: [\n")
    (tmp_path / "clusters" / "pt.yaml").write_text("name: 7\n")
    result = _check(cli, tmp_path, monkeypatch)
    assert result.exit_code == 2
    places = [line.split(": ", 1)[0] for line in result.stderr.splitlines()]
    assert [p.split(":")[0] for p in places] == [
        "clusters/fr.yaml",
        "clusters/pt.yaml",
        "clusters/pt.yaml",
        "consortium.yaml",
        "consortium.yaml",
    ], result.stderr
    assert "unknown cluster 'zz1'" in result.stderr
    assert "unknown cluster 'zz2'" in result.stderr


def test_a_link_out_of_the_proposal_declares_no_member(
    cli: Cli, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    outside = tmp_path / "outside.yaml"
    outside.write_text(yaml.safe_dump(cluster("PT", id="pt")))
    proposal = tmp_path / "proposal"
    build(proposal, {"dk": GOOD["dk"], "fr": GOOD["fr"]}, GOOD_MEMBERS)
    (proposal / ".git").mkdir()
    (proposal / "clusters" / "evil.yaml").symlink_to(outside)
    result = _check(cli, proposal, monkeypatch)
    assert result.exit_code == 2
    assert "unknown cluster 'pt' (no clusters/pt.yaml)" in result.stderr


def test_a_request_linked_from_outside_is_refused(
    cli: Cli, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    proposal = tmp_path / "proposal"
    build(proposal, GOOD, GOOD_MEMBERS, request=SEEKING_REQUEST)
    (proposal / ".git").mkdir()
    real = proposal / "requests" / "RDFR20201119001.yaml"
    real.rename(tmp_path / "outside.yaml")
    real.symlink_to(tmp_path / "outside.yaml")
    result = _check(cli, proposal, monkeypatch)
    assert result.exit_code == 2
    assert "requests/RDFR20201119001.yaml: is a link that leads outside" in result.stderr


def test_an_invalid_request_file_is_reported(
    cli: Cli, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    build(tmp_path, GOOD, GOOD_MEMBERS, request=SEEKING_REQUEST)
    (tmp_path / "requests" / "RDFR20201119001.yaml").write_text("reference: [\n")
    result = _check(cli, tmp_path, monkeypatch)
    assert result.exit_code == 2
    assert result.stderr.startswith("requests/RDFR20201119001.yaml:"), result.stderr


def test_a_request_is_found_by_its_reference_in_a_file_named_otherwise(
    cli: Cli, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    request = {**SEEKING_REQUEST, "call": "COS-CLUSTER-2018-03-02"}
    build(tmp_path, GOOD, GOOD_MEMBERS, request=request)
    (tmp_path / "requests" / "RDFR20201119001.yaml").rename(tmp_path / "requests" / "fr.yaml")
    result = cli("check", tmp_path / "consortium.yaml", "--format", "json", *BEFORE)
    assert result.exit_code == 1, result.stderr
    assert "request-call" in rule_ids(result)


# links out of the root: a folder behind a file's name, a folder of clusters -----------------


def test_a_folder_outside_behind_a_cluster_file_name_is_refused(
    cli: Cli, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    proposal = tmp_path / "p"
    build(proposal, GOOD, [*GOOD_MEMBERS, "cluster: evil"])
    (proposal / ".git").mkdir()
    (tmp_path / "outdir").mkdir()
    (proposal / "clusters" / "evil.yaml").symlink_to(tmp_path / "outdir")
    result = _check(cli, proposal, monkeypatch)
    assert result.exit_code == 2
    assert result.stderr == (
        f"clusters/evil.yaml: is a link that leads outside the proposal's folder "
        f"({proposal.resolve()}): links must stay inside the repository\n"
    )


def test_a_clusters_folder_outside_names_the_root(
    cli: Cli, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    proposal = tmp_path / "p"
    build(proposal, GOOD, GOOD_MEMBERS)
    (proposal / ".git").mkdir()
    (proposal / "clusters").rename(tmp_path / "elsewhere")
    (proposal / "clusters").symlink_to(tmp_path / "elsewhere")
    result = _check(cli, proposal, monkeypatch)
    assert result.exit_code == 2
    assert result.stderr == (
        f"clusters: is a link that leads outside the proposal's folder "
        f"({proposal.resolve()}): links must stay inside the repository\n"
    )


def test_a_root_whose_name_ends_in_a_space_holds_its_files(tmp_path: Path) -> None:
    folder = tmp_path / "proposal "
    folder.mkdir()
    root = Root(folder)
    assert root.holds(str(folder.resolve() / "consortium.yaml"))
    assert not root.holds(str(tmp_path.resolve() / "proposal x" / "consortium.yaml"))


def test_a_yaml_file_wins_over_a_yml_file_of_the_same_name(
    cli: Cli, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """`fr.yaml` is read, not the broken `fr.yml` beside it; `pt.yml` alone is read."""
    build(tmp_path, GOOD, GOOD_MEMBERS)
    (tmp_path / "clusters" / "fr.yml").write_text("name: [\n")
    (tmp_path / "clusters" / "pt.yaml").rename(tmp_path / "clusters" / "pt.yml")
    result = _check(cli, tmp_path, monkeypatch)
    assert (result.exit_code, result.stderr) == (0, "")
