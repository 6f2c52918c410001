"""Issue 9: `check` tells the truth. Eligibility as each programme defines it, one verdict in
every format, links checked, schema and validator in agreement, all problems in one pass."""

from __future__ import annotations

import json
import re
from datetime import date
from pathlib import Path
from typing import Any
from xml.etree import ElementTree as ET

import jsonschema
import pytest
import yaml

from consortium.facts.eligibility import Scope, associated, expand
from consortium.files.schema import json_schema
from tests.conftest import EXAMPLE, REQUESTS, Cli
from tests.proposals import GOOD, GOOD_MEMBERS, SEEKING_REQUEST, build, cluster

MEMBERS_LINE = 2  # `members:` in a proposal without a request


def findings(cli: Cli, path: Path, *args: str) -> tuple[int, set[tuple[str, str, int]]]:
    result = cli("check", path, "--format", "json", *args)
    assert result.exit_code in (0, 1), result.stderr
    data = json.loads(result.stdout)
    return result.exit_code, {(f["rule"], f["severity"], f["line"]) for f in data["findings"]}


# A. Eligibility as the programmes define it -----------------------------------------------


def test_gb_is_eligible_for_cosme_2020_after_the_transition(cli: Cli, tmp_path: Path) -> None:
    """Withdrawal Agreement, Art. 138: COSME 2020 is committed under the MFF 2014-2020."""
    clusters = {**GOOD, "gb": cluster("GB")}
    path = build(tmp_path, clusters, [*GOOD_MEMBERS, "cluster: gb"])
    assert findings(cli, path, "--today", "2021-01-10") == (0, set())


def test_gb_is_not_eligible_for_a_2021_2027_call_limited_to_eu27(cli: Cli, tmp_path: Path) -> None:
    call = {
        "id": "SMP-TEST-2025",
        "programme": "Single Market Programme",
        "title": "A 2021-2027 call limited to the EU27",
        "period": "2021-2027",
        "deadline": "2025-03-04",
        "rules": {"eligible_countries": ["EU"], "third_countries": "excluded"},
    }
    label = {"level": "gold", "valid_until": "2026-06-30"}
    clusters = {k: cluster(c, label=label) for k, c in (("dk", "DK"), ("fr", "FR"), ("pt", "PT"))}
    clusters["gb"] = cluster("GB", label=label)
    path = build(
        tmp_path, clusters, [*GOOD_MEMBERS, "cluster: gb"], call="SMP-TEST-2025", calls=[call]
    )
    assert findings(cli, path, "--today", "2025-01-10") == (1, {("eligible-country", "error", 6)})


@pytest.mark.parametrize(
    ("code", "scope", "expected"),
    [
        ("GB", Scope(date(2023, 12, 1), "2021-2027", "II", 2023), False),
        ("GB", Scope(date(2023, 12, 1), "2021-2027", "II", 2024), True),
        ("CA", Scope(date(2025, 3, 1), "2021-2027", "II", 2024), True),
        ("CA", Scope(date(2025, 3, 1), "2021-2027", "I", 2024), False),
        # Issue 18: by work-programme year, not by date; a call without a work programme
        # counts only the associations of 2021 (before: KR, NZ and CH by date).
        ("KR", Scope(date(2025, 2, 1), "2021-2027", "II", 2025), True),
        ("KR", Scope(date(2025, 2, 1), "2021-2027", "II", 2024), False),
        ("KR", Scope(date(2025, 2, 1), "2021-2027", "II"), False),
        ("KR", Scope(date(2025, 2, 1), "2021-2027", None, 2025), False),
        ("NZ", Scope(date(2023, 3, 15), "2021-2027", "II", 2023), True),
        ("NZ", Scope(date(2023, 7, 9), "2021-2027", "II"), False),
        ("EG", Scope(date(2026, 1, 1), "2021-2027", "I", 2024), False),
        ("EG", Scope(date(2026, 1, 1), "2021-2027", "I", 2025), True),
        ("CH", Scope(date(2025, 3, 1), "2021-2027", "I", 2024), False),
        ("CH", Scope(date(2024, 12, 15), "2021-2027", "I", 2025), True),
        ("CH", Scope(date(2025, 6, 1), "2021-2027", "I"), False),
        ("NO", Scope(date(2021, 6, 1), "2021-2027", None), True),
    ],
)
def test_horizon_europe_association_by_pillar_and_work_programme(
    code: str, scope: Scope, expected: bool
) -> None:
    assert associated(code, scope) is expected


