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


def test_readme_opens_with_two_commands_and_ci_runs_the_test_one():
    assert len(COMMANDS) == 2
    ci = (ROOT / ".ci" / "run").read_text(encoding="utf-8")
    assert COMMANDS[1] in ci.splitlines()


def test_main_command_runs_in_a_real_subprocess():
    """The main job's last step, run through the installed console script."""
    main_job = COMMANDS[0].split("&&")[-1].strip()
    argv = shlex.split(main_job)
    assert argv[0] == ".venv/bin/consortium"
    script = Path(sys.executable).with_name("consortium")
    env = {**os.environ, "NO_COLOR": "1", "COLUMNS": "200"}
    done = subprocess.run(
        [str(script), *argv[1:]], cwd=ROOT, capture_output=True, text=True, env=env, timeout=60
    )
    assert done.returncode == 0, done.stderr
    assert "RDFR20201119001" in done.stdout
    assert "Traceback" not in done.stderr


def test_python_dash_m_works():
    done = subprocess.run(
        [sys.executable, "-m", "consortium", "--help"], capture_output=True, text=True, timeout=60
    )
    assert done.returncode == 0 and "requests" in done.stdout
