"""Issue 15, point 5: a folder means the proposal, and folder options have one name each.

Commands find the proposal as git and ruff find their roots: looking upward from where the
user stands (or from the folder given) for consortium.yaml, stopping at the top of a git
work tree.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
import typer

from tests.conftest import EXAMPLE, REQUESTS, ROOT, Cli

BEFORE = ("--today", "2020-11-27")
FOLDER_OPTIONS = ("--requests", "--clusters", "--calls", "--consortium", "--root")


@pytest.fixture
def proposal(tmp_path: Path) -> Path:
    """A copy of the bundled example (its request a real file), in a git work tree of its own
    so no search climbs above the test's folder."""
    folder = tmp_path / "proposal"
    shutil.copytree(EXAMPLE, folder, symlinks=False)
    (folder / ".git").mkdir()
    return folder


def _checked_file(result: Any) -> str:
    assert result.exit_code == 1, result.stderr
    return str(json.loads(result.stdout)["file"])


def test_check_dot_is_the_proposal_not_a_link_outside(
    cli: Cli, proposal: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(proposal)
    result = cli("check", ".", "-f", "json", *BEFORE)
    assert _checked_file(result) == "consortium.yaml"
    assert "outside" not in result.stderr


def test_check_dir_finds_its_consortium_file(
    cli: Cli, proposal: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(proposal.parent)
    assert _checked_file(cli("check", "proposal", "-f", "json", *BEFORE)) == str(
        Path("proposal", "consortium.yaml")
    )
    # a subfolder of the proposal names the same proposal
    assert _checked_file(cli("check", "proposal/clusters", "-f", "json", *BEFORE)) == str(
        Path("proposal", "consortium.yaml")
    )


def test_check_from_clusters_looks_upward(
    cli: Cli, proposal: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(proposal / "clusters")
    for args in ((), (".",)):
        result = cli("check", *args, "-f", "json", *BEFORE)
        assert _checked_file(result) == str(Path("..", "consortium.yaml"))
    text = cli("check", *BEFORE)
    assert text.exit_code == 1 and "../consortium.yaml" in text.stdout


def test_suggest_from_a_subfolder(
    cli: Cli, proposal: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(proposal / "requests")
    result = cli("suggest", *BEFORE)
    assert result.exit_code == 0, result.stderr
    assert "dk-vestenergi" in result.stdout


def test_the_search_stops_at_the_top_of_the_git_work_tree(
    cli: Cli, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A consortium.yaml above the repository is never found: what the tool reads stays
    inside the repository the user stands in."""
    shutil.copy(EXAMPLE / "consortium.yaml", tmp_path / "consortium.yaml")
    inner = tmp_path / "repo" / "sub"
    inner.mkdir(parents=True)
    (tmp_path / "repo" / ".git").write_text("gitdir: elsewhere\n")  # a worktree's .git file
    monkeypatch.chdir(inner)
    result = cli("check", *BEFORE)
    assert result.exit_code == 2
    assert "no consortium.yaml here or in any folder above it" in result.stderr
    document = cli("check", "-f", "json", *BEFORE)  # CI still gets its document
    assert document.exit_code == 2 and json.loads(document.stdout)["file"] == "consortium.yaml"
    assert cli("suggest", *BEFORE).stderr.count("\n") == 1
    named = cli("check", ".", *BEFORE)
    assert named.exit_code == 2 and "no consortium.yaml here" in named.stderr
    assert cli("validate").exit_code == 2


def test_a_file_named_still_wins(cli: Cli, proposal: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(proposal / "clusters")
    result = cli("check", "../consortium-complete.yaml", "-f", "json", *BEFORE)
    assert result.exit_code in (0, 1), result.stderr
    assert json.loads(result.stdout)["file"] == "../consortium-complete.yaml"


def test_validate_from_a_subfolder_checks_the_whole_proposal(
    cli: Cli, proposal: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    files = [p for p in proposal.rglob("*.yaml") if ".git" not in p.parts]
    monkeypatch.chdir(proposal / "clusters")
    result = cli("validate")
    assert result.exit_code == 0, result.stderr
    assert f"{len(files)} of {len(files)} file(s) valid" in result.stderr
    (proposal / "requests" / "broken.yaml").write_text("reference: [\n")
    broken = cli("validate")
    assert broken.exit_code == 2 and "broken.yaml" in broken.stderr


def test_listings_from_a_subfolder_use_the_proposals_folders(
    cli: Cli, proposal: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    (proposal / "calls").mkdir()
    (proposal / "calls" / "own.yaml").write_text(
        "id: OWN-CALL-2021\nprogramme: COSME\ntitle: Our own call\ndeadline: 2021-03-01\n"
    )
    monkeypatch.chdir(proposal / "clusters")
    requests = cli("requests", "list", "--all", "-f", "json", *BEFORE)
    assert requests.exit_code == 0, requests.stderr
    assert "RDFR20201119001" in requests.stdout
    assert cli("requests", "show", "RDFR20201119001", *BEFORE).exit_code == 0
    assert cli("deadlines", "--all", *BEFORE).exit_code == 0
    monkeypatch.chdir(proposal / "requests")
    clusters = cli("clusters", "list", "-f", "json", *BEFORE)
    assert clusters.exit_code == 0, clusters.stderr
    assert all(p.stem in clusters.stdout for p in (proposal / "clusters").glob("*.yaml"))
    assert cli("clusters", "show", "dk-vestenergi", *BEFORE).exit_code == 0
    calls = cli("calls", "list", "-f", "json", *BEFORE)
    assert calls.exit_code == 0 and "OWN-CALL-2021" in calls.stdout, calls.stderr


def test_new_names_and_the_old_dir(cli: Cli, proposal: Path) -> None:
    new = cli("clusters", "list", "--clusters", proposal / "clusters", "-f", "json", *BEFORE)
    old = cli("clusters", "list", "--dir", proposal / "clusters", "-f", "json", *BEFORE)
    assert new.exit_code == old.exit_code == 0 and new.stdout == old.stdout
    listed = cli("requests", "list", "--requests", proposal / "requests", "--all", *BEFORE)
    assert listed.exit_code == 0 and "RDFR20201119001" in listed.stdout
    both = cli(
        "requests", "list", "--requests", proposal / "requests", "--dir", proposal / "requests"
    )
    assert both.exit_code == 2 and "give it once, as --requests DIR" in both.stderr
    missing = cli("clusters", "list", "--clusters", proposal / "nope")
    assert missing.exit_code == 2 and "give one with --clusters" in missing.stderr


def _commands(group: Any, path: str = "consortium") -> list[tuple[str, Any]]:
    found = []
    for name, command in getattr(group, "commands", {}).items():
        found += _commands(command, f"{path} {name}") if hasattr(command, "commands") else []
        if not hasattr(command, "commands"):
            found.append((f"{path} {name}", command))
    return found


def test_folder_options_have_one_name_and_say_their_default() -> None:
    from consortium.cli import app

    commands = _commands(typer.main.get_command(app))
    assert len(commands) > 10
    for name, command in commands:
        visible = [p for p in command.params if not getattr(p, "hidden", False)]
        shown = {opt for p in visible for opt in p.opts}
        assert "--dir" not in shown and "-d" not in shown, name
        for param in visible:
            is_folder = set(param.opts) & set(FOLDER_OPTIONS) or param.name == "path"
            if is_folder:
                assert "default:" in (param.help or ""), (name, param.opts)


def test_the_example_can_be_copied_and_checked_where_it_lands(tmp_path: Path) -> None:
    """A user copies the example to start from (`cp -r`, which keeps links): its request is
    a file of its own, the same as the bundled one, so the copy checks as the example does."""
    request = EXAMPLE / "requests" / "RDFR20201119001.yaml"
    assert not request.is_symlink()
    assert request.read_bytes() == (REQUESTS / "RDFR20201119001.yaml").read_bytes()
    folder = tmp_path / "copy"
    shutil.copytree(EXAMPLE, folder, symlinks=True)
    done = subprocess.run(
        [sys.executable, "-m", "consortium", "check", "--today", "2020-11-20"],
        cwd=folder,
        capture_output=True,
        text=True,
        env=os.environ | {"PYTHONPATH": str(ROOT)},
    )
    assert done.returncode == 1, done.stderr  # incomplete, as the example: not "outside"
    assert done.stdout.startswith("INCOMPLETE")