def test_interreg_europe_admits_candidates_from_the_amendment() -> None:
    before = expand(["INTERREG_EUROPE"], Scope(date(2023, 12, 10), "2021-2027"))
    after = expand(["INTERREG_EUROPE"], Scope(date(2023, 12, 11), "2021-2027"))
    assert "UA" not in before and "NO" in before and "CH" in before and "GB" not in before
    assert {"AL", "BA", "MD", "ME", "MK", "RS", "UA"} <= after


def test_members_from_other_countries_do_not_count_where_admitted(cli: Cli, tmp_path: Path) -> None:
    clusters = {
        "de": cluster("DE", label=None),
        "fr": cluster("FR", label=None),
        "us": cluster("US", label=None),
    }
    members = ["cluster: de, role: coordinator", "cluster: fr", "cluster: us"]
    path = build(tmp_path, clusters, members, call="HORIZON-GENERIC")
    code, found = findings(cli, path, "--today", "2026-11-27")
    assert code == 1
    assert found == {
        ("not-counted", "warning", 5),
        ("min-partners", "error", MEMBERS_LINE),
        ("min-countries", "error", MEMBERS_LINE),
    }
    cosme = build(tmp_path / "cosme", clusters, members)
    assert ("eligible-country", "error", 5) in findings(cli, cosme, "--today", "2020-11-27")[1]


@pytest.mark.parametrize(
    ("reference", "country"), [("RDUK20201119001", "GB"), ("RDEL20201119001", "GR")]
)
def test_een_references_may_spell_uk_and_el(
    cli: Cli, tmp_path: Path, reference: str, country: str
) -> None:
    path = tmp_path / "requests" / f"{reference}.yaml"
    path.parent.mkdir()
    path.write_text(f"reference: {reference}\ntitle: A request\ncountry: {country}\n")
    result = cli("validate", path)
    assert result.exit_code == 0, result.stderr


# B. One verdict, in every format --------------------------------------------------------

TODAY = ("--today", "2020-11-27")


def _warned(tmp_path: Path) -> Path:
    """Complete, but with a PIC warning."""
    clusters = {**GOOD, "pt": cluster("PT", pic="12345")}
    return build(tmp_path, clusters, GOOD_MEMBERS)


def test_strict_says_incomplete_in_every_format(cli: Cli, tmp_path: Path) -> None:
    path = _warned(tmp_path)
    text = cli("check", path, "--strict", *TODAY)
    assert text.exit_code == 1 and text.stdout.startswith("INCOMPLETE (strict)")
    data = json.loads(cli("check", path, "--strict", "--format", "json", *TODAY).stdout)
    assert (data["complete"], data["strict"], data["verdict"]) == (False, True, "incomplete-strict")
    markdown = cli("check", path, "--strict", "--format", "markdown", *TODAY)
    assert markdown.stdout.startswith("## ❌") and "incomplete (strict" in markdown.stdout
    assert "incomplete (strict: 1 warning(s) fail)" in markdown.stderr
    junit = ET.fromstring(cli("check", path, "--strict", "--format", "junit", *TODAY).stdout)
    assert (
        junit.get("failures") == "1" and junit.find(".//testcase[@name='pic']/failure") is not None
    )
    relaxed = ET.fromstring(cli("check", path, "--format", "junit", *TODAY).stdout)
    assert relaxed.get("failures") == "0"
    assert cli("check", path, *TODAY).exit_code == 0


