"""The bundled seed example, every --format, --strict, --summary, calls, and help."""

from __future__ import annotations

import json
import re
from pathlib import Path
from xml.etree import ElementTree as ET

import pytest

from consortium.check.rules import REGISTRY
from consortium.cli import command
from consortium.report.formats import CHECK
from tests.conftest import EXAMPLE, Cli, command_tree
from tests.proposals import GOOD, GOOD_MEMBERS, build, cluster

SEED = EXAMPLE / "consortium.yaml"
COMPLETE = EXAMPLE / "consortium-complete.yaml"
BEFORE = ("--today", "2020-11-27")


def test_seed_example_is_incomplete_for_the_right_reasons(cli: Cli) -> None:
    result = cli("check", SEED, "--format", "json", *BEFORE)
    assert result.exit_code == 1
    data = json.loads(result.stdout)
    found = {(f["rule"], f["severity"]) for f in data["findings"]}
    assert found == {
        ("coordinator", "error"),
        ("sought-partner", "error"),
        ("unconfirmed-member", "warning"),
    }
    pending = [f["message"] for f in data["findings"] if f["rule"] == "unconfirmed-member"]
    assert len(pending) == 2 and all("complete once PT and AT confirm" in m for m in pending)
    assert [(d["name"], d["at"], d["passed"]) for d in data["deadlines"]] == [
        ("eoi", "2020-12-20T23:59:59+01:00", False),
        ("call", "2021-02-02T17:00:00+01:00", False),
    ]
    assert data["file"] == str(SEED) and data["call"] == "COS-CLUSTER-2020-3-03"
    assert (data["complete"], data["errors"], data["warnings"]) == (False, 2, 2)


def test_seed_example_text_shows_verdict_members_and_countdowns(cli: Cli) -> None:
    result = cli("check", SEED, *BEFORE)
    text = " ".join(result.stdout.split())
    assert result.exit_code == 1
    assert text.startswith("INCOMPLETE")
    assert "no coordinator" in text and "EnerNorte Cluster" in text
    assert "Expression of interest: 20 Dec 2020 23:59 CET (in 23 days 23 h)" in text
    assert "Call deadline: 02 Feb 2021 17:00 CET (in 67 days 17 h)" in text


def test_complete_variant_passes(cli: Cli) -> None:
    result = cli("check", COMPLETE, *BEFORE)
    assert result.exit_code == 0, result.stdout
    assert result.stdout.startswith("COMPLETE")


def test_complete_variant_fails_once_the_call_closed(cli: Cli) -> None:
    result = cli("check", COMPLETE, "--format", "json", "--now", "2021-02-02T16:00:01Z")
    assert result.exit_code == 1
    rules = {f["rule"] for f in json.loads(result.stdout)["findings"]}
    assert rules == {"call-deadline", "eoi-deadline"}


def test_junit_is_valid_xml_with_a_case_per_rule(cli: Cli) -> None:
    result = cli("check", SEED, "--format", "junit", *BEFORE)
    suite = ET.fromstring(result.stdout)
    cases = {case.get("name"): case for case in suite.iter("testcase")}
    assert list(cases) == list(REGISTRY)
    assert suite.get("failures") == "2"
    assert cases["coordinator"].find("failure") is not None
    assert cases["unconfirmed-member"].find("failure") is None


ANNOTATION = re.compile(r"^::(error|warning) file=[^,]+,line=\d+,title=[a-z-]+::.+$")


def test_github_annotations_then_full_report(cli: Cli) -> None:
    result = cli("check", SEED, "--format", "github", *BEFORE)
    lines = result.stdout.splitlines()
    annotations = [line for line in lines if line.startswith("::")]
    assert len(annotations) == 4 and all(ANNOTATION.match(line) for line in annotations)
    assert annotations[0].startswith(f"::error file={SEED},line=7,title=coordinator::")
    assert any(line.startswith(f"{SEED}:7: error [coordinator]") for line in lines)


def test_markdown_and_summary_file(cli: Cli, tmp_path: Path) -> None:
    summary = tmp_path / "summary.md"
    summary.write_text("earlier step\n")
    result = cli(
        "check",
        SEED,
        "--format",
        "markdown",
        "--summary",
        *BEFORE,
        env={"GITHUB_STEP_SUMMARY": str(summary)},
    )
    assert result.stdout.startswith("## ❌ Consortium incomplete: COS-CLUSTER-2020-3-03")
    assert "| EnerNorte Cluster | PT | partner | interested | - |" in result.stdout
    assert summary.read_text() == "earlier step\n" + result.stdout


@pytest.mark.parametrize("fmt", CHECK.names)
def test_every_format_on_the_complete_variant_exits_0(cli: Cli, fmt: str) -> None:
    assert cli("check", COMPLETE, "--format", fmt, *BEFORE).exit_code == 0


def test_strict_makes_warnings_fail(cli: Cli, tmp_path: Path) -> None:
    clusters = {**GOOD, "fr": cluster("FR", pic=None)}
    path = build(tmp_path, clusters, GOOD_MEMBERS)
    assert cli("check", path, *BEFORE).exit_code == 0
    assert cli("check", path, "--strict", *BEFORE).exit_code == 1


def test_default_file_is_consortium_yaml_in_the_current_folder(
    cli: Cli, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    build(tmp_path, GOOD, GOOD_MEMBERS)
    monkeypatch.chdir(tmp_path)
    assert cli("check", *BEFORE).exit_code == 0


def test_calls_list_and_show_with_sources(cli: Cli) -> None:
    listing = cli("calls", "list", "--format", "json")
    ids = {c["id"] for c in json.loads(listing.stdout)}
    assert {
        "COS-CLUSTER-2020-3-03",
        "COS-CLUSTER-2018-03-02",
        "COS-CLUSINT-2020-3-01",
        "SMP-COSME-2024-CLUSTER-01",
        "HORIZON-GENERIC",
        "INTERREG-EUROPE",
    } <= ids
    shown = json.loads(cli("calls", "show", "COS-CLUSTER-2020-3-03", "--format", "json").stdout)
    assert shown["deadline"]["at"] == "2021-02-02T17:00:00+01:00"
    assert shown["timezone"] == "Europe/Brussels"
    assert shown["sources"] and shown["rules"]["min_partners"] == 3
    text = " ".join(
        cli("calls", "show", "cos-cluster-2020-3-03", "--today", "2020-11-27").stdout.split()
    )
    assert "02 Feb 2021 17:00 CET (in 67 days 17 h)" in text and "Source" in text
    wrong = cli("calls", "show", "COS-CLUSTER-2020-3-3")
    assert wrong.exit_code == 2 and "did you mean COS-CLUSTER-2020-3-03?" in wrong.stderr


@pytest.mark.parametrize("rule", list(REGISTRY))
def test_every_rule_documents_itself(rule: str) -> None:
    doc = REGISTRY[rule].description
    assert doc.startswith(f"{rule}:"), "the docstring opens with the rule id and the rule"
    assert "Source:" in doc, f"{rule} docstring lacks its source"


def test_every_command_has_help(cli: Cli) -> None:
    group = command()
    names = list((n for n, _ in command_tree(group)))
    assert ("check",) in names and ("requests", "list") in names
    for name in names:
        result = cli(*name, "--help")
        assert result.exit_code == 0 and "Usage" in result.stdout, name
