"""Issue 18: eligibility as the Commission applies it at submission. Associations by
work-programme year, the transitional arrangement, regions with codes of their own, calls
whose consortium rules are not encoded, the SMP's countries, ECCP "requested", and every
cited section of docs/sources.md."""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any
from xml.etree import ElementTree as ET

import pytest

from consortium.facts.associations import ASSOCIATIONS
from tests.conftest import ROOT, Cli
from tests.proposals import GOOD, GOOD_MEMBERS, build, cluster

SOURCES = ROOT / "docs" / "sources.md"


def check(cli: Cli, path: Path, *args: str) -> tuple[int, dict[str, Any]]:
    result = cli("check", path, "--format", "json", *args)
    assert result.exit_code in (0, 1), result.stderr
    return result.exit_code, json.loads(result.stdout)


def rules_of(data: dict[str, Any]) -> set[tuple[str, str]]:
    return {(f["rule"], f["severity"]) for f in data["findings"]}


def horizon_call(pillar: str, work_programme: int, deadline: str) -> dict[str, Any]:
    return {
        "id": f"HORIZON-TEST-{work_programme}-{pillar}",
        "programme": "Horizon Europe",
        "title": "A Horizon Europe collaborative action",
        "period": "2021-2027",
        "pillar": pillar,
        "work_programme": work_programme,
        "deadline": deadline,
        "rules": {
            "min_partners": 3,
            "min_countries": 3,
            "min_eu_members": 1,
            "eligible_countries": ["HORIZON_EUROPE"],
            "third_countries": "allowed",
        },
    }


def horizon(tmp_path: Path, code: str, pillar: str, wp: int, deadline: str) -> Path:
    """DE (coordinator), FR and a partner from ``code``: complete only if ``code`` counts."""
    clusters = {
        "de": cluster("DE", label=None),
        "fr": cluster("FR", label=None),
        "x": cluster(code, label=None),
    }
    members = ["cluster: de, role: coordinator", "cluster: fr", "cluster: x"]
    call = horizon_call(pillar, wp, deadline)
    return build(tmp_path, clusters, members, call=call["id"], calls=[call])


COUNTS: set[tuple[str, str]] = set()
NOT_COUNTED = {("not-counted", "warning"), ("min-partners", "error"), ("min-countries", "error")}


# 1. Associations keyed by work-programme year ---------------------------------------------


@pytest.mark.parametrize(
    ("code", "pillar", "wp", "deadline", "expected"),
    [
        ("NZ", "II", 2023, "2023-03-15", COUNTS),  # before the signing day of 9 July 2023
        ("NZ", "I", 2023, "2023-03-15", NOT_COUNTED),
        ("CH", "II", 2024, "2025-01-22", NOT_COUNTED),  # a WP 2024 call closing in 2025
        ("CH", "II", 2025, "2024-12-10", COUNTS),  # a WP 2025 call closing in 2024
        ("KR", "II", 2024, "2025-01-22", NOT_COUNTED),
        ("KR", "II", 2025, "2024-12-10", COUNTS),
        ("KR", "I", 2025, "2025-04-10", NOT_COUNTED),
        ("GB", "II", 2023, "2024-01-24", NOT_COUNTED),  # WP 2023: the UK guarantee, not association
        ("GB", "II", 2024, "2023-12-05", COUNTS),
    ],
)
def test_associations_count_by_work_programme_year(
    cli: Cli,
    tmp_path: Path,
    code: str,
    pillar: str,
    wp: int,
    deadline: str,
    expected: set[tuple[str, str]],
) -> None:
    code_, data = check(cli, horizon(tmp_path, code, pillar, wp, deadline), "--today", "2023-01-10")
    assert rules_of(data) == expected
    assert code_ == (0 if expected == COUNTS else 1)