@pytest.mark.parametrize("fmt", ["json", "github", "junit", "markdown"])
def test_a_file_that_cannot_be_checked_still_gives_a_document(
    cli: Cli, tmp_path: Path, fmt: str
) -> None:
    path = tmp_path / "consortium.yaml"
    path.write_text("call: COS-CLUSTER-2020-3-03\nmembers:\n  - {cluster: dk, role: chief\n")
    summary = tmp_path / "summary.md"
    result = cli(
        "check",
        path,
        "--format",
        fmt,
        "--summary",
        *TODAY,
        env={"GITHUB_STEP_SUMMARY": str(summary)},
    )
    assert result.exit_code == 2
    out = result.stdout
    if fmt == "json":
        data = json.loads(out)
        assert data["complete"] is None and data["problems"][0]["line"] == 4
        assert data["problems"][0]["file"] == str(path) and data["problems"][0]["column"] == 1
    elif fmt == "github":
        assert out.startswith(f"::error file={path},line=4,col=1,title=not-checkable::")
    elif fmt == "junit":
        suite = ET.fromstring(out)
        assert suite.get("errors") == "1" and suite.find(".//error") is not None
    else:
        assert "Consortium not checked" in out and f"{path}:4:1" in out
    assert "Consortium not checked" in summary.read_text()


def test_unconfirmed_members_make_a_provisional_verdict(cli: Cli, tmp_path: Path) -> None:
    members = [
        "cluster: dk, role: coordinator, status: invited",
        "cluster: fr, role: partner, status: confirmed",
        "cluster: pt, role: partner, status: interested",
    ]
    path = build(tmp_path, GOOD, members)
    text = cli("check", path, *TODAY)
    assert text.exit_code == 0
    first = text.stdout.splitlines()[0]
    assert first.startswith("COMPLETE once DK and PT confirm (the coordinator dk is only invited)")
    data = json.loads(cli("check", path, "--format", "json", *TODAY).stdout)
    assert (data["complete"], data["provisional"], data["verdict"]) == (True, True, "provisional")
    assert cli("check", path, "--strict", *TODAY).exit_code == 1


def test_an_unknown_call_deadline_is_said_to_be_unknown(cli: Cli, tmp_path: Path) -> None:
    clusters = {
        "de": cluster("DE", label={"level": "gold", "valid_until": "2026-01-01"}),
        "fr": cluster("FR"),
        "it": cluster("IT"),
    }
    members = ["cluster: de, role: coordinator", "cluster: fr", "cluster: it"]
    call = {
        "id": "X-2026",
        "programme": "Test",
        "title": "No deadline known",
        "rules": {"coordinator_label": {"required": "gold"}},
    }
    path = build(tmp_path, clusters, members, call="X-2026", calls=[call])
    result = cli("check", path, "--format", "json", "--today", "2026-01-10")
    data = json.loads(result.stdout)
    expiry = [f["message"] for f in data["findings"] if f["rule"] == "label-expiry"]
    assert expiry and "before today (2026-01-10; the call deadline is unknown" in expiry[0]
    assert "before the call deadline" not in result.stdout
    assert {"name": "call", "at": None, "remaining_seconds": None, "passed": None} in data[
        "deadlines"
    ]
    text = cli("check", path, "--today", "2026-01-10").stdout
    assert "Call deadline: unknown: give it as deadlines: call" in text


def test_sought_partner_names_the_required_label_nobody_holds(cli: Cli, tmp_path: Path) -> None:
    request = {**SEEKING_REQUEST, "seeking": {**SEEKING_REQUEST["seeking"], "label_required": True}}
    silver = {"level": "silver", "valid_until": "2022-06-30"}
    clusters = {k: cluster(c, label=silver) for k, c in (("dk", "DK"), ("fr", "FR"), ("pt", "PT"))}
    path = build(tmp_path, clusters, GOOD_MEMBERS, request=request)
    data = json.loads(cli("check", path, "--format", "json", *TODAY).stdout)
    message = next(f["message"] for f in data["findings"] if f["rule"] == "sought-partner")
    assert "with a valid gold label" in message and "nobody meets: label" in message
    assert "closest: DK Energy Cluster (DK), which holds a silver label" in message


