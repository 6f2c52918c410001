"""Shared fixtures: the repo's own data, a CLI runner and a file writer."""

from __future__ import annotations

import shutil
import subprocess
import sys
import textwrap
from collections.abc import Callable, Iterator, Mapping
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import Any, Protocol

import pytest
from typer.testing import CliRunner

from consortium.cli import run
from consortium.facts.deadlines import parse_now

ROOT = Path(__file__).resolve().parent.parent
REQUESTS = ROOT / "requests"
EXAMPLE = ROOT / "examples" / "cos-cluster-2020"
SEED_TEXT = ROOT.parent / "shared" / "seeds" / "RDFR20201119001.txt"
# A profile text of our own writing (EEN's current layout), for tests that need *some* text.
OWN_TEXT = ROOT / "tests" / "data" / "een" / "RDNO20250203001.txt"


def now_of(day: str) -> datetime:
    """The moment `--today DAY` stands for, read as the CLI reads it (a day is always one)."""
    when = parse_now(day, None, None)
    if when is None:
        raise ValueError(f"no moment for {day!r}")
    return when


@pytest.fixture
def seed_text() -> Path:
    """The real EEN text of the seed request, which lives outside the repository (in
    ../shared/seeds, beside the project's CI) and is never copied into it: a test that needs
    it skips, saying why, in a user's clone."""
    if not SEED_TEXT.is_file():
        pytest.skip(f"needs the real EEN seed text {SEED_TEXT} (not part of a clone)")
    return SEED_TEXT


@pytest.fixture(autouse=True)
def _no_env_clock(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("CONSORTIUM_NOW", raising=False)
    monkeypatch.delenv("GITHUB_ACTIONS", raising=False)  # check --format auto: text
    monkeypatch.setenv("COLUMNS", "200")
    monkeypatch.setenv("NO_COLOR", "1")


@dataclass
class Ran:
    """What a user sees of one command line: its streams and its exit code."""

    stdout: str
    stderr: str
    exit_code: int
    exception: BaseException | None = None

    @property
    def output(self) -> str:
        return self.stdout + self.stderr


class Cli(Protocol):
    """The type of the `cli` fixture: a command line in, what the user sees out."""

    def __call__(self, *args: str | Path, env: Mapping[str, str | None] | None = None) -> Ran: ...


# The type of the `write` fixture: (file name, dedented text) -> the written path.
Write = Callable[[str, str], Path]


def invoke_cli(*args: str | Path, env: Mapping[str, str | None] | None = None) -> Ran:
    """Run a command line through ``consortium.cli.run``, as the installed command does
    (one-line usage errors, exit codes), with streams captured by Typer's test runner."""
    with CliRunner().isolation(env=env) as (out, err, _):
        exception: BaseException | None = None
        try:
            code = run([str(a) for a in args])
        except Exception as exc:  # a test failure to show, not an outcome of the CLI
            code, exception = 1, exc
        sys.stdout.flush()
        sys.stderr.flush()
        return Ran(out.getvalue().decode(), err.getvalue().decode(), code, exception)


@pytest.fixture
def cli() -> Cli:
    """Run the CLI as a user would; stderr kept apart from stdout."""
    return invoke_cli


@pytest.fixture
def write(tmp_path: Path) -> Write:
    """Write dedented text to ``tmp_path/name`` (folders created) and return its path."""

    def _write(name: str, text: str) -> Path:
        path = tmp_path / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(textwrap.dedent(text).lstrip("\n"), encoding="utf-8")
        return path

    return _write


# pre-commit, for real (tests/test_companion.py, tests/test_first_hour.py) ---------------


@pytest.fixture(scope="session")
def precommit_home(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """One pre-commit cache for the run: the hook environment is built once."""
    return tmp_path_factory.mktemp("pre-commit-home")


@pytest.fixture(scope="session")
def hooks_repo(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """This repository as it is on disk (new and changed files too), committed in a
    scratch git repo: `try-repo` installs what is being tested, not the last commit."""
    listed = subprocess.run(
        ["git", "ls-files", "-co", "--exclude-standard", "-z"],
        cwd=ROOT,
        capture_output=True,
        text=True,
    )
    if listed.returncode != 0:
        pytest.skip("not a git checkout: pre-commit try-repo needs one")
    copy = tmp_path_factory.mktemp("hooks-repo")
    for name in filter(None, listed.stdout.split("\0")):
        source = ROOT / name
        if source.is_file() and not source.is_symlink():
            (copy / name).parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(source, copy / name)
    git = ["git", "-c", "user.name=t", "-c", "user.email=t@example.org"]
    subprocess.run([*git, "init", "-q"], cwd=copy, check=True)
    subprocess.run([*git, "add", "-A"], cwd=copy, check=True)
    subprocess.run([*git, "commit", "-qm", "hooks under test"], cwd=copy, check=True)
    return copy


def command_tree(group: Any, prefix: tuple[str, ...] = ()) -> Iterator[tuple[tuple[str, ...], Any]]:
    """Every command of the app (``command()``), groups and their subcommands, by name path."""
    for name, sub in group.commands.items():
        yield (*prefix, name), sub
        if hasattr(sub, "commands"):
            yield from command_tree(sub, (*prefix, name))
