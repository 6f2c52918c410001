"""Shared fixtures: the repo's own data, a CLI runner and a file writer."""

from __future__ import annotations

import textwrap
from collections.abc import Callable
from pathlib import Path

import pytest
from typer.testing import CliRunner

from consortium.cli import app

ROOT = Path(__file__).resolve().parent.parent
REQUESTS = ROOT / "requests"
EXAMPLE = ROOT / "examples" / "cos-cluster-2020"
SEED_TEXT = ROOT.parent / "shared" / "seeds" / "RDFR20201119001.txt"


@pytest.fixture(autouse=True)
def _no_env_clock(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("CONSORTIUM_NOW", raising=False)
    monkeypatch.setenv("COLUMNS", "200")
    monkeypatch.setenv("NO_COLOR", "1")


@pytest.fixture
def cli() -> Callable[..., object]:
    """Run the CLI as a user would; stderr kept apart from stdout."""
    runner = CliRunner()

    def invoke(*args: str | Path, env: dict[str, str] | None = None):  # type: ignore[no-untyped-def]
        return runner.invoke(app, [str(a) for a in args], env=env)

    return invoke


@pytest.fixture
def write(tmp_path: Path) -> Callable[[str, str], Path]:
    """Write dedented text to ``tmp_path/name`` (folders created) and return its path."""

    def _write(name: str, text: str) -> Path:
        path = tmp_path / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(textwrap.dedent(text).lstrip("\n"), encoding="utf-8")
        return path

    return _write
