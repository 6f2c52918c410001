"""Issue 7: safe in a pull request's CI, where the author controls every file the tool reads.

One section per numbered point of the issue; each test failed on the code before the fix.
Subprocess tests run the installed command, as CI does, where streams and exit codes are real.
"""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
from pathlib import Path
from typing import Any
from xml.etree import ElementTree as ET

import pytest
import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tests.conftest import EXAMPLE, Cli
from tests.proposals import GOOD, GOOD_MEMBERS, build, cluster

COMPLETE = EXAMPLE / "consortium-complete.yaml"
SEED = EXAMPLE / "consortium.yaml"
BEFORE = ("--today", "2020-11-27")
SECRET = "ghp_s3cr3t-token-value"
SCRIPT = str(Path(sys.executable).with_name("consortium"))
ANNOTATION = re.compile(r"^::(error|warning) file=[^,:\n]*,line=\d+(,col=\d+)?,title=[a-z-]+::.*$")
CONTROL = re.compile("[\x00-\x09\x0b-\x1f\x7f-\x9f]")


def run(
    *args: str | Path, env: dict[str, str] | None = None, **kwargs: Any
) -> subprocess.CompletedProcess[Any]:
    """The installed command in a real process: real streams, real exit codes."""
    dropped = ("CONSORTIUM_NOW", "CONSORTIUM_CACHE_DIR", "CONSORTIUM_NO_CACHE")
    full_env = {k: v for k, v in os.environ.items() if k not in dropped}
    full_env |= {"NO_COLOR": "1", "COLUMNS": "120", **(env or {})}
    options = {"stdout": subprocess.PIPE, "stderr": subprocess.PIPE, **kwargs}
    return subprocess.run(
        [SCRIPT, *map(str, args)], env=full_env, timeout=60, check=False, **options
    )


def secret_outside(tmp_path: Path) -> Path:
    """A YAML file outside the proposal, shaped like a cluster, holding a secret."""
    outside = tmp_path / "runner-home" / "secret.yaml"
    outside.parent.mkdir()
    outside.write_text(f"name: {SECRET}\ncountry: FR\n", encoding="utf-8")
    return outside


# 1. Path traversal ---------------------------------------------------------------------


@pytest.mark.parametrize(
    "cluster_id", ["../../runner-home/secret", "/abs/path", "a/b", "x\\0y", "..", "a\\\\b"]
)
def test_a_cluster_id_is_never_a_path(cli: Cli, tmp_path: Path, cluster_id: str) -> None:
    proposal = tmp_path / "proposal"
    secret_outside(tmp_path)
    members = [*GOOD_MEMBERS, f'cluster: "{cluster_id}"']
    path = build(proposal, GOOD, members)
    result = cli("check", path, *BEFORE)
    assert result.exit_code == 2
    assert result.stderr.count("\n") == 1, result.stderr
    assert f"{path}:6:" in result.stderr and "is not a cluster id" in result.stderr
    assert SECRET not in result.stdout + result.stderr


def test_a_request_reference_is_never_a_path(cli: Cli, tmp_path: Path) -> None:
    path = build(tmp_path / "p", GOOD, GOOD_MEMBERS)
    path.write_text(path.read_text().replace("members:", "request: ../../etc/passwd\nmembers:"))
    result = cli("check", path, *BEFORE)
    assert result.exit_code == 2
    assert f"{path}:2:" in result.stderr and "is not an EEN reference" in result.stderr


def test_a_link_out_of_the_proposal_is_refused_and_nothing_of_it_shown(
    cli: Cli, tmp_path: Path
) -> None:
    proposal = tmp_path / "proposal"
    path = build(proposal, GOOD, [*GOOD_MEMBERS, "cluster: leak"])
    (proposal / "clusters" / "leak.yaml").symlink_to(secret_outside(tmp_path))
    result = cli("check", path, *BEFORE)
    assert result.exit_code == 2
    assert "leak.yaml: is a link that leads outside the proposal" in result.stderr
    assert SECRET not in result.stdout + result.stderr


def test_a_linked_folder_out_of_the_proposal_is_refused(cli: Cli, tmp_path: Path) -> None:
    proposal = tmp_path / "proposal"
    path = build(proposal, GOOD, [*GOOD_MEMBERS, "cluster: secret"])
    secret_outside(tmp_path)
    (proposal / "requests").symlink_to(tmp_path / "runner-home")
    result = cli("check", path, *BEFORE)
    assert result.exit_code == 2
    assert "requests: is a link that leads outside the proposal" in result.stderr
    assert SECRET not in result.stdout + result.stderr