def test_a_call_without_work_programme_says_to_give_it(cli: Cli, tmp_path: Path) -> None:
    call = horizon_call("II", 2025, "2025-06-10")
    del call["work_programme"]
    clusters = {
        "de": cluster("DE", label=None),
        "fr": cluster("FR", label=None),
        "x": cluster("KR", label=None),
    }
    members = ["cluster: de, role: coordinator", "cluster: fr", "cluster: x"]
    path = build(tmp_path, clusters, members, call=call["id"], calls=[call])
    _, data = check(cli, path, "--today", "2025-01-10")
    (warning,) = [f for f in data["findings"] if f["rule"] == "not-counted"]
    assert "work programme 2025 on: give the call's work_programme" in warning["message"]


# 2. The transitional arrangement ------------------------------------------------------------


def test_japan_counts_in_a_wp2026_pillar_ii_call_with_the_transitional_warning(
    cli: Cli, tmp_path: Path
) -> None:
    code, data = check(
        cli, horizon(tmp_path, "JP", "II", 2026, "2026-09-16"), "--today", "2026-03-01"
    )
    assert (code, rules_of(data)) == (0, {("transitional-association", "warning")})
    (warning,) = data["findings"]
    assert warning["message"].startswith(
        "JP counts under the transitional arrangement: the association must be in force "
        "when the grant is signed"
    )
    assert warning["line"] == 5  # the JP member's line
    strict = cli(
        "check",
        horizon(tmp_path / "s", "JP", "II", 2026, "2026-09-16"),
        "--strict",
        "--today",
        "2026-03-01",
    )
    assert strict.exit_code == 1


def test_japan_does_not_count_in_a_pillar_i_call(cli: Cli, tmp_path: Path) -> None:
    code, data = check(
        cli, horizon(tmp_path, "JP", "I", 2026, "2026-09-16"), "--today", "2026-03-01"
    )
    assert (code, rules_of(data)) == (1, NOT_COUNTED)


@pytest.mark.parametrize(
    ("wp", "expected"), [(2023, {("transitional-association", "warning")}), (2024, NOT_COUNTED)]
)
def test_morocco_counts_in_transition_until_wp_2023_only(
    cli: Cli, tmp_path: Path, wp: int, expected: set[tuple[str, str]]
) -> None:
    _, data = check(cli, horizon(tmp_path, "MA", "II", wp, f"{wp}-04-12"), "--today", "2023-01-10")
    assert rules_of(data) == expected


# 3. Regions with codes of their own -----------------------------------------------------------


def test_a_reunion_cluster_is_eligible_for_cosme_and_is_france(cli: Cli, tmp_path: Path) -> None:
    clusters = {**GOOD, "re": cluster("RE")}
    path = build(tmp_path, clusters, [*GOOD_MEMBERS, "cluster: re"])
    code, data = check(cli, path, "--today", "2020-11-27")
    assert (code, data["findings"]) == (0, [])
    # beside a French member it adds no country: DK, FR and RE are two countries
    two = build(
        tmp_path / "two",
        {
            "dk": cluster("DK"),
            "fr": cluster("FR"),
            "re": cluster("RE", region={"nuts": "FRY4", "category": "less-developed"}),
        },
        ["cluster: dk, role: coordinator, status: confirmed", "cluster: fr", "cluster: re"],
    )
    code, data = check(cli, two, "--today", "2020-11-27")
    (finding,) = data["findings"]
    assert (code, finding["rule"]) == (1, "min-countries")
    assert "members come from 2 countries (DK, FR)" in finding["message"]
    text = cli("check", two, "--today", "2020-11-27").stdout
    assert "RE (France)" in text
    markdown = cli("check", two, "--format", "markdown", "--today", "2020-11-27").stdout
    assert "| RE (France) |" in markdown


@pytest.mark.parametrize("code", ["GP", "GF", "MQ", "YT", "MF", "AX"])
def test_every_region_with_a_code_is_its_member_state(cli: Cli, tmp_path: Path, code: str) -> None:
    path = build(tmp_path, {**GOOD, "x": cluster(code)}, [*GOOD_MEMBERS, "cluster: x"])
    code_, data = check(cli, path, "--today", "2020-11-27")
    assert (code_, data["findings"]) == (0, [])


