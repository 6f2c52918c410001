"""Issue 15: a new user's first hour, from an EEN text to a green proposal repo.

The whole path runs with real subprocesses of the installed command; the pieces it rests
on (a clone without ../shared, hooks only on proposal files, one version, SARIF help links,
the action's validate step, the hints of `check` and `import`) each have a test too.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

import consortium
from consortium.check.rules import REGISTRY
from consortium.report.check_sarif import RULES_DOC
from consortium.report.rules import write_document
from consortium.report.views import RuleList
from tests.conftest import EXAMPLE, ROOT, Cli

BIN = Path(sys.executable).parent
CALL = "COS-CLUSTER-2020-3-03"
SEED = "RDFR20201119001"
GIT = ["git", "-c", "user.name=t", "-c", "user.email=t@example.org"]


def run(
    *args: str | Path, cwd: Path, env: dict[str, str] | None = None
) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [str(a) for a in args], cwd=cwd, env=env, capture_output=True, text=True, timeout=600
    )


def consortium_cmd(*args: str | Path, cwd: Path) -> subprocess.CompletedProcess[str]:
    return run(BIN / "consortium", *args, cwd=cwd)


@pytest.mark.slow
@pytest.mark.skipif(shutil.which("git") is None, reason="pre-commit needs git")
def test_the_whole_path(
    tmp_path: Path, seed_text: Path, precommit_home: Path, hooks_repo: Path
) -> None:
    # 1. import the EEN text: the paths written and the next command
    imported = consortium_cmd("import", seed_text, cwd=tmp_path)
    assert imported.returncode == 0, imported.stderr
    assert f"wrote requests/{SEED}.yaml\n" in imported.stderr
    assert f"next: consortium init --call {CALL} --request {SEED}\n" in imported.stderr
    # 2. init finds the request where import put it; the repo is valid as it stands
    made = consortium_cmd("init", "demo", "--call", CALL, "--request", SEED, cwd=tmp_path)
    assert made.returncode == 0, made.stderr
    assert "cd demo && git init && pre-commit install" in made.stderr
    demo = tmp_path / "demo"
    assert (demo / "requests" / f"{SEED}.yaml").read_bytes() == (
        tmp_path / "requests" / f"{SEED}.yaml"
    ).read_bytes()
    valid = consortium_cmd("validate", ".", cwd=demo)
    assert valid.returncode == 0, valid.stderr
    # 3. the bundled example's clusters; check: incomplete, with the suggest hint
    for profile in (EXAMPLE / "clusters").glob("*.yaml"):
        shutil.copy(profile, demo / "clusters")
    checked = consortium_cmd("check", "--today", "2020-11-20", cwd=demo)
    assert checked.returncode == 1, checked.stdout + checked.stderr
    hint = re.search(r"`consortium suggest` proposes (\d+) way\(s\) to complete it", checked.stderr)
    assert hint and int(hint[1]) >= 1, checked.stderr
    # 4. apply the first suggestion; the members confirm (as a user edits the file)
    applied = consortium_cmd("suggest", "--apply", "1", "--today", "2020-11-20", cwd=demo)
    assert applied.returncode == 0, applied.stderr
    file = demo / "consortium.yaml"
    file.write_text(file.read_text().replace("status: invited", "status: confirmed"))
    done = consortium_cmd("check", "--today", "2020-11-20", cwd=demo)
    assert done.returncode == 0, done.stdout + done.stderr
    assert "`consortium suggest`" not in done.stderr
    # 5. git and every hook of this repository, on every file of the scaffold
    assert run(*GIT, "init", "-q", cwd=demo).returncode == 0
    assert run(*GIT, "add", "-A", cwd=demo).returncode == 0
    env = {**os.environ, "PRE_COMMIT_HOME": str(precommit_home), "CONSORTIUM_NOW": "2020-11-20"}
    env.pop("GITHUB_ACTIONS", None)
    env["PATH"] = f"{BIN}{os.pathsep}{env.get('PATH', '')}"
    hooks = run(BIN / "pre-commit", "try-repo", hooks_repo, "--all-files", cwd=demo, env=env)
    if hooks.returncode == 3 and "pip" in hooks.stdout + hooks.stderr:
        pytest.skip(
            f"pre-commit could not install the hook (no package index?): {hooks.stdout[-300:]}"
        )
    assert hooks.returncode == 0, hooks.stdout + hooks.stderr
    assert hooks.stdout.count("Passed") == 2 and "Failed" not in hooks.stdout


@pytest.mark.slow
def test_a_clone_without_shared_passes_the_seed_tests(hooks_repo: Path, tmp_path: Path) -> None:
    """The README's test command in a copy of the repository (its git-listed files) with
    no ../shared beside it: the files that used the seed text pass, or skip saying why."""
    clone = tmp_path / "clone"
    subprocess.run(["git", "clone", "-q", str(hooks_repo), str(clone)], check=True)
    assert not (clone.parent / "shared").exists()
    env = {**os.environ, "PYTHONDONTWRITEBYTECODE": "1"}
    tests = ["tests/test_import_safety.py", "tests/test_import_texts.py", "tests/test_init.py"]
    result = run(
        sys.executable,
        "-m",
        "pytest",
        "-q",
        "-rs",
        "-p",
        "no:cacheprovider",
        *tests,
        cwd=clone,
        env=env,
    )
    assert result.returncode == 0, result.stdout[-3000:]
    assert "failed" not in result.stdout and "error" not in result.stdout.lower()
    assert (
        "needs the real EEN seed text" in result.stdout and "(not part of a clone)" in result.stdout
    )


# the pieces ---------------------------------------------------------------------------

HOOK_PATHS = {
    "consortium.yaml": True,
    "consortium-complete.yml": True,
    "clusters/dk.yaml": True,
    "requests/RDFR20201119001.yaml": True,
    "calls/mine.yaml": True,
    "proposals/a/consortium.yaml": True,
    ".github/workflows/consortium.yml": False,
    ".pre-commit-config.yaml": False,
    ".schemas/consortium.json": False,
    "clusters/README.md": False,
    "docs/workflow.yml": False,
}


@pytest.mark.parametrize("path", HOOK_PATHS)
def test_hooks_run_on_proposal_files_only(path: str) -> None:
    """pre-commit matches `files:` with re.search on the path from the repo's root."""
    for hook in yaml.safe_load((ROOT / ".pre-commit-hooks.yaml").read_text()):
        assert bool(re.search(hook["files"], path)) is HOOK_PATHS[path], (hook["id"], path)