def test_links_inside_the_repository_keep_working(cli: Cli, tmp_path: Path) -> None:
    """Clusters shared by two proposals of one repository: the root is the git work tree."""
    repo = tmp_path / "repo"
    path = build(repo / "proposal-a", GOOD, GOOD_MEMBERS)
    (repo / ".git").mkdir()
    shared = repo / "shared-clusters"
    (repo / "proposal-a" / "clusters").rename(shared)
    (repo / "proposal-a" / "clusters").symlink_to(shared)
    result = cli("check", path, *BEFORE)
    assert result.exit_code == 0, result.stderr
    assert cli("check", COMPLETE, *BEFORE).exit_code == 0  # the example's link to requests/


def test_a_listing_refuses_a_link_out_and_lists_the_rest(cli: Cli, tmp_path: Path) -> None:
    folder = tmp_path / "requests"
    folder.mkdir()
    (folder / "RDFR20201119001.yaml").write_text(
        "reference: RDFR20201119001\ntitle: Kept\ncountry: FR\n", encoding="utf-8"
    )
    (folder / "RDES20201119001.yaml").symlink_to(secret_outside(tmp_path))
    result = cli("requests", "list", "--dir", folder, "--all", "--format", "json", *BEFORE)
    assert result.exit_code == 2
    assert [r["reference"] for r in json.loads(result.stdout)] == ["RDFR20201119001"]
    assert "leads outside the proposal" in result.stderr and SECRET not in result.stderr


# 2. Workflow-command injection ----------------------------------------------------------

EVIL = "Evil\n::error file=README.md,line=1::injected\n::add-mask::x\n##[error]old"


def test_github_format_cannot_be_made_to_start_a_command(cli: Cli, tmp_path: Path) -> None:
    clusters = {**GOOD, "dk": cluster("DK", name=EVIL, pic="::stop-commands::tok")}
    path = build(tmp_path, clusters, [*GOOD_MEMBERS, "cluster: dk"])
    result = cli("check", path, "--format", "github", *BEFORE)
    assert result.exit_code == 1
    lines = result.stdout.splitlines()
    assert any(line.startswith("::error ") for line in lines)
    for line in lines:
        assert ANNOTATION.match(line) or not line.lstrip().startswith("::"), line
        assert "##[" not in line, line
    assert "::error file=README.md" not in "\n".join(lines[:-4]).split("::error file=")[0]


# 3. Terminal injection -----------------------------------------------------------------

ESCAPE = "\x1b]0;owned\x07\x1b[2J\x9b31m"


@pytest.mark.parametrize("fmt", ["text", "markdown", "github", "junit"])
def test_check_shows_control_characters_visibly(cli: Cli, tmp_path: Path, fmt: str) -> None:
    clusters = {**GOOD, "dk": cluster("DK", name=f"Nice{ESCAPE}Cluster")}
    path = build(tmp_path, clusters, [*GOOD_MEMBERS[:2], "cluster: dk, role: partner"])
    result = cli("check", path, "--format", fmt, "--strict", *BEFORE)
    assert not CONTROL.search(result.stdout + result.stderr), repr(result.stdout)
    if fmt == "text":
        assert "Nice\\x1b]0;owned\\x07" in result.stdout
    if fmt == "markdown":  # issue 16: Markdown escapes '\\' and ']' too; renders as above
        assert "Nice\\\\x1b\\]0;owned\\\\x07" in result.stdout


@pytest.mark.parametrize("command", ["list", "show", "deadlines", "csv"])
def test_request_views_show_control_characters_visibly(
    cli: Cli, tmp_path: Path, command: str
) -> None:
    folder = tmp_path / "requests"
    folder.mkdir()
    (folder / "RDFR20201119001.yaml").write_text(
        yaml.safe_dump(
            {
                "reference": "RDFR20201119001",
                "title": f"Title{ESCAPE}",
                "country": "FR",
                "call": f"CALL{ESCAPE}",
                "deadlines": {"call": "2031-01-01"},
                "summary": f"line one{ESCAPE}\nline two",
            }
        ),
        encoding="utf-8",
    )
    args = {
        "list": ("requests", "list", "--dir", folder),
        "csv": ("requests", "list", "--dir", folder, "--format", "csv"),
        "show": ("requests", "show", "RDFR20201119001", "--dir", folder),
        "deadlines": ("deadlines", folder),
    }[command]
    result = cli(*args, *BEFORE)
    assert result.exit_code == 0, result.stderr
    assert "\\x1b" in result.stdout and not CONTROL.search(result.stdout)


