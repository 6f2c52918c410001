"""Issue 12: `consortium init` scaffolds a proposal repo that validates, checks and runs in
CI; its workflow and pre-commit config validate with the real tools."""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from pathlib import Path

from consortium.scaffold import WORKFLOW
from tests.conftest import EXAMPLE, REQUESTS, ROOT

BIN = Path(sys.executable).parent
CALL = "COS-CLUSTER-2020-3-03"


def _tool(*args: str | Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run([str(a) for a in args], capture_output=True, text=True, timeout=120)


def test_init_then_fill_as_the_readme_says_passes_check(cli, tmp_path):
    demo = tmp_path / "demo"
    made = cli("init", demo, "--call", CALL, "--request", "RDFR20201119001")
    assert made.exit_code == 0, made.stderr
    for folder in ("clusters", "requests"):
        assert (demo / folder / "README.md").is_file()
    # as the README describes: the example's clusters, the seed request, the members
    for profile in (EXAMPLE / "clusters").glob("*.yaml"):
        shutil.copy(profile, demo / "clusters")
    shutil.copy(REQUESTS / "RDFR20201119001.yaml", demo / "requests")
    members = (EXAMPLE / "consortium-complete.yaml").read_text().split("members:\n")[1]
    text = (demo / "consortium.yaml").read_text().replace("members: []\n", "members:\n" + members)
    (demo / "consortium.yaml").write_text(text)
    checked = cli("check", demo / "consortium.yaml", "--today", "2020-11-20")
    assert checked.exit_code == 0, checked.stdout + checked.stderr
    assert cli("validate", demo).exit_code == 0

    again = cli("init", demo, "--call", CALL)
    assert again.exit_code == 2 and "--force" in again.stderr
    assert again.stderr.count("\n") == 1 and "members:\n  - {cluster" in text
    assert (demo / "consortium.yaml").read_text() == text  # nothing written over


def test_generated_files_validate_with_the_real_tools(cli, tmp_path):
    demo = tmp_path / "demo"
    assert cli("init", demo, "--call", CALL).exit_code == 0
    workflow = demo / ".github" / "workflows" / "consortium.yml"
    result = _tool(
        BIN / "check-jsonschema", "--builtin-schema", "vendor.github-workflows", workflow
    )
    assert result.returncode == 0, result.stdout + result.stderr
    config = demo / ".pre-commit-config.yaml"
    result = _tool(BIN / "pre-commit", "validate-config", config)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "consortium-check" in config.read_text()
    assert "consortium-validate" in config.read_text()


def test_fresh_skeleton_validates_and_names_its_schemas(cli, tmp_path):
    demo = tmp_path / "demo"
    assert cli("init", demo, "--call", CALL.lower()).exit_code == 0
    consortium = (demo / "consortium.yaml").read_text()
    assert consortium.startswith("# yaml-language-server: $schema=.schemas/consortium.json\n")
    assert f"call: {CALL}\n" in consortium and "request:" not in consortium
    for kind in ("request", "cluster", "consortium", "call"):
        schema = json.loads((demo / ".schemas" / f"{kind}.json").read_text())
        assert schema["$id"].endswith(f"/{kind}.json")
    assert "../.schemas/cluster.json" in (demo / "clusters" / "README.md").read_text()
    assert cli("validate", demo / "consortium.yaml").exit_code == 0
    incomplete = cli("check", demo / "consortium.yaml", "--today", "2020-11-20")
    assert incomplete.exit_code == 1  # no members yet: checked, not broken


def test_force_writes_into_a_folder_that_is_not_empty(cli, tmp_path):
    (tmp_path / "notes.txt").write_text("mine\n")
    refused = cli("init", tmp_path, "--call", CALL)
    assert refused.exit_code == 2 and not (tmp_path / "consortium.yaml").exists()
    forced = cli("init", tmp_path, "--call", CALL, "--force")
    assert forced.exit_code == 0 and (tmp_path / "consortium.yaml").is_file()
    assert (tmp_path / "notes.txt").read_text() == "mine\n"
    assert cli("init", tmp_path, "--call", CALL, "--force").exit_code == 0


def test_unknown_call_and_bad_request_are_one_line(cli, tmp_path):
    typo = cli("init", tmp_path / "d", "--call", "COS-CLUSTR-2020-3-03")
    assert typo.exit_code == 2 and typo.stderr.count("\n") == 1
    assert "did you mean COS-CLUSTER-2020-3-03?" in typo.stderr
    bad = cli("init", tmp_path / "d", "--call", CALL, "--request", "nope")
    assert bad.exit_code == 2 and bad.stderr.count("\n") == 1
    assert not (tmp_path / "d").exists()
    file = tmp_path / "file"
    file.write_text("x")
    assert cli("init", file, "--call", CALL).exit_code == 2


def test_docs_workflow_is_the_one_init_writes():
    assert (ROOT / "docs" / "workflow.yml").read_text() == WORKFLOW