def test_a_request_for_another_call_is_an_error(cli: Cli, tmp_path: Path) -> None:
    request = {**SEEKING_REQUEST, "call": "COS-CLUSINT-2020-3-01"}
    path = build(tmp_path, GOOD, GOOD_MEMBERS, request=request)
    assert ("request-call", "error", 2) in findings(cli, path, *TODAY)[1]


def test_a_request_naming_an_unknown_call_is_a_warning_with_the_closest(
    cli: Cli, tmp_path: Path
) -> None:
    request = {**SEEKING_REQUEST, "call": "COS-CLUSTER-2020-3-3"}
    path = build(tmp_path, GOOD, GOOD_MEMBERS, request=request)
    data = json.loads(cli("check", path, "--format", "json", *TODAY).stdout)
    found = [f for f in data["findings"] if f["rule"] == "request-call"]
    assert [(f["severity"], f["line"]) for f in found] == [("warning", 2)]
    assert "did you mean 'COS-CLUSTER-2020-3-03'" in found[0]["message"]
    listed = cli("validate", tmp_path / "requests")
    assert (
        listed.exit_code == 0
        and "warning: the call 'COS-CLUSTER-2020-3-3' is unknown" in listed.stderr
    )


def test_validate_resolves_links_between_files(cli: Cli, tmp_path: Path) -> None:
    path = build(tmp_path, GOOD, [*GOOD_MEMBERS, "cluster: ghost"], call="COS-CLUSTER-2020-3-3")
    path.write_text(path.read_text().replace("members:", "request: RDFR20201119009\nmembers:"))
    result = cli("validate", tmp_path)
    assert result.exit_code == 2
    lines = result.stderr.splitlines()
    assert any(f"{path}:1:1: unknown call 'COS-CLUSTER-2020-3-3'" in line for line in lines), lines
    assert any(
        f"{path}:2:" in line and "unknown request 'RDFR20201119009'" in line for line in lines
    )
    assert any(f"{path}:7:" in line and "unknown cluster 'ghost'" in line for line in lines)


def test_a_value_error_does_not_hide_a_link_error(cli: Cli, tmp_path: Path) -> None:
    path = build(tmp_path, GOOD, ["cluster: dk, role: chief", "cluster: ghost"])
    result = cli("check", path, *TODAY)
    assert result.exit_code == 2
    assert f"{path}:3:" in result.stderr and "role" in result.stderr
    assert f"{path}:4:" in result.stderr and "unknown cluster 'ghost'" in result.stderr


def test_a_duplicate_key_does_not_hide_the_other_problems(cli: Cli, tmp_path: Path) -> None:
    path = tmp_path / "clusters" / "dk.yaml"
    path.parent.mkdir()
    path.write_text("name: DK\ncountry: DK\nname: Again\nroles: [chief]\n")
    result = cli("validate", path)
    assert result.exit_code == 2
    lines = result.stderr.splitlines()
    assert lines[0].startswith(f"{path}:3:1: duplicate key 'name' (first on line 1)")
    assert lines[1].startswith(f"{path}:4:") and "roles" in lines[1]


# Schema and validator agree ---------------------------------------------------------------


class EditorLoader(yaml.SafeLoader):
    """YAML as editors read it (YAML 1.2 core schema): dates and yes/no stay text; only
    true and false are booleans."""