def test_a_file_name_with_escapes_is_one_visible_line(cli: Cli, tmp_path: Path) -> None:
    folder = tmp_path / "requests"
    folder.mkdir()
    (folder / "RD\x1b[31m\nx.yaml").write_text("title: [", encoding="utf-8")
    result = cli("validate", folder)
    assert result.exit_code == 2
    problem, summary = result.stderr.splitlines()
    assert (
        "RD\\x1b[31m\\nx.yaml:2:1: YAML syntax error" in problem
        and summary == "0 of 1 file(s) valid"
    )


# 4. XML that always parses -------------------------------------------------------------


def test_junit_parses_whatever_the_files_hold(cli: Cli, tmp_path: Path) -> None:
    clusters = {**GOOD, "dk": cluster("DK", name="A\x01B\x0bC\ufffe", roles=["partner"])}
    path = build(tmp_path, clusters, ["cluster: dk, role: coordinator", *GOOD_MEMBERS[1:]])
    result = cli("check", path, "--format", "junit", *BEFORE)
    assert result.exit_code == 1
    suite = ET.fromstring(result.stdout)
    failures = [f.get("message") for f in suite.iter("failure")]
    assert any("A\\x01B\\x0bC\\ufffe" in (m or "") for m in failures), failures


# 5. Exit codes under closed pipes and odd streams ---------------------------------------


@pytest.mark.parametrize(("path", "verdict"), [(COMPLETE, 0), (SEED, 1)])
def test_a_closed_pipe_keeps_the_verdict(path: Path, verdict: int) -> None:
    """`check | head -1`: the reader leaves before the report is written."""
    for fmt in ("text", "json"):
        read, write = os.pipe()
        os.close(read)  # the reader is gone before the first byte
        try:
            done = run("check", path, "--format", fmt, *BEFORE, stdout=write)
        finally:
            os.close(write)
        assert done.returncode == verdict, done.stderr
        assert done.stderr.count(b"Traceback") == 0 and b"internal error" not in done.stderr


def test_shell_pipeline_with_pipefail(tmp_path: Path) -> None:
    command = f"set -o pipefail; '{SCRIPT}' check '{COMPLETE}' --today 2020-11-27 | head -1"
    done = subprocess.run(
        ["bash", "-c", command],
        capture_output=True,
        text=True,
        timeout=60,
        env={**os.environ, "NO_COLOR": "1"},
    )
    assert done.returncode == 0 and done.stdout.startswith("COMPLETE"), done.stderr


def test_a_full_disk_is_one_line_and_exit_2() -> None:
    with open("/dev/full", "w") as full:
        done = run("check", COMPLETE, *BEFORE, stdout=full, text=True)
    assert done.returncode == 2
    assert done.stderr == "consortium: cannot write to standard output: No space left on device\n"


def test_a_closed_stdout_keeps_the_verdict() -> None:
    done = run("check", SEED, *BEFORE, text=True, stdout=None, preexec_fn=lambda: os.close(1))
    assert done.returncode == 1
    assert "standard output is closed" in done.stderr and "internal error" not in done.stderr


@pytest.mark.parametrize("kind", ["fifo", "directory", "unwritable"])
def test_a_bad_step_summary_is_one_line_and_the_verdict_stands(tmp_path: Path, kind: str) -> None:
    target = tmp_path / "summary"
    if kind == "fifo":
        os.mkfifo(target)
    elif kind == "directory":
        target.mkdir()
    else:
        target = tmp_path / "missing-folder" / "summary"
    env = {"GITHUB_STEP_SUMMARY": str(target)}
    done = run("check", COMPLETE, "--summary", *BEFORE, env=env, text=True)
    assert done.returncode == 0, done.stderr
    assert done.stderr.startswith(f"consortium: cannot write the summary to {target}: ")
    assert done.stderr.count("\n") == 1


@pytest.mark.parametrize("encoding", ["ascii", "cp1252"])
def test_a_console_that_cannot_encode_gets_plain_characters(encoding: str) -> None:
    env = {"PYTHONIOENCODING": encoding}
    done = run("check", COMPLETE, "--format", "markdown", *BEFORE, env=env)
    assert done.returncode == 0, done.stderr
    assert done.stdout.decode(encoding).startswith("## [OK] Consortium complete")
    listing = run("requests", "show", "RDFR20201119001", "--dir", EXAMPLE / "requests", env=env)
    assert listing.returncode == 0, listing.stderr


