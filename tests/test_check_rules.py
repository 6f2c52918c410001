"""One or more tests per rule id: exact rule ids, severities and lines on small consortia."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tests.conftest import Cli
from tests.proposals import GOOD, GOOD_MEMBERS, SEEKING_REQUEST, build, cluster

BEFORE = ("--today", "2020-11-27")
MEMBERS_LINE = 2  # `members:` when there is no request line


def findings(cli: Cli, path: Path, *args: str) -> tuple[int, set[tuple[str, str, int]]]:
    result = cli("check", path, "--format", "json", *(args or BEFORE))
    assert result.exit_code in (0, 1), result.output
    data = json.loads(result.stdout)
    return result.exit_code, {(f["rule"], f["severity"], f["line"]) for f in data["findings"]}


def test_good_consortium_is_complete(cli: Cli, tmp_path: Path) -> None:
    assert findings(cli, build(tmp_path, GOOD, GOOD_MEMBERS)) == (0, set())


def test_min_partners(cli: Cli, tmp_path: Path) -> None:
    path = build(tmp_path, GOOD, [GOOD_MEMBERS[0], GOOD_MEMBERS[2]], rules={"min_countries": 2})
    assert findings(cli, path) == (1, {("min-partners", "error", MEMBERS_LINE)})


def test_max_partners_from_consortium_rules(cli: Cli, tmp_path: Path) -> None:
    path = build(tmp_path, GOOD, GOOD_MEMBERS, rules={"max_partners": 2})
    assert findings(cli, path) == (1, {("max-partners", "error", MEMBERS_LINE)})


def test_min_countries(cli: Cli, tmp_path: Path) -> None:
    clusters = {**GOOD, "fr2": cluster("FR", name="Second French cluster")}
    members = [*GOOD_MEMBERS[:2], "cluster: fr2", "cluster: pt"]
    path = build(tmp_path, clusters, members, rules={"min_countries": 4})
    assert findings(cli, path) == (1, {("min-countries", "error", MEMBERS_LINE)})


def test_uk_was_eligible_for_the_2018_call(cli: Cli, tmp_path: Path) -> None:
    clusters = {**GOOD, "gb": cluster("GB")}
    path = build(tmp_path, clusters, [*GOOD_MEMBERS, "cluster: gb"], call="COS-CLUSTER-2018-03-02")
    assert findings(cli, path, "--today", "2019-03-01") == (0, set())


def test_cosme_article_6_country_is_eligible(cli: Cli, tmp_path: Path) -> None:
    clusters = {**GOOD, "ua": cluster("UA")}
    assert findings(cli, build(tmp_path, clusters, [*GOOD_MEMBERS, "cluster: ua"])) == (0, set())


def test_horizon_needs_a_member_in_the_eu(cli: Cli, tmp_path: Path) -> None:
    clusters = {code.lower(): cluster(code, label=None) for code in ("NO", "IS", "UA")}
    members = ["cluster: 'no', role: coordinator", "cluster: is", "cluster: ua"]
    path = build(tmp_path, clusters, members, call="HORIZON-GENERIC")
    # no deadline: judged on --today; Horizon Europe associations apply from 2021
    assert findings(cli, path, "--today", "2026-11-27") == (
        1,
        {("eligible-country", "error", MEMBERS_LINE)},
    )


def test_member_type(cli: Cli, tmp_path: Path) -> None:
    clusters = {**GOOD, "fr": cluster("FR", type="other")}
    assert findings(cli, build(tmp_path, clusters, GOOD_MEMBERS)) == (
        1,
        {("member-type", "error", 4)},
    )


def test_eccp_required_and_loosened(cli: Cli, tmp_path: Path) -> None:
    clusters = {**GOOD, "pt": cluster("PT", eccp=False)}
    assert findings(cli, build(tmp_path, clusters, GOOD_MEMBERS)) == (1, {("eccp", "error", 5)})
    loose = build(tmp_path / "loose", clusters, GOOD_MEMBERS, rules={"eccp_required": False})
    assert findings(cli, loose) == (0, set())


def test_region(cli: Cli, tmp_path: Path) -> None:
    clusters = {**GOOD, "pt": cluster("PT", region={"nuts": "PT17", "category": "more-developed"})}
    assert findings(cli, build(tmp_path, clusters, GOOD_MEMBERS)) == (
        1,
        {("region", "error", MEMBERS_LINE)},
    )


def test_no_coordinator(cli: Cli, tmp_path: Path) -> None:
    members = [m.replace("coordinator", "partner") for m in GOOD_MEMBERS]
    assert findings(cli, build(tmp_path, GOOD, members)) == (
        1,
        {("coordinator", "error", MEMBERS_LINE)},
    )


def test_two_coordinators(cli: Cli, tmp_path: Path) -> None:
    members = [GOOD_MEMBERS[0], "cluster: fr, role: coordinator", GOOD_MEMBERS[2]]
    assert findings(cli, build(tmp_path, GOOD, members)) == (1, {("coordinator", "error", 4)})


def test_coordinator_unwilling_to_coordinate(cli: Cli, tmp_path: Path) -> None:
    clusters = {**GOOD, "dk": cluster("DK", roles=["partner"])}
    assert findings(cli, build(tmp_path, clusters, GOOD_MEMBERS)) == (
        1,
        {("coordinator", "error", 3)},
    )


@pytest.mark.parametrize(
    ("rule", "severity", "code"), [("required", "error", 1), ("preferred", "warning", 0)]
)
def test_coordinator_label(cli: Cli, tmp_path: Path, rule: str, severity: str, code: int) -> None:
    clusters = {**GOOD, "dk": cluster("DK", label={"level": "silver", "valid_until": "2022-01-01"})}
    path = build(tmp_path, clusters, GOOD_MEMBERS, rules={"coordinator_label": {rule: "gold"}})
    assert findings(cli, path) == (code, {("coordinator-label", severity, 3)})


def test_request_prefers_gold(cli: Cli, tmp_path: Path) -> None:
    clusters = {**GOOD, "dk": cluster("DK", label=None)}
    path = build(tmp_path, clusters, GOOD_MEMBERS, request=SEEKING_REQUEST)
    assert findings(cli, path) == (0, {("coordinator-label", "warning", 4)})


def test_lapsing_label_does_not_count(cli: Cli, tmp_path: Path) -> None:
    clusters = {**GOOD, "dk": cluster("DK", label={"level": "gold", "valid_until": "2021-01-15"})}
    required = build(
        tmp_path, clusters, GOOD_MEMBERS, rules={"coordinator_label": {"required": "gold"}}
    )
    assert findings(cli, required) == (
        1,
        {("coordinator-label", "error", 3), ("label-expiry", "error", 3)},
    )
    preferred = build(tmp_path / "p", clusters, GOOD_MEMBERS, request=SEEKING_REQUEST)
    assert findings(cli, preferred) == (
        0,
        {("coordinator-label", "warning", 4), ("label-expiry", "warning", 4)},
    )


def test_label_valid_on_the_deadline_day_counts(cli: Cli, tmp_path: Path) -> None:
    clusters = {**GOOD, "dk": cluster("DK", label={"level": "gold", "valid_until": "2021-02-02"})}
    path = build(
        tmp_path, clusters, GOOD_MEMBERS, rules={"coordinator_label": {"required": "gold"}}
    )
    assert findings(cli, path) == (0, set())


def test_coordinator_experience(cli: Cli, tmp_path: Path) -> None:
    clusters = {**GOOD, "dk": cluster("DK", experience=[])}
    assert findings(cli, build(tmp_path, clusters, GOOD_MEMBERS)) == (
        0,
        {("coordinator-experience", "warning", 3)},
    )
    h2020 = [{"programme": "Horizon 2020", "role": "partner", "year": 2018}]
    clusters = {**GOOD, "dk": cluster("DK", experience=h2020)}
    path = build(tmp_path / "r", clusters, GOOD_MEMBERS, request=SEEKING_REQUEST)
    assert findings(cli, path) == (0, {("coordinator-experience", "warning", 4)})


def test_sought_partner(cli: Cli, tmp_path: Path) -> None:
    clusters = {**GOOD, "dk": cluster("DK", sectors=["tourism"])}
    path = build(tmp_path, clusters, GOOD_MEMBERS, request=SEEKING_REQUEST)
    assert findings(cli, path) == (1, {("sought-partner", "error", 3)})
    found = build(tmp_path / "found", GOOD, GOOD_MEMBERS, request=SEEKING_REQUEST)
    assert findings(cli, found) == (0, set())


def test_unconfirmed_members_named(cli: Cli, tmp_path: Path) -> None:
    members = [GOOD_MEMBERS[0], "cluster: fr, status: invited", "cluster: pt, status: interested"]
    path = build(tmp_path, GOOD, members)
    assert findings(cli, path) == (
        0,
        {("unconfirmed-member", "warning", 4), ("unconfirmed-member", "warning", 5)},
    )
    text = cli("check", path, *BEFORE).stdout
    assert "is only interested: complete once FR and PT confirm" in " ".join(text.split())


@pytest.mark.parametrize("pic", [None, "12345"])
def test_pic(cli: Cli, tmp_path: Path, pic: str | None) -> None:
    clusters = {**GOOD, "fr": cluster("FR", pic=pic)}
    assert findings(cli, build(tmp_path, clusters, GOOD_MEMBERS)) == (0, {("pic", "warning", 4)})


def test_duplicate_member(cli: Cli, tmp_path: Path) -> None:
    path = build(tmp_path, GOOD, [*GOOD_MEMBERS, "cluster: fr"])
    assert findings(cli, path) == (1, {("duplicate-member", "error", 6)})


def test_eoi_deadline_passed_is_a_warning(cli: Cli, tmp_path: Path) -> None:
    path = build(tmp_path, GOOD, GOOD_MEMBERS, request=SEEKING_REQUEST)
    assert findings(cli, path, "--today", "2020-12-21") == (0, {("eoi-deadline", "warning", 2)})


@pytest.mark.parametrize(
    ("now", "passed"),
    [("2021-02-02T16:00:00+00:00", False), ("2021-02-02T16:00:01+00:00", True)],
)
def test_call_deadline_in_winter_is_16_utc(
    cli: Cli, tmp_path: Path, now: str, passed: bool
) -> None:
    code, found = findings(cli, build(tmp_path, GOOD, GOOD_MEMBERS), "--now", now)
    assert found == ({("call-deadline", "error", 1)} if passed else set())
    assert code == (1 if passed else 0)


SUMMER_CALL = {
    "id": "EXAMPLE-SUMMER-CALL",
    "programme": "COSME",
    "title": "A call closing in summer (test data)",
    "deadline": "2021-06-10",
    "rules": {"min_partners": 3},
}


@pytest.mark.parametrize(
    ("now", "passed"),
    [
        ("2021-06-10T15:00:00Z", False),
        ("2021-06-10T15:00:01Z", True),
        ("2021-06-10T17:00:01", True),
    ],
)
def test_call_deadline_in_summer_is_15_utc(
    cli: Cli, tmp_path: Path, now: str, passed: bool
) -> None:
    path = build(tmp_path, GOOD, GOOD_MEMBERS, call="EXAMPLE-SUMMER-CALL", calls=[SUMMER_CALL])
    _, found = findings(cli, path, "--now", now)
    assert found == ({("call-deadline", "error", 1)} if passed else set())


def test_unknown_cluster_suggests_the_closest(cli: Cli, tmp_path: Path) -> None:
    path = build(tmp_path, GOOD, [*GOOD_MEMBERS, "cluster: ptt"])
    result = cli("check", path, *BEFORE)
    assert result.exit_code == 2
    assert result.stderr.startswith(f"{path}:6:")
    assert "did you mean 'pt'?" in result.stderr


def test_unknown_call_and_request_are_located(cli: Cli, tmp_path: Path) -> None:
    path = build(tmp_path, GOOD, GOOD_MEMBERS, call="COS-CLUSTER-2020-3-3")
    path.write_text(path.read_text().replace("members:", "request: RDFR20201119009\nmembers:"))
    result = cli("check", path, *BEFORE)
    assert result.exit_code == 2
    lines = result.stderr.splitlines()
    assert lines[0].startswith(f"{path}:1:") and "did you mean 'COS-CLUSTER-2020-3-03'?" in lines[0]
    assert lines[1].startswith(f"{path}:2:") and "unknown request" in lines[1]


def test_unquoted_no_as_a_cluster_id_says_quote_it(cli: Cli, tmp_path: Path) -> None:
    path = build(tmp_path, {**GOOD, "no": cluster("NO")}, [*GOOD_MEMBERS, "cluster: no"])
    result = cli("check", path, *BEFORE)
    assert result.exit_code == 2
    assert result.stderr.startswith(f"{path}:6:") and "quote the value" in result.stderr


def test_missing_consortium_file(cli: Cli, tmp_path: Path) -> None:
    result = cli("check", tmp_path / "consortium.yaml")
    assert result.exit_code == 2 and "no such file" in result.stderr
