"""The README's two commands stay true: CI runs the test one, and the installed command works."""

from __future__ import annotations

import os
import re
import shlex
import subprocess
import sys
from pathlib import Path

from tests.conftest import ROOT

README = (ROOT / "README.md").read_text(encoding="utf-8")
COMMANDS = re.findall(r"^python3 -m venv .*$", README, flags=re.M)


def test_readme_opens_with_two_commands_and_ci_runs_the_test_one() -> None:
    assert len(COMMANDS) == 2
    ci = (ROOT / ".ci" / "run").read_text(encoding="utf-8")
    assert COMMANDS[1] in ci.splitlines()


def test_main_command_runs_in_a_real_subprocess() -> None:
    """The main job's consortium runs, through the installed console script: seed, then complete."""
    runs = [
        shlex.split(part.strip())
        for part in re.split(r"&&|;", COMMANDS[0])
        if "bin/consortium" in part
    ]
    assert [argv[0] for argv in runs] == [".venv/bin/consortium"] * 2
    script = Path(sys.executable).with_name("consortium")
    env = {**os.environ, "NO_COLOR": "1", "COLUMNS": "200"}
    done = [
        subprocess.run(
            [str(script), *argv[1:]], cwd=ROOT, capture_output=True, text=True, env=env, timeout=60
        )
        for argv in runs
    ]
    assert [d.returncode for d in done] == [1, 0], [d.stderr for d in done]
    assert done[0].stdout.startswith("INCOMPLETE") and "no coordinator" in done[0].stdout
    assert done[1].stdout.startswith("COMPLETE")
    assert all("Traceback" not in d.stderr for d in done)


def test_internal_errors_are_one_line_and_exit_2(tmp_path: Path) -> None:
    """The last line of defence in main(): a bug must not look like 'incomplete' (exit 1)."""
    code = (
        "import sys, consortium.cli as c\n"
        "def boom(*a, **k): raise RuntimeError('boom')\n"
        "c.command = lambda *a: boom\n"
        "sys.argv = ['consortium', 'check']\n"
        "c.main()\n"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=60)
    assert done.returncode == 2
    assert done.stderr == "consortium: internal error (RuntimeError: boom); please report it\n"


def test_python_dash_m_works() -> None:
    done = subprocess.run(
        [sys.executable, "-m", "consortium", "--help"], capture_output=True, text=True, timeout=60
    )
    assert done.returncode == 0 and "requests" in done.stdout