def test_columns_zero_still_draws_the_table() -> None:
    done = run("requests", "list", "--all", "--today", "2020-11-27", env={"COLUMNS": "0"})
    assert done.returncode == 0 and b"RDFR20201119001" in done.stdout


# 6. User errors are user errors ----------------------------------------------------------


@pytest.mark.parametrize(
    "args",
    [
        ("--today", "0001-01-01"),
        ("--today", "9999-12-31"),
        ("--now", "9999-12-31T23:00:00-05:00"),
        ("--now", "0001-01-01T00:00:00+14:00"),
        ("--today", ""),
        ("--bogus",),
        ("--format", "yaml"),
    ],
)
def test_bad_options_are_one_line_and_exit_2(args: tuple[str, ...]) -> None:
    done = run("check", COMPLETE, *args, text=True)
    assert done.returncode == 2 and done.stdout == ""
    assert done.stderr.count("\n") == 1 and "(see --help)" in done.stderr, done.stderr


def test_a_bad_consortium_now_is_one_line_and_exit_2() -> None:
    done = run("check", COMPLETE, env={"CONSORTIUM_NOW": "0001-01-01T00:00:00+05:00"}, text=True)
    assert done.returncode == 2 and done.stderr.count("\n") == 1, done.stderr


def test_a_huge_reference_is_one_short_line() -> None:
    done = run("requests", "show", "R" * 100_000, "--dir", EXAMPLE / "requests", text=True)
    assert done.returncode == 2 and done.stderr.count("\n") == 1
    assert len(done.stderr) < 400


def test_internal_error_text_is_one_line(tmp_path: Path) -> None:
    code = (
        "import sys, consortium.cli as c\n"
        "def boom(*a, **k): raise RuntimeError('two\\nlines\\x1b')\n"
        "c.command = lambda *a: boom\nsys.argv = ['consortium']\nc.main()\n"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=60)
    assert done.returncode == 2
    assert (
        done.stderr
        == "consortium: internal error (RuntimeError: two\\nlines\\x1b); please report it\n"
    )


# 7. Non-UTF-8 file names -------------------------------------------------------------------


def test_undecodable_file_names_keep_machine_output_valid(tmp_path: Path) -> None:
    folder = tmp_path / "requests"
    folder.mkdir()
    good = "reference: RDFR20201119001\ntitle: Kept\ncountry: FR\n"
    (folder / os.fsdecode(b"RDFR\xff.yaml")).write_text(good, encoding="utf-8")
    (folder / os.fsdecode(b"bad\xfe.yaml")).write_text("title: [", encoding="utf-8")
    (folder / "RDES20201119001.yaml").write_text(
        good.replace("FR2", "ES2").replace("FR\n", "ES\n"), encoding="utf-8"
    )
    for fmt in ("json", "csv", "table"):
        done = run("requests", "list", "--dir", folder, "--all", "--format", fmt, *BEFORE)
        assert done.returncode == 2
        out = done.stdout.decode("utf-8")  # valid UTF-8, or this raises
        err = done.stderr.decode("utf-8")
        assert "RDES20201119001" in out and "RDFR20201119001" in out
        assert "bad\\xfe.yaml:2:1:" in err and err.count("\n") == 1
    files = {
        r["file"]
        for r in json.loads(
            run("requests", "list", "--dir", folder, "--all", "--format", "json").stdout
        )
    }
    assert f"{folder}/RDFR\\xff.yaml" in files


# 8. Bounded resources --------------------------------------------------------------------


# Started from a small interpreter: a peak measured straight from this test process could
# count pages of the (large) test process that a fork copied before the command's exec.
_MEASURE = (
    "import os, subprocess, sys\n"
    "proc = subprocess.Popen(sys.argv[1:], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)\n"
    "_, status, usage = os.wait4(proc.pid, 0)\n"
    "print(os.waitstatus_to_exitcode(status), usage.ru_maxrss // 1024)\n"
)


def _peak_mib(argv: list[str]) -> tuple[int, int]:
    """The command's exit status and its peak resident memory in MiB."""
    done = subprocess.run(
        [sys.executable, "-c", _MEASURE, *argv], capture_output=True, text=True, check=True
    )
    status, peak = (int(word) for word in done.stdout.split())
    return status, peak