def test_validate_of_a_fresh_scaffold_reads_only_its_proposal_files(
    cli: Cli, tmp_path: Path
) -> None:
    assert cli("init", tmp_path / "p", "--call", CALL).exit_code == 0
    result = cli("validate", tmp_path / "p")
    assert result.exit_code == 0 and result.stderr == "1 of 1 file(s) valid\n"


def test_one_version_everywhere() -> None:
    """consortium/__init__.py, the hooks' example, the CHANGELOG's last release and the
    config `init` writes all name the same version; the README says to tag it v<version>."""
    version = consortium.__version__
    hooks = (ROOT / ".pre-commit-hooks.yaml").read_text()
    assert re.findall(r"rev: (v[\d.]+)", hooks) == [f"v{version}"]
    releases = re.findall(r"^## \[(\d[^\]]*)\]", (ROOT / "CHANGELOG.md").read_text(), re.M)
    assert releases[0] == version
    from consortium.proposal.scaffold import PRE_COMMIT

    assert f"rev: v{version}\n" in PRE_COMMIT and "replace" in PRE_COMMIT
    assert "git tag v<version>" in (ROOT / "README.md").read_text()


def test_sarif_help_links_lead_to_the_rules_document(cli: Cli) -> None:
    """docs/rules.md is generated from the registry; each helpUri names its section."""
    import io

    generated = io.StringIO()
    write_document(RuleList(list(REGISTRY.values())), generated)
    assert (ROOT / RULES_DOC).read_text() == generated.getvalue(), (
        "regenerate docs/rules.md with write_document (consortium/report/rules.py)"
    )
    anchors = set(re.findall(r"^## (\S+)$", generated.getvalue(), re.M))
    result = cli("check", EXAMPLE / "consortium.yaml", "--format", "sarif", "--today", "2020-11-20")
    import json

    driver = json.loads(result.stdout)["runs"][0]["tool"]["driver"]
    assert driver["informationUri"] == consortium.HOME
    for rule in driver["rules"]:
        prefix, _, anchor = rule["helpUri"].partition("#")
        assert prefix == f"{consortium.HOME}/blob/v{consortium.__version__}/{RULES_DOC}"
        assert anchor == rule["id"] and anchor in anchors


