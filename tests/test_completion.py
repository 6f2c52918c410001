"""Issue 12: shell completion. The callbacks are plain functions (tested directly, never
raising); one completion runs end to end through Typer's environment-variable protocol."""

from __future__ import annotations

import os
import shlex
import subprocess
import sys
from pathlib import Path

import pytest

from consortium.cli.completion import call_ids, cluster_ids, format_names, request_refs
from tests.conftest import EXAMPLE, Cli

CONSORTIUM = Path(sys.executable).parent / "consortium"


def test_callbacks_complete_from_the_current_folder(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(EXAMPLE)
    assert cluster_ids(None, "dk") == ["dk-vestenergi"]
    assert len(cluster_ids(None, "")) == 8
    assert request_refs(None, "rdfr") == ["RDFR20201119001"]
    assert "COS-CLUSTER-2020-3-03" in call_ids("cos-")
    assert call_ids("SMP") == ["SMP-COSME-2024-CLUSTER-01"]
    assert format_names(["table", "json", "csv"])("c") == ["csv"]


def test_callbacks_follow_dir_and_never_raise(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    class Ctx:
        params = {"clusters": EXAMPLE / "clusters"}

    assert cluster_ids(Ctx(), "pt") == ["pt-norte-energy"]
    monkeypatch.chdir(tmp_path)  # no clusters/, no requests/: nothing, no exception
    assert cluster_ids(None, "x") == [] and request_refs(None, "") == []

    class Broken:
        @property
        def params(self) -> dict[str, object]:
            raise RuntimeError("boom")

    assert cluster_ids(Broken(), "") == [] and request_refs(Broken(), "") == []


@pytest.mark.parametrize(
    ("words", "expected"),
    [
        ("consortium clusters show dk-", "dk-vestenergi"),
        ("consortium calls show SMP", "SMP-COSME-2024-CLUSTER-01"),
        ("consortium check --format gi", "github"),
    ],
)
def test_bash_completion_end_to_end(words: str, expected: str) -> None:
    env = {
        **os.environ,
        "_CONSORTIUM_COMPLETE": "complete_bash",
        "COMP_WORDS": words,
        "COMP_CWORD": str(len(words.split()) - 1),
    }
    result = subprocess.run(
        [str(CONSORTIUM)], cwd=EXAMPLE, env=env, capture_output=True, text=True, timeout=60
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.split() == [expected]


def test_show_completion_prints_a_script(cli: Cli) -> None:
    env = {"_TYPER_COMPLETE_TEST_DISABLE_SHELL_DETECTION": "1", "SHELL": "/bin/bash"}
    result = subprocess.run(
        [str(CONSORTIUM), "--show-completion", "bash"],
        env={**os.environ, **env},
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert result.returncode == 0 and "_CONSORTIUM_COMPLETE" in result.stdout


HOSTILE_NAMES = [
    "$(touch PWNED)",
    "`touch PWNED`",
    "a b",
    "it's",
    'say"x',
    "x;touch PWNED",
    "x\x1b[2J",
    "-rf",
    "~root",
    "a*b",
    "=cmd",
]


def test_completion_offers_only_safe_ids(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    """Issue 16: a file name that a shell would expand, split or read as an option is never
    offered; ids the models accept made of letters, digits, '-', '_', '.', '+' are."""
    for folder in ("clusters", "requests", "calls"):
        (tmp_path / folder).mkdir()
        for name in [*HOSTILE_NAMES, "fr-île-de-france", "dk_wind.2", "RDFR20201119001"]:
            (tmp_path / folder / f"{name}.yaml").write_text("x: 1\n")
    monkeypatch.chdir(tmp_path)
    offered = cluster_ids(None, "") + request_refs(None, "") + call_ids("")
    assert sorted(cluster_ids(None, "")) == ["RDFR20201119001", "dk_wind.2", "fr-île-de-france"]
    assert request_refs(None, "") == ["RDFR20201119001"]  # only references are references
    assert {"dk_wind.2", "fr-île-de-france"} <= set(call_ids(""))
    for word in offered:
        assert shlex.split(word) == [word] and not word.startswith("-"), word
        assert not set(word) & set("$`'\" ;*~=\\\x1b"), word


def test_tab_then_enter_never_runs_a_file_name(tmp_path: Path) -> None:
    """End to end through Typer's bash protocol: the hostile name is not offered, so the
    command line the user runs holds no `$(...)`."""
    (tmp_path / "clusters").mkdir()
    for name in ["$(touch PWNED)", "`touch PWNED`", "dk-vestenergi"]:
        (tmp_path / "clusters" / f"{name}.yaml").write_text("x: 1\n")
    words = "consortium clusters show "
    env = {
        **os.environ,
        "_CONSORTIUM_COMPLETE": "complete_bash",
        "COMP_WORDS": words,
        "COMP_CWORD": "3",
    }
    result = subprocess.run(
        [str(CONSORTIUM)], cwd=tmp_path, env=env, capture_output=True, text=True, timeout=60
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.split() == ["dk-vestenergi"]
    line = f"true {result.stdout.strip()}"
    subprocess.run(["bash", "-c", line], cwd=tmp_path, check=True, timeout=60)
    assert not (tmp_path / "PWNED").exists()
