"""Issue 12: a proposal repo's companion. The GitHub Action and example workflow validate
against the schemas check-jsonschema ships; the pre-commit hooks run for real through
`pre-commit try-repo`; `check --format auto` picks annotations under GitHub Actions.

Real tools run in subprocesses from this virtual environment; nothing here uses the
network (check-jsonschema's vendored schemas are bundled; pre-commit installs the hook's
environment through pip's configured index, and the test skips if that is unreachable).
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

from tests.conftest import EXAMPLE, REQUESTS, ROOT, Cli

BIN = Path(sys.executable).parent


def tool(
    name: str, *args: str | Path, cwd: Path | None = None, env: dict[str, str] | None = None
) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [str(BIN / name), *map(str, args)],
        cwd=cwd,
        env=env,
        capture_output=True,
        text=True,
        timeout=300,
    )


def schema_check(schema: str, *files: Path) -> None:
    result = tool("check-jsonschema", "--builtin-schema", schema, *files)
    assert result.returncode == 0, result.stdout + result.stderr


def test_action_and_example_workflow_validate() -> None:
    schema_check("vendor.github-actions", ROOT / "action.yml")
    schema_check("vendor.github-workflows", ROOT / "docs" / "workflow.yml")


def test_hooks_manifest_validates() -> None:
    result = tool("pre-commit", "validate-manifest", ROOT / ".pre-commit-hooks.yaml")
    assert result.returncode == 0, result.stdout + result.stderr
    hooks = {h["id"]: h for h in yaml.safe_load((ROOT / ".pre-commit-hooks.yaml").read_text())}
    assert set(hooks) == {"consortium-check", "consortium-validate"}


def test_action_runs_check_with_annotations_and_summary() -> None:
    action = yaml.safe_load((ROOT / "action.yml").read_text())
    assert action["runs"]["using"] == "composite"
    scripts = [s.get("run", "") for s in action["runs"]["steps"]]
    check = next(s for s in scripts if "consortium check" in s)
    assert "--format github" in check and "--summary" in check
    assert "${{" not in "".join(scripts)  # inputs reach the shell through env only


def test_format_auto_is_github_under_actions_else_text(cli: Cli) -> None:
    args = ("check", EXAMPLE / "consortium.yaml", "--today", "2020-11-20")
    under = cli(*args, env={"GITHUB_ACTIONS": "true"})
    assert under.exit_code == 1 and under.stdout.startswith("::error file=")
    plain = cli(*args)
    assert plain.exit_code == 1 and plain.stdout.startswith("INCOMPLETE")
    explicit = cli(*args, "--format", "text", env={"GITHUB_ACTIONS": "true"})
    assert explicit.stdout.startswith("INCOMPLETE")


# pre-commit, for real ---------------------------------------------------------------------


def _proposal(folder: Path, consortium: Path) -> Path:
    """A scratch git repo holding a proposal: the example's clusters, the seed request."""
    folder.mkdir()
    shutil.copytree(EXAMPLE / "clusters", folder / "clusters")
    (folder / "requests").mkdir()
    shutil.copy(REQUESTS / "RDFR20201119001.yaml", folder / "requests")
    shutil.copy(consortium, folder / "consortium.yaml")
    git = ["git", "-c", "user.name=t", "-c", "user.email=t@example.org"]
    subprocess.run([*git, "init", "-q"], cwd=folder, check=True)
    subprocess.run([*git, "add", "-A"], cwd=folder, check=True)
    return folder


def _try_repo(repo: Path, hook: str, home: Path, hooks: Path) -> subprocess.CompletedProcess[str]:
    """`pre-commit try-repo <this repository> HOOK --all-files` in ``repo``.

    The hooks are ``language: python``: pre-commit builds a virtual environment and
    pip-installs this repository into it, through the package index pip is configured
    with (pip's own config files and PIP_* variables pass through). Where that index is
    unreachable the hook cannot be installed, and the test is skipped saying so.
    """
    env = {**os.environ, "PRE_COMMIT_HOME": str(home), "CONSORTIUM_NOW": "2020-11-20"}
    env.pop("GITHUB_ACTIONS", None)
    env["PATH"] = f"{BIN}{os.pathsep}{env.get('PATH', '')}"
    result = tool("pre-commit", "try-repo", hooks, hook, "--all-files", cwd=repo, env=env)
    if result.returncode == 3 and "pip" in result.stdout + result.stderr:
        pytest.skip(
            f"pre-commit could not install the hook (no package index?): {result.stdout[-300:]}"
        )
    return result


@pytest.mark.slow
@pytest.mark.skipif(shutil.which("git") is None, reason="pre-commit needs git")
def test_precommit_hooks_pass_and_fail(
    tmp_path: Path, precommit_home: Path, hooks_repo: Path
) -> None:
    good = _proposal(tmp_path / "good", EXAMPLE / "consortium-complete.yaml")
    bad = _proposal(tmp_path / "bad", EXAMPLE / "consortium.yaml")
    (bad / "clusters" / "broken.yaml").write_text("name: Broken\n")
    subprocess.run(["git", "add", "-A"], cwd=bad, check=True)

    passed = _try_repo(good, "consortium-check", precommit_home, hooks_repo)
    assert passed.returncode == 0, passed.stdout + passed.stderr
    assert "consortium check" in passed.stdout and "Passed" in passed.stdout
    valid = _try_repo(good, "consortium-validate", precommit_home, hooks_repo)
    assert valid.returncode == 0 and "Passed" in valid.stdout, valid.stdout

    failed = _try_repo(bad, "consortium-check", precommit_home, hooks_repo)
    assert failed.returncode == 1 and "Failed" in failed.stdout
    assert "INCOMPLETE" in failed.stdout and "exit code: 1" in failed.stdout
    invalid = _try_repo(bad, "consortium-validate", precommit_home, hooks_repo)
    assert invalid.returncode == 1 and "exit code: 2" in invalid.stdout
    assert "broken.yaml:1:1: missing required key 'country'" in invalid.stdout