def test_action_validates_every_proposal_file_before_check(tmp_path: Path) -> None:
    """The action's validate step, run as the runner would: a broken profile that is no
    member yet gets its own annotation and fails the step."""
    action = yaml.safe_load((ROOT / "action.yml").read_text())
    steps = action["runs"]["steps"]
    names = [s.get("name") for s in steps]
    assert names.index("consortium validate") < names.index("consortium check")
    step = steps[names.index("consortium validate")]
    assert "${{" not in step["run"] and step["env"]["CONSORTIUM_FILE"] == "${{ inputs.file }}"
    shutil.copytree(EXAMPLE / "clusters", tmp_path / "clusters")
    shutil.copy(EXAMPLE / "consortium-complete.yaml", tmp_path / "consortium.yaml")
    shutil.copytree(EXAMPLE / "requests", tmp_path / "requests", symlinks=False)
    env = {**os.environ, "CONSORTIUM_FILE": "consortium.yaml", "GITHUB_ACTIONS": "true"}
    env["PATH"] = f"{BIN}{os.pathsep}{env['PATH']}"
    good = run("bash", "-c", step["run"], cwd=tmp_path, env=env)
    assert good.returncode == 0, good.stdout + good.stderr
    (tmp_path / "clusters" / "newcomer.yaml").write_text("name: Newcomer\n")
    bad = run("bash", "-c", step["run"], cwd=tmp_path, env=env)
    assert bad.returncode == 2
    assert bad.stdout.startswith(
        "::error file=clusters/newcomer.yaml,line=1,col=1,title=not-checkable::"
        "missing required key 'country'"
    )
    assert "clusters/newcomer.yaml:1:1: missing required key 'country'" in bad.stdout


def test_validate_annotations_are_escaped(cli: Cli, tmp_path: Path) -> None:
    (tmp_path / "clusters").mkdir()
    (tmp_path / "clusters" / "x.yaml").write_text("name: '::warning::x'\ncountry: ZZ\n")
    result = cli("validate", tmp_path, "--format", "github")
    assert result.exit_code == 2
    lines = result.stdout.splitlines()
    assert lines[0].startswith("::error file=") and lines[-1] == "0 of 1 file(s) valid"
    assert not any(line.startswith("::") for line in lines[1:])


def test_check_hint_only_when_additions_could_fix_it(cli: Cli, tmp_path: Path) -> None:
    hinted = cli("check", EXAMPLE / "consortium.yaml", "--today", "2020-11-20")
    assert hinted.exit_code == 1
    listed = cli(
        "suggest", EXAMPLE / "consortium.yaml", "--today", "2020-11-20", "--format", "json"
    )
    import json

    ways = len(json.loads(listed.stdout)["suggestions"])
    assert hinted.stderr.endswith(f"`consortium suggest` proposes {ways} way(s) to complete it\n")
    complete = cli("check", EXAMPLE / "consortium-complete.yaml", "--today", "2020-11-20")
    assert complete.exit_code == 0 and "suggest" not in complete.stderr
    machine = cli("check", EXAMPLE / "consortium.yaml", "--today", "2020-11-20", "-f", "json")
    assert "suggest" not in machine.stderr
    alone = tmp_path / "consortium.yaml"
    alone.write_text(f"call: {CALL}\nmembers: []\n")
    no_pool = cli("check", alone, "--today", "2020-11-20")  # no clusters/: nothing to suggest
    assert no_pool.exit_code == 1 and no_pool.stderr == ""


def test_readme_newcomer_path_is_what_the_commands_print(tmp_path: Path, seed_text: Path) -> None:
    """Each console block of "A proposal repo in CI, step by step": the command, run in
    a fresh folder holding the EEN text, prints exactly the lines shown."""
    readme = (ROOT / "README.md").read_text()
    section = readme.split("## A proposal repo in CI, step by step", 1)[1].split("\n## ", 1)[0]
    blocks = re.findall(r"```console\n(.*?)```", section, re.S)
    assert len(blocks) >= 2
    shutil.copy(seed_text, tmp_path / f"{SEED}.txt")
    for block in blocks:
        lines = [line.strip() for line in block.strip().splitlines()]
        command = lines[0].removeprefix("$ ").split()
        assert command[0] == "consortium"
        result = consortium_cmd(*command[1:], cwd=tmp_path)
        assert result.returncode == 0, result.stderr
        assert [line.strip() for line in result.stderr.splitlines()] == lines[1:]


def test_only_the_seed_fixture_reads_shared() -> None:
    """A plain clone has no ../shared: a test that names the seed's path instead of asking
    for the ``seed_text`` fixture (which skips with its reason) fails there. The clone test
    runs a few files; this one holds all of them."""
    names = ("SEED" + "_TEXT", "shared" + "/seeds")  # split, so this file does not name them
    offenders = [
        path.name
        for path in sorted((ROOT / "tests").glob("*.py"))
        if path.name != "conftest.py"
        and any(name in path.read_text(encoding="utf-8") for name in names)
    ]
    assert offenders == [], f"use the seed_text fixture, or a text of our own: {offenders}"
