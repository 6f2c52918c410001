"""The fast paths of issue 22 say and print exactly what the slower ones did.

Speed itself is measured by ``benchmarks/run.py``, never asserted here: these tests pin
that each shortcut (reading a file's size, hints worked out only on the error path, rows
kept instead of whole profiles, leaving without tearing down the heap) changes nothing a
user sees.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from consortium.files.rawfile import read_bounded
from tests.conftest import REQUESTS, Cli, Write
from tests.generated import varied_requests

# --- reading: the file's size plus one byte, the bound unchanged ----------------------------


@pytest.mark.parametrize("size", [0, 1, 99, 100, 101, 5000])
def test_read_bounded_returns_at_most_limit_plus_one(tmp_path: Path, size: int) -> None:
    path = tmp_path / "f.yaml"
    path.write_bytes(b"x" * size)
    assert read_bounded(path, 100, "YAML text") == b"x" * min(size, 101)


def test_read_bounded_reads_on_when_the_file_grew(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A file that grows after its size was taken is read to the bound, not cut at the old
    size (which would hide that it is now too large)."""
    path = tmp_path / "f.yaml"
    path.write_bytes(b"x" * 10)
    real_fstat = os.fstat

    def fstat_then_grow(fd: int) -> os.stat_result:
        status = real_fstat(fd)
        path.write_bytes(b"x" * 500)
        return status

    monkeypatch.setattr(os, "fstat", fstat_then_grow)
    assert read_bounded(path, 100, "YAML text") == b"x" * 101


# --- validation: the lower-case hint built from pydantic's own error -----------------------


@pytest.mark.parametrize(
    ("text", "said"),
    [
        ("label: {level: Gold}\n", "label.level: write 'gold' in lower case, not 'Gold'"),
        ("label: {level: ' silver'}\n", "label.level: write 'silver' in lower case, not ' silver'"),
        ("roles: [Partner]\n", "roles.0: write 'partner' in lower case, not 'Partner'"),
        ("type: CLUSTER\n", "type: write 'cluster' in lower case, not 'CLUSTER'"),
    ],
)
def test_a_word_in_another_case_says_to_write_it_in_lower_case(
    cli: Cli, write: Write, text: str, said: str
) -> None:
    path = write("clusters/x.yaml", f"name: X\ncountry: AT\n{text}")
    result = cli("validate", path)
    assert result.exit_code == 2
    assert said in result.stderr, result.stderr


def test_other_words_keep_their_own_message(cli: Cli, write: Write) -> None:
    """Only the four vocabularies that had the hint get it: a region category in another
    case is still told its choices, and an unknown word is not told about case."""
    path = write(
        "clusters/x.yaml",
        "name: X\ncountry: AT\nregion: {category: Transition}\nlabel: {level: platinum}\n",
    )
    result = cli("validate", path)
    assert "region.category: write less-developed, transition or more-developed" in result.stderr
    assert "label.level: write bronze, silver or gold, not 'platinum'" in result.stderr
    assert "lower case" not in result.stderr


# --- listing: rows kept, output unchanged ---------------------------------------------------


@pytest.mark.parametrize(
    "options",
    [
        ["--format", "json"],
        ["--format", "csv"],
        ["--format", "markdown"],
        ["--format", "text", "--sort", "published"],
        ["--sort", "country", "--sector", "energy"],
        ["--kind", "RD", "--format", "json"],
    ],
)
def test_listing_rows_print_what_the_whole_requests_printed(
    cli: Cli, monkeypatch: pytest.MonkeyPatch, options: list[str]
) -> None:
    args: list[str | Path] = [
        *("requests", "list", "--dir", REQUESTS, "--all", "--today", "2020-11-20"),
        *options,
    ]
    rows = cli(*args)
    monkeypatch.setattr("consortium.catalogue.requests.listed", lambda item: item)
    whole = cli(*args)
    assert rows.exit_code == whole.exit_code == 0, rows.stderr
    assert rows.stdout and rows.stdout == whole.stdout
    assert rows.stderr == whole.stderr


@pytest.mark.parametrize("output", ["json", "csv", "markdown", "text"])
def test_listing_rows_of_a_varied_folder_print_what_whole_requests_printed(
    cli: Cli, monkeypatch: pytest.MonkeyPatch, tmp_path: Path, output: str
) -> None:
    folder = varied_requests(tmp_path / "requests", 60)
    args: list[str | Path] = [
        "requests",
        "list",
        "--dir",
        folder,
        "--all",
        "--today",
        "2020-12-10",
        "-f",
        output,
    ]
    rows = cli(*args)
    monkeypatch.setattr("consortium.catalogue.requests.listed", lambda item: item)
    whole = cli(*args)
    assert rows.exit_code == whole.exit_code == 2 and "broken.yaml" in rows.stderr
    assert rows.stdout.count("RD") >= 60 and rows.stdout == whole.stdout
    assert rows.stderr == whole.stderr


# --- exit: flushed, then gone ---------------------------------------------------------------


def _installed(*args: str | Path, tmp_path: Path) -> subprocess.CompletedProcess[bytes]:
    """The command as a shell runs it (``python -m consortium``), stdout a pipe, without
    coverage (under coverage the ordinary exit runs)."""
    env = {k: v for k, v in os.environ.items() if not k.startswith("COV")}
    env |= {"NO_COLOR": "1", "COLUMNS": "120"}
    return subprocess.run(
        [sys.executable, "-m", "consortium", *map(str, args)],
        capture_output=True,
        cwd=tmp_path,
        env=env,
        timeout=120,
        check=False,
    )


def test_real_process_sends_every_byte_before_it_exits(cli: Cli, tmp_path: Path) -> None:
    """A long report and a problem on stderr both arrive in full, with the exit code, when
    the process leaves without tearing down its heap."""
    folder = tmp_path / "requests"
    folder.mkdir()
    seed = (REQUESTS / "RDFR20201119001.yaml").read_text(encoding="utf-8")
    for i in range(300):
        reference = f"RDFR20201119{i:03d}"
        text = seed.replace("RDFR20201119001", reference)
        (folder / f"{reference}.yaml").write_text(text, encoding="utf-8")
    (folder / "broken.yaml").write_text("reference: [\n", encoding="utf-8")
    args: list[str | Path] = [
        "requests",
        "list",
        "--dir",
        folder,
        "--all",
        "--format",
        "json",
        "--today",
        "2020-11-20",
    ]
    done = _installed(*args, tmp_path=tmp_path)
    inside = cli(*args)
    assert done.returncode == inside.exit_code == 2
    assert done.stdout.decode() == inside.stdout and len(done.stdout) > 100_000
    assert done.stderr.decode() == inside.stderr and "broken.yaml" in inside.stderr


def test_real_process_sends_a_last_line_without_a_line_break() -> None:
    """The log-safe wrappers hold a partial last line (it could begin ``##[``) until the
    command ends: the entry point sends it, on both streams, before the process leaves."""
    code = (
        "import sys, consortium.cli as c\n"
        "def write(*a, **k):\n"
        "    sys.stdout.write('last words ##')\n"
        "    sys.stderr.write('a note #')\n"
        "    return 1\n"
        "c.command = lambda *a: write\nsys.argv = ['consortium', 'check']\nc.main()\n"
    )
    env = {k: v for k, v in os.environ.items() if not k.startswith("COV")}
    done = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, env=env, timeout=60, check=False
    )
    assert (done.returncode, done.stdout, done.stderr) == (1, b"last words ##", b"a note #")