# 4. A call whose consortium rules are not encoded never passes as complete -----------------

PROVISIONAL = (
    "complete as far as the encoded rules go: this call's consortium conditions are not "
    "encoded, see its call document"
)


def euroclusters(tmp_path: Path) -> Path:
    label = {"level": "gold", "valid_until": "2026-06-30"}
    return build(
        tmp_path,
        {"fr": cluster("FR", label=label)},
        ["cluster: fr, role: coordinator, status: confirmed"],
        call="SMP-COSME-2024-CLUSTER-01",
    )


def test_a_one_member_euroclusters_consortium_is_not_complete_in_any_format(
    cli: Cli, tmp_path: Path
) -> None:
    path = euroclusters(tmp_path)
    today = ("--today", "2025-01-10")
    text = cli("check", path, *today)
    assert text.exit_code == 0
    assert text.stdout.splitlines()[0].startswith(
        f"COMPLETE {PROVISIONAL.removeprefix('complete ')}"
    )
    code, data = check(cli, path, *today)
    assert (code, data["verdict"], data["complete"], data["provisional"]) == (
        0,
        "provisional",
        True,
        True,
    )
    assert data["rules_verified"] is False and data["summary"] == PROVISIONAL
    assert rules_of(data) == {("call-rules", "warning")}
    markdown = cli("check", path, "--format", "markdown", *today)
    assert markdown.stdout.startswith(f"## ⚠️ Consortium {PROVISIONAL}")
    github = cli("check", path, "--format", "github", *today)
    assert "::warning file=" in github.stdout and "title=call-rules::" in github.stdout
    assert f": {PROVISIONAL} for SMP-COSME-2024-CLUSTER-01" in github.stdout
    junit = ET.fromstring(cli("check", path, "--format", "junit", *today).stdout)
    assert junit.get("failures") == "0"
    assert junit.find(".//testcase[@name='call-rules']/system-out") is not None
    sarif = json.loads(cli("check", path, "--format", "sarif", *today).stdout)
    assert sarif["runs"][0]["invocations"][0]["properties"]["verdict"] == "provisional"
    # --strict fails, in every format
    for fmt in ("text", "json", "github", "markdown", "junit", "sarif"):
        strict = cli("check", path, "--strict", "--format", fmt, *today)
        assert strict.exit_code == 1, fmt
    data = json.loads(cli("check", path, "--strict", "--format", "json", *today).stdout)
    assert (data["verdict"], data["complete"]) == ("incomplete-strict", False)
    # ignoring the rule hides the warning, not the verdict
    ignored = json.loads(
        cli("check", path, "--ignore", "call-rules", "--format", "json", *today).stdout
    )
    assert ignored["verdict"] == "provisional" and ignored["findings"] == []


def test_a_repo_call_with_verified_rules_replaces_the_preset(cli: Cli, tmp_path: Path) -> None:
    call: dict[str, Any] = {
        "id": "SMP-COSME-2024-CLUSTER-01",
        "programme": "Single Market Programme",
        "title": "Euroclusters, conditions read in the call document",
        "period": "2021-2027",
        "deadline": "2025-02-05T17:00:00",
        "rules_verified": True,
        "rules": {"min_partners": 3},
    }
    label = {"level": "gold", "valid_until": "2026-06-30"}
    path = build(
        tmp_path,
        {"fr": cluster("FR", label=label)},
        ["cluster: fr, role: coordinator, status: confirmed"],
        call=call["id"],
        calls=[call],
    )
    code, data = check(cli, path, "--today", "2025-01-10")
    assert (code, data["verdict"], rules_of(data)) == (1, "incomplete", {("min-partners", "error")})


# 5. SMP is not COSME 2014-2020 -----------------------------------------------------------------


