"""Issue 12: `consortium --version`, one version source, and a wheel and sdist that build.

The build runs the real `python -m build` in a subprocess (about 10 s). Its isolated build
environment needs hatchling from the package index pip is configured with; where that is
unreachable the test is skipped, saying so. The built wheel is then installed without its
dependencies into a scratch folder and run from there (dependencies come from this
environment): the entry point and the packaged modules are what is tested, without
downloading typer & co. into a fresh virtual environment on every run.
"""

from __future__ import annotations

import subprocess
import sys
import tarfile
import zipfile
from pathlib import Path

import pytest

import consortium
from consortium.calls.known import PRESET_IDS
from tests.conftest import EXAMPLE, ROOT, Cli


def test_version(cli: Cli) -> None:
    result = cli("--version")
    assert result.exit_code == 0
    assert result.stdout == f"consortium {consortium.__version__}\n"


def test_help_and_check_do_not_import_the_calendar_or_the_schema_tools() -> None:
    code = (
        "import sys\n"
        "from consortium.cli import run\n"
        "for args in (['--help'], ['check', sys.argv[1], '--today', '2020-11-20']):\n"
        "    run(args)\n"
        "heavy = {'icalendar', 'check_jsonschema', 'pre_commit', 'build'} & set(sys.modules)\n"
        "print(sorted(heavy))\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", code, str(EXAMPLE / "consortium-complete.yaml")],
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert result.stdout.strip().splitlines()[-1] == "[]", result.stdout + result.stderr


@pytest.fixture(scope="module")
def dist(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("dist")
    result = subprocess.run(
        [sys.executable, "-m", "build", "--sdist", "--wheel", "--outdir", str(out), str(ROOT)],
        capture_output=True,
        text=True,
        timeout=300,
    )
    if result.returncode != 0 and "hatchling" in result.stdout + result.stderr:
        pytest.skip(f"could not fetch the build backend: {result.stderr[-300:]}")
    assert result.returncode == 0, result.stdout[-2000:] + result.stderr[-2000:]
    return out


def test_wheel_holds_the_package_entry_point_and_version(dist: Path) -> None:
    (wheel,) = dist.glob("*.whl")
    assert wheel.name == f"consortium-{consortium.__version__}-py3-none-any.whl"
    with zipfile.ZipFile(wheel) as archive:
        names = archive.namelist()
        info = next(n for n in names if n.endswith(".dist-info/METADATA"))
        metadata = archive.read(info).decode()
        entry = archive.read(info.replace("METADATA", "entry_points.txt")).decode()
    assert "consortium/cli/__init__.py" in names and "consortium/report/calendar.py" in names
    # the bundled requests, where `init --request REF` finds them (issue 15)
    assert "consortium/data/requests/RDFR20201119001.yaml" in names
    assert f"Version: {consortium.__version__}\n" in metadata
    assert "Requires-Dist: icalendar" in metadata
    # the report page's template and styles travel as package data (issue 21)
    assert "consortium/report/html/templates/report.html.j2" in names
    assert "consortium/report/html/templates/report.css" in names
    assert "Requires-Dist: jinja2" in metadata
    assert "consortium = consortium.cli:main" in entry
    # the built-in calls are package data, in the shape users write
    presets = {n for n in names if n.startswith("consortium/calls/presets/")}
    assert presets == {f"consortium/calls/presets/{call_id}.yaml" for call_id in PRESET_IDS}


def test_sdist_holds_tests_docs_and_the_companion_files(dist: Path) -> None:
    (sdist,) = dist.glob("*.tar.gz")
    with tarfile.open(sdist) as archive:
        names = {n.split("/", 1)[1] for n in archive.getnames() if "/" in n}
    for name in ("action.yml", ".pre-commit-hooks.yaml", "CHANGELOG.md", "docs/workflow.yml"):
        assert name in names
    assert "tests/test_packaging.py" in names and "consortium/proposal/scaffold.py" in names


def test_installed_wheel_runs(dist: Path, tmp_path: Path) -> None:
    (wheel,) = dist.glob("*.whl")
    target = tmp_path / "site"
    install = [sys.executable, "-m", "pip", "install", "-q", "--no-deps", "--target"]
    subprocess.run([*install, str(target), str(wheel)], check=True, timeout=120)
    code = (
        "import sys; sys.path.insert(0, sys.argv[1])\n"
        "import consortium; assert consortium.__file__.startswith(sys.argv[1]), consortium.__file__\n"
        "from consortium.cli import run\n"
        "sys.exit(run(sys.argv[2:]))\n"
    )
    run = [sys.executable, "-c", code, str(target)]
    version = subprocess.run([*run, "--version"], capture_output=True, text=True, timeout=60)
    assert version.returncode == 0 and version.stdout == f"consortium {consortium.__version__}\n"
    complete = EXAMPLE / "consortium-complete.yaml"
    checked = subprocess.run(
        [*run, "check", str(complete), "--today", "2020-11-20"],
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert checked.returncode == 0, checked.stdout + checked.stderr
    page = subprocess.run(
        [*run, "report", str(complete), "-o", "-", "--today", "2020-11-20"],
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert page.returncode == 0 and page.stdout.startswith("<!DOCTYPE html>"), page.stderr
    # the presets load from the installed wheel (no calls/ where it runs)
    listed = subprocess.run(
        [*run, "calls", "list", "--format", "csv", "--today", "2020-11-20"],
        capture_output=True,
        text=True,
        timeout=60,
        cwd=tmp_path,
    )
    assert listed.returncode == 0, listed.stderr
    assert [row.split(",")[0] for row in listed.stdout.splitlines()[1:]] == list(PRESET_IDS)


pytestmark = pytest.mark.slow  # builds a wheel and an sdist and installs them
