"""Issue 12: `consortium init` scaffolds a proposal repo that validates, checks and runs in
CI; its workflow and pre-commit config validate with the real tools."""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from consortium.proposal.scaffold import WORKFLOW
from tests.conftest import EXAMPLE, REQUESTS, ROOT, Cli

BIN = Path(sys.executable).parent
CALL = "COS-CLUSTER-2020-3-03"


def _tool(*args: str | Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run([str(a) for a in args], capture_output=True, text=True, timeout=120)


def test_init_then_fill_as_the_readme_says_passes_check(cli: Cli, tmp_path: Path) -> None:
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


def test_generated_files_validate_with_the_real_tools(cli: Cli, tmp_path: Path) -> None:
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


def test_fresh_skeleton_validates_and_names_its_schemas(cli: Cli, tmp_path: Path) -> None:
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


def test_force_writes_into_a_folder_that_is_not_empty(cli: Cli, tmp_path: Path) -> None:
    (tmp_path / "notes.txt").write_text("mine\n")
    refused = cli("init", tmp_path, "--call", CALL)
    assert refused.exit_code == 2 and not (tmp_path / "consortium.yaml").exists()
    forced = cli("init", tmp_path, "--call", CALL, "--force")
    assert forced.exit_code == 0 and (tmp_path / "consortium.yaml").is_file()
    assert (tmp_path / "notes.txt").read_text() == "mine\n"
    assert cli("init", tmp_path, "--call", CALL, "--force").exit_code == 0


def test_unknown_call_and_bad_request_are_one_line(cli: Cli, tmp_path: Path) -> None:
    typo = cli("init", tmp_path / "d", "--call", "COS-CLUSTR-2020-3-03")
    assert typo.exit_code == 2 and typo.stderr.count("\n") == 1
    assert "did you mean COS-CLUSTER-2020-3-03?" in typo.stderr
    bad = cli("init", tmp_path / "d", "--call", CALL, "--request", "nope")
    assert bad.exit_code == 2 and bad.stderr.count("\n") == 1
    assert not (tmp_path / "d").exists()
    file = tmp_path / "file"
    file.write_text("x")
    assert cli("init", file, "--call", CALL).exit_code == 2


def test_docs_workflow_is_the_one_init_writes() -> None:
    assert (ROOT / "docs" / "workflow.yml").read_text() == WORKFLOW


# Issue 15: init takes the request from where it is, validates before writing --------------


def test_request_is_found_where_it_is_and_copied(
    cli: Cli, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    (tmp_path / "requests").mkdir()
    mine = (REQUESTS / "RDES20201125001.yaml").read_text()
    (tmp_path / "requests" / "RDES20201125001.yaml").write_text(mine)
    made = cli("init", "p", "--call", CALL, "--request", "RDES20201125001")
    assert made.exit_code == 0, made.stderr
    assert (tmp_path / "p" / "requests" / "RDES20201125001.yaml").read_text() == mine
    assert "(requests/RDES20201125001.yaml)" in made.stderr and "valid as it stands" in made.stderr
    assert "cd p && git init && pre-commit install" in made.stderr
    assert cli("validate", tmp_path / "p").exit_code == 0


def test_bundled_request_and_its_call_are_taken(
    cli: Cli, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    made = cli("init", "p", "--request", "RDFR20201119001")
    assert made.exit_code == 0, made.stderr
    assert f"call: {CALL}\n" in (tmp_path / "p" / "consortium.yaml").read_text()
    copied = (tmp_path / "p" / "requests" / "RDFR20201119001.yaml").read_text()
    assert copied == (REQUESTS / "RDFR20201119001.yaml").read_text()


def test_een_text_is_imported_into_the_new_repo(
    cli: Cli, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    shutil.copy(ROOT / "tests" / "data" / "een" / "RDNO20250203001.txt", tmp_path)
    made = cli("init", "p", "--request", "RDNO20250203001", "--call", "INTERREG-EUROPE")
    assert made.exit_code == 0, made.stderr
    text = (tmp_path / "p" / "requests" / "RDNO20250203001.yaml").read_text()
    assert "reference: RDNO20250203001\n" in text and 'country: "NO"' in text
    by_file = cli("init", "q", "--request-file", tmp_path / "RDNO20250203001.txt", "--no-input")
    assert by_file.exit_code == 2 and "names call IE-2025-05-01" in by_file.stderr
    assert "give --call ID, one of" in by_file.stderr and not (tmp_path / "q").exists()


def test_request_not_found_says_what_to_do_and_writes_nothing(
    cli: Cli, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    missing = cli("init", "p", "--call", CALL, "--request", "RDFR20991231001")
    assert missing.exit_code == 2 and missing.stderr.count("\n") == 1
    assert "no request RDFR20991231001" in missing.stderr
    assert "consortium import" in missing.stderr and "--request-file" in missing.stderr
    assert not (tmp_path / "p").exists()
    (tmp_path / "RDFR20991231001.yaml").write_text("reference: RDFR20991231001\n")
    broken = cli("init", "p", "--call", CALL, "--request", "RDFR20991231001")
    assert (
        broken.exit_code == 2 and "RDFR20991231001.yaml:1:1: missing required key" in broken.stderr
    )
    assert not (tmp_path / "p").exists()


def test_without_call_lists_the_calls_and_exits_2(cli: Cli, tmp_path: Path) -> None:
    listed = cli("init", tmp_path / "p")
    assert listed.exit_code == 2 and listed.stderr.count("\n") == 1
    assert "give --call ID, one of" in listed.stderr and CALL in listed.stderr
    assert not (tmp_path / "p").exists()


def test_on_a_terminal_init_asks_for_the_call(tmp_path: Path) -> None:
    """A real terminal on stdin (a pseudo-terminal): the prompt, the answer, the repo."""
    import os
    import pty

    leader, follower = pty.openpty()
    os.write(leader, b"cos-cluster-2020-3-03\n")
    done = subprocess.run(
        [str(BIN / "consortium"), "init", str(tmp_path / "p")],
        stdin=follower,
        capture_output=True,
        text=True,
        timeout=60,
    )
    os.close(follower)
    os.close(leader)
    assert done.returncode == 0, done.stderr
    assert "Which call does this proposal answer?" in done.stderr
    assert f"call: {CALL}\n" in (tmp_path / "p" / "consortium.yaml").read_text()
    refused = subprocess.run(
        [str(BIN / "consortium"), "init", str(tmp_path / "q"), "--no-input"],
        stdin=subprocess.DEVNULL,
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert refused.returncode == 2 and "give --call" in refused.stderr


def test_init_where_import_wrote_finds_the_request_without_force(
    cli: Cli, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The path `import` prints: the folder holds only requests/, so no --force needed."""
    monkeypatch.chdir(tmp_path)
    text = ROOT / "tests" / "data" / "een" / "RDNO20250203001.txt"
    imported = cli("import", text)
    assert imported.exit_code == 0
    assert "wrote requests/RDNO20250203001.yaml\n" in imported.stderr
    assert "next: consortium init --request RDNO20250203001\n" in imported.stderr
    made = cli("init", "--call", "INTERREG-EUROPE", "--request", "RDNO20250203001")
    assert made.exit_code == 0, made.stderr
    assert (tmp_path / "consortium.yaml").is_file()
    assert "\n  git init && pre-commit install" in made.stderr