EditorLoader.yaml_implicit_resolvers = {
    first: [
        (tag, pattern)
        for tag, pattern in resolvers
        if tag not in ("tag:yaml.org,2002:timestamp", "tag:yaml.org,2002:bool")
    ]
    for first, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
}
EditorLoader.add_implicit_resolver(
    "tag:yaml.org,2002:bool", re.compile(r"^(?:true|True|TRUE|false|False|FALSE)$"), list("tTfF")
)

CLUSTER = 'name: Example\ncountry: AT\ntype: cluster\neccp: true\npic: "999999999"\nlabel: {level: gold, valid_until: 2022-06-30}\nroles: [coordinator]\nsectors: [energy]\n'
CONSORTIUM = "call: COS-CLUSTER-2020-3-03\nmembers:\n  - {cluster: example, role: partner}\nrules: {min_partners: 3}\n"
NEAR_MISSES = {
    "eccp: yes": ("cluster", CLUSTER.replace("eccp: true", "eccp: yes")),
    "level: Gold": ("cluster", CLUSTER.replace("level: gold", "level: Gold")),
    "role: Partner": ("consortium", CONSORTIUM.replace("role: partner", "role: Partner")),
    # one sector may stand for a one-item list: both accept it
    "valid: sectors: hydrogen": (
        "cluster",
        CLUSTER.replace("sectors: [energy]", "sectors: hydrogen"),
    ),
    "unquoted PIC": ("cluster", CLUSTER.replace('pic: "999999999"', "pic: 012345670")),
    "min_partners: '3'": ("consortium", CONSORTIUM.replace("min_partners: 3", 'min_partners: "3"')),
    "country: at": ("cluster", CLUSTER.replace("country: AT", "country: at")),
    "country: ZZ": ("cluster", CLUSTER.replace("country: AT", "country: ZZ")),
    "eccp: 'true'": ("cluster", CLUSTER.replace("eccp: true", 'eccp: "true"')),
    "roles: [Coordinator]": ("cluster", CLUSTER.replace("[coordinator]", "[Coordinator]")),
    "cluster: ../x": ("consortium", CONSORTIUM.replace("cluster: example", 'cluster: "../x"')),
    "unknown key": ("cluster", CLUSTER + "labell: x\n"),
    "valid: cluster": ("cluster", CLUSTER),
    "valid: consortium": ("consortium", CONSORTIUM),
}


def _schema_says(kind: str, text: str) -> bool:
    data = yaml.load(text, Loader=EditorLoader)
    return jsonschema.Draft202012Validator(json_schema(kind)).is_valid(data)


def _validate_says(cli: Cli, tmp_path: Path, kind: str, text: str) -> bool:
    folder = tmp_path / {"cluster": "clusters", "consortium": "proposal"}[kind]
    folder.mkdir(exist_ok=True)
    path = folder / ("example.yaml" if kind == "cluster" else "consortium.yaml")
    path.write_text(text)
    return cli("validate", path, "--kind", kind).exit_code == 0


@pytest.mark.parametrize("name", list(NEAR_MISSES))
def test_schema_and_validate_agree_on_near_misses(cli: Cli, tmp_path: Path, name: str) -> None:
    kind, text = NEAR_MISSES[name]
    if kind == "consortium":  # its links are resolved too: give it the cluster it names
        (tmp_path / "proposal" / "clusters").mkdir(parents=True)
        (tmp_path / "proposal" / "clusters" / "example.yaml").write_text(CLUSTER)
    expected = name.startswith("valid")
    assert _schema_says(kind, text) is expected, "the schema's verdict"
    assert _validate_says(cli, tmp_path, kind, text) is expected, "validate's verdict"


def _bundled() -> list[tuple[str, Path]]:
    found = [("request", p) for p in sorted(REQUESTS.glob("*.yaml"))]
    found += [("cluster", p) for p in sorted((EXAMPLE / "clusters").glob("*.yaml"))]
    return found + [("consortium", p) for p in sorted(EXAMPLE.glob("consortium*.yaml"))]