def test_a_one_mebibyte_list_is_refused_cheaply(tmp_path: Path) -> None:
    """Regression: 0.9 GB and 4 s to refuse `members: [1,1,...]`; a memory bound, not a timing."""
    path = tmp_path / "consortium.yaml"
    count = (1024 * 1024 - 40) // 2
    path.write_text("call: X\nmembers: [" + ",".join(["1"] * count) + "]\n", encoding="utf-8")
    assert path.stat().st_size < 1024 * 1024
    status, peak = _peak_mib([SCRIPT, "check", str(path), "--today", "2020-11-27"])
    assert status == 2 and peak < 200, peak
    done = run("check", path, *BEFORE, text=True)
    assert done.stderr.startswith(f"{path}:2:") and "too many values" in done.stderr


def test_one_crowded_file_does_not_stop_a_listing(cli: Cli, tmp_path: Path) -> None:
    folder = tmp_path / "requests"
    folder.mkdir()
    (folder / "RDFR20201119001.yaml").write_text(
        "reference: RDFR20201119001\ntitle: Kept\ncountry: FR\n", encoding="utf-8"
    )
    (folder / "RDES20201119001.yaml").write_text(
        "keywords:\n" + "- a\n" * 200_000, encoding="utf-8"
    )
    result = cli("requests", "list", "--dir", folder, "--all", "--format", "json", *BEFORE)
    assert result.exit_code == 2
    assert [r["reference"] for r in json.loads(result.stdout)] == ["RDFR20201119001"]
    assert "RDES20201119001.yaml:" in result.stderr and "too many" in result.stderr


# 9. The listing index is gone: nothing is written anywhere ---------------------------------


def test_a_listing_writes_nothing(tmp_path: Path) -> None:
    cache = tmp_path / "cache"
    cache.mkdir()
    env = {"XDG_CACHE_HOME": str(cache), "HOME": str(tmp_path)}
    for _ in range(2):
        done = run("requests", "list", "--all", "--format", "json", *BEFORE, env=env)
        assert done.returncode == 0
    assert list(tmp_path.rglob("*")) == [cache]


# The property: whatever text a hostile file or file name holds -----------------------------

HOSTILE = st.lists(
    st.one_of(
        st.sampled_from(["::", "\n", "\r", "\x1b[", "\x00", "\x85", "\x9b", "%", ",", "##["]),
        st.characters(codec="utf-8", exclude_categories=["Cs"]),
    ),
    min_size=1,
    max_size=20,
).map("".join)
FILE_NAME = HOSTILE.map(lambda t: t.replace("/", "_").replace("\x00", "_")[:60])


@pytest.mark.slow
@settings(
    max_examples=60,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(name=HOSTILE, title=HOSTILE, file_name=FILE_NAME)
def test_no_output_format_can_be_hijacked(
    cli: Cli, tmp_path_factory: pytest.TempPathFactory, name: str, title: str, file_name: str
) -> None:
    root = tmp_path_factory.mktemp("hostile")
    clusters = {**GOOD, "dk": cluster("DK", name=name, pic=title)}
    request = {"reference": "RDFR20201119001", "title": title, "country": "FR", "call": title}
    path = build(root, clusters, GOOD_MEMBERS, request=request)
    hostile = path.with_name(f"{file_name}.yaml")
    if hostile.name in {"consortium.yaml"} or hostile.name.startswith("."):
        hostile = path
    else:
        path.rename(hostile)
    github = cli("check", hostile, "--format", "github", *BEFORE)
    assert github.exit_code in (0, 1), github.stderr
    for line in github.stdout.splitlines():
        assert ANNOTATION.match(line) or not line.lstrip().startswith("::"), line
    junit = cli("check", hostile, "--format", "junit", *BEFORE)
    ET.fromstring(junit.stdout)
    for args in (
        ("check", hostile),
        ("check", hostile, "--format", "markdown"),
        ("requests", "show", "RDFR20201119001", "--dir", root / "requests"),
        ("requests", "list", "--all", "--dir", root / "requests"),
        ("requests", "list", "--all", "--format", "csv", "--dir", root / "requests"),
        ("deadlines", root / "requests", "--all"),
    ):
        result = cli(*args, *BEFORE)
        assert result.exit_code in (0, 1), (args, result.stderr)
        assert not CONTROL.search(result.stdout + result.stderr), (args, result.stdout)