def test_a_2021_2027_call_naming_the_cosme_set_is_an_error(cli: Cli, tmp_path: Path) -> None:
    call: dict[str, Any] = {
        "id": "SMP-COSME-2025-TEST",
        "programme": "Single Market Programme",
        "title": "A 2021-2027 call naming COSME",
        "period": "2021-2027",
        "deadline": "2025-06-05",
        "rules": {"min_partners": 3, "eligible_countries": ["COSME"]},
    }
    path = build(tmp_path, GOOD, GOOD_MEMBERS, call=call["id"], calls=[call])
    result = cli("check", path, "--today", "2025-01-10")
    assert result.exit_code == 2
    assert "COSME set is COSME 2014-2020's Art. 6 list" in result.stderr
    assert "SMP-COSME-2025-TEST.yaml" in result.stderr and "Traceback" not in result.output
    # the same set named in a consortium's own rules for the Euroclusters call
    overridden = build(
        tmp_path / "o",
        GOOD,
        GOOD_MEMBERS,
        call="SMP-COSME-2024-CLUSTER-01",
        rules={"eligible_countries": ["COSME"]},
    )
    code, data = check(cli, overridden, "--today", "2025-01-10")
    assert code == 1 and ("eligible-country", "error") in rules_of(data)


# 6. ECCP "registered or requested" ------------------------------------------------------------


def test_eccp_requested_passes_with_a_warning(cli: Cli, tmp_path: Path) -> None:
    path = build(tmp_path, {**GOOD, "pt": cluster("PT", eccp="requested")}, GOOD_MEMBERS)
    code, data = check(cli, path, "--today", "2020-11-27")
    assert (code, rules_of(data)) == (0, {("eccp", "warning")})
    assert "complete it on clustercollaboration.eu" in data["findings"][0]["message"]
    assert cli("check", path, "--strict", "--today", "2020-11-27").exit_code == 1
    refused = build(tmp_path / "no", {**GOOD, "pt": cluster("PT", eccp=False)}, GOOD_MEMBERS)
    assert check(cli, refused, "--today", "2020-11-27")[0] == 1
    wrong = build(tmp_path / "w", {**GOOD, "pt": cluster("PT", eccp="pending")}, GOOD_MEMBERS)
    assert cli("check", wrong, "--today", "2020-11-27").exit_code == 2


# 7. Every cited source exists ------------------------------------------------------------------


def sections() -> list[str]:
    return [
        line[3:].strip()
        for line in SOURCES.read_text("utf-8").splitlines()
        if line.startswith("## ")
    ]


def cited() -> set[tuple[str, str]]:
    """Every 'docs/sources.md, "X"' in the code, a citation cut over lines joined."""
    found = set()
    for path in (ROOT / "consortium").rglob("*.py"):
        text = re.sub(r"\s*\n\s*#?\s*", " ", path.read_text("utf-8"))
        found |= {(path.name, name) for name in re.findall(r'docs/sources\.md, "([^"]+)"', text)}
    return found


def test_every_cited_section_of_sources_exists() -> None:
    heads = sections()
    citations = cited()
    assert {"Cluster management labels", "Horizon Europe associations", "Euroclusters"} <= {
        c for _, c in citations
    }
    for where, name in citations:
        assert any(h == name or h.startswith((f"{name}:", f"{name} (")) for h in heads), (
            where,
            name,
        )


def test_the_association_table_in_sources_is_the_data() -> None:
    text = SOURCES.read_text("utf-8")
    part = text[text.index("## Horizon Europe associations") :]
    table = part[part.index("| Code |") :].split("\n\n")[0].splitlines()[2:]
    rows = [[c.strip() for c in line.strip("|").split("|")] for line in table]
    expected = [
        [
            r.code,
            str(r.work_programme),
            str(r.until or "-"),
            "all" if r.pillars is None else ", ".join(sorted(r.pillars)),
            str(r.since or "-"),
            r.state,
            r.source,
        ]
        for r in ASSOCIATIONS
    ]
    assert rows == expected
    assert len({r.code for r in ASSOCIATIONS}) == len(ASSOCIATIONS)  # one row per country