@pytest.mark.parametrize(("kind", "path"), _bundled(), ids=lambda v: getattr(v, "name", v))
def test_every_bundled_file_passes_schema_and_validate(cli: Cli, kind: str, path: Path) -> None:
    data: Any = yaml.load(path.read_text(encoding="utf-8"), Loader=EditorLoader)
    errors = list(jsonschema.Draft202012Validator(json_schema(kind)).iter_errors(data))
    assert not errors, [e.message for e in errors]
    assert cli("validate", path, "--kind", kind).exit_code == 0


# SARIF (issue 12) --------------------------------------------------------------------------

SARIF_STRUCTURE = {
    "type": "object",
    "required": ["version", "runs"],
    "properties": {
        "version": {"const": "2.1.0"},
        "runs": {
            "type": "array",
            "minItems": 1,
            "items": {
                "type": "object",
                "required": ["tool", "results"],
                "properties": {
                    "tool": {
                        "type": "object",
                        "required": ["driver"],
                        "properties": {
                            "driver": {
                                "type": "object",
                                "required": ["name", "rules"],
                                "properties": {
                                    "rules": {
                                        "type": "array",
                                        "items": {
                                            "type": "object",
                                            "required": ["id", "shortDescription"],
                                        },
                                    }
                                },
                            }
                        },
                    },
                    "results": {
                        "type": "array",
                        "items": {
                            "type": "object",
                            "required": ["ruleId", "level", "message", "locations"],
                            "properties": {
                                "level": {"enum": ["error", "warning", "note", "none"]},
                                "message": {"type": "object", "required": ["text"]},
                                "locations": {
                                    "type": "array",
                                    "items": {
                                        "type": "object",
                                        "required": ["physicalLocation"],
                                        "properties": {
                                            "physicalLocation": {
                                                "type": "object",
                                                "required": ["artifactLocation"],
                                                "properties": {
                                                    "artifactLocation": {
                                                        "type": "object",
                                                        "required": ["uri"],
                                                    },
                                                    "region": {
                                                        "type": "object",
                                                        "required": ["startLine"],
                                                        "properties": {"startLine": {"minimum": 1}},
                                                    },
                                                },
                                            }
                                        },
                                    },
                                },
                            },
                        },
                    },
                },
            },
        },
    },
}


def test_sarif_has_the_required_structure(cli: Cli) -> None:
    seed = EXAMPLE / "consortium.yaml"
    result = cli("check", seed, "--format", "sarif", *TODAY)
    assert result.exit_code == 1
    data = json.loads(result.stdout)
    jsonschema.validate(data, SARIF_STRUCTURE)
    run = data["runs"][0]
    rules = [r["id"] for r in run["tool"]["driver"]["rules"]]
    assert set(rules) >= {"coordinator", "sought-partner", "not-checkable"}
    found = {(r["ruleId"], r["level"]) for r in run["results"]}
    assert ("coordinator", "error") in found and ("unconfirmed-member", "warning") in found
    first = run["results"][0]
    assert rules[first["ruleIndex"]] == first["ruleId"]
    assert first["locations"][0]["physicalLocation"]["artifactLocation"]["uri"] == str(seed)


def test_sarif_of_a_file_that_cannot_be_checked(cli: Cli, tmp_path: Path) -> None:
    path = tmp_path / "consortium.yaml"
    path.write_text("call: COS-CLUSTER-2020-3-03\nmembers:\n  - {cluster: dk\n")
    result = cli("check", path, "--format", "sarif", *TODAY)
    assert result.exit_code == 2
    data = json.loads(result.stdout)
    jsonschema.validate(data, SARIF_STRUCTURE)
    (only,) = data["runs"][0]["results"]
    assert only["ruleId"] == "not-checkable" and only["level"] == "error"
    assert only["locations"][0]["physicalLocation"]["region"]["startLine"] == 4
    assert data["runs"][0]["invocations"][0]["executionSuccessful"] is False
