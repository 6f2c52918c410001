"""Bad input never wins: each hostile file is one located line and exit 2, within a second.

Every case runs through `validate`, `requests list --dir` (the file among requests) and
`check` (the file as the consortium, or as the request the consortium names). The time
limit is a hang guard, not a benchmark: each case takes milliseconds when it works.
Cases marked "regression" crashed, hung or printed a bad message before the fix beside them.
"""

from __future__ import annotations

import json
import os
import random
import shutil
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import pytest

from tests.conftest import EXAMPLE, Cli, Ran

TODAY = ("--today", "2020-11-27")
REQUEST = "reference: RDFR20201119001\ntitle: Energy cluster sought\ncountry: FR\n"
SUMMARY_SUFFIX = " file(s) valid"
HANG_GUARD = 1.0  # seconds


def _write(content: bytes) -> Callable[[Path], None]:
    def make(path: Path) -> None:
        path.write_bytes(content)

    return make


def _text(content: str) -> Callable[[Path], None]:
    return _write(content.encode("utf-8"))


def _fifty_megabytes(path: Path) -> None:
    with path.open("wb") as handle:
        handle.write(b"a: " + b"x" * (50 * 1024 * 1024))


def _directory(path: Path) -> None:
    path.mkdir()


def _link_loop(path: Path) -> None:
    other = path.with_name(path.stem + ".loop")
    path.symlink_to(other.name)
    other.symlink_to(path.name)


def _fifo(path: Path) -> None:
    if not hasattr(os, "mkfifo"):
        pytest.skip("no FIFOs here")
    os.mkfifo(path)


def _unreadable(path: Path) -> None:
    path.write_text(REQUEST, encoding="utf-8")
    path.chmod(0)
    if os.access(path, os.R_OK):
        pytest.skip("running as root: chmod 000 does not stop reading")


def _alias_bomb() -> str:
    lines = ['a0: &a0 ["lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol"]']
    for level in range(1, 10):
        aliases = ", ".join([f"*a{level - 1}"] * 9)
        lines.append(f"a{level}: &a{level} [{aliases}]")
    return "\n".join(lines) + "\n"


def _indented_mapping(levels: int) -> str:
    nested = "".join(" " * i + f"k{i}:\n" for i in range(levels)) + " " * levels + "deep\n"
    return REQUEST + "summary:\n" + "".join(" " + line + "\n" for line in nested.splitlines())


@dataclass(frozen=True)
class Case:
    make: Callable[[Path], None]
    says: str  # a fragment of the one line
    line: int | None = None  # the line it must name, when it can name one
    as_consortium: bool = True  # also valid as a test of the consortium file in `check`


CASES: dict[str, Case] = {
    "alias bomb": Case(_text(_alias_bomb()), "aliases (*name) are not allowed", 1),
    # regression: an alias after a NEL (a YAML 1.1 line break) was not refused
    "alias after a NEL": Case(
        _text(REQUEST + "keywords: &k [a]\nsummary: [0,\x85*k]\n"), "aliases (*name)", 4
    ),
    "5000 nested [": Case(_text("a: " + "[" * 5000), "nest", 1),
    "mapping nested 500 deep": Case(
        _text(_indented_mapping(500)), "nests deeper than 100 levels", 104
    ),
    # regression: the message's repr of a 990-deep list raised RecursionError
    "list nested 990 deep": Case(
        _text(REQUEST + "summary: " + "[" * 990 + "]" * 990 + "\n"),
        "nests deeper than 100 levels",
        4,
    ),
    "list nested 99 deep": Case(
        _text(REQUEST + "summary: " + "[" * 99 + "]" * 99 + "\n"),
        "summary takes text, not a list",
        4,
        False,
    ),
    "50 MB": Case(_fifty_megabytes, "is larger than 1024 KiB"),
    "binary junk": Case(
        _write(bytes(random.Random(7).randrange(256) for _ in range(4096)) + b"\0"),
        "is a binary file",
    ),
    "latin-1": Case(_write(REQUEST.encode() + "summary: café\n".encode("latin-1")), "0xe9", 4),
    "directory": Case(_directory, "is a directory"),
    "no permission": Case(_unreadable, "permission denied"),
    "symlink loop": Case(_link_loop, "symbolic link loop"),
    # regression: opening a FIFO waited for a writer forever
    "fifo": Case(_fifo, "is not a regular file"),
    "empty": Case(_text(""), "is empty", 1),
    "only comments": Case(_text("# a comment\n# and another\n"), "is empty", 1),
    "two documents": Case(_text(REQUEST + "---\n" + REQUEST + "---\n"), "single document", 4),
    "top-level scalar": Case(_text("just some words\n"), "found a single value", 1),
    # regression (message): "found character that cannot start any token"
    "tab indentation": Case(
        _text(REQUEST + "seeking:\n\trole: coordinator\n"), "indent with spaces", 5
    ),
    "unquoted NO": Case(
        _text(REQUEST + "consortium:\n  - country: NO\n"), 'quote it, e.g. country: "NO"', 5, False
    ),
    "31/02/2021": Case(
        _text(REQUEST + "deadlines:\n  eoi: 31/02/2021\n"), "is not a real date", 5, False
    ),
    # regression: PyYAML's date constructor raised ValueError
    "2021-02-31 unquoted": Case(
        _text(REQUEST + "deadlines:\n  eoi: 2021-02-31\n"), "is not a real date", 5
    ),
    # regression: int() refuses more than 4300 digits with ValueError
    "huge integer": Case(_text(REQUEST + "expires: " + "9" * 5000 + "\n"), "is too large", 4),
    # regression: 0xfff... is read, but str() of it (in the message) raised ValueError
    "huge hexadecimal integer": Case(
        _text(REQUEST + "summary: 0x" + "f" * 4000 + "\n"), "is too large", 4
    ),
    # regression: adding 365 days or a UTC shift to year 9999 overflowed
    "year 9999": Case(
        _text(REQUEST + "deadlines:\n  call: 9999-12-31T23:00:00-12:00\n"), "out of range", 5, False
    ),
    # regression (message): "found unhashable key"
    "key that is a list": Case(_text(REQUEST + "? [a]\n: b\n"), "a key must be a name", 4),
    # regression: a key read as a number or a yes/no reached pydantic without a line
    "key that is a number": Case(_text(REQUEST + "1: one\n"), "as a number, not a name", 4),
    # regression: a capitalised unknown key was taken for a pydantic type tag (IndexError)
    "key that looks like a type": Case(
        _text(REQUEST + "Title: x\n"), "unknown key 'Title'", 4, False
    ),
    # regression: the whole 900 KB value was echoed into the message
    "very long line": Case(
        _text(REQUEST.replace("FR\n", "FR" + "R" * 900_000 + "\n")),
        "unknown country code",
        3,
        False,
    ),
    # regression: libyaml's two-line ReaderError, without a line number
    "control character": Case(_text(REQUEST + "summary: a\x07b\n"), "control character", 4),
    # regression: a line break in a value split the message over two lines
    "line break in a value": Case(
        _text(REQUEST + 'stage: ok\nconsortium:\n  - country: "F\\nR"\n'), "'F\\nR'", 6, False
    ),
    # regression: an unknown zone crashed the countdown (ZoneInfoNotFoundError)
    "unknown time zone": Case(
        _text(REQUEST + "call: {id: X-1, timezone: Mars/Olympus}\n"), "unknown time zone", 4, False
    ),
    # regression: 100 000 unknown keys took minutes (a search of the mapping per problem)
    "900 unknown keys": Case(
        _text(REQUEST + "".join(f"k{i}: 1\n" for i in range(900))),
        "more problem(s) not shown",
        None,
    ),
    # issue 7: a 1 MiB file of values took 0.9 GB to reject; now counted before composing
    "20 000 unknown keys": Case(
        _text(REQUEST + "".join(f"k{i}: 1\n" for i in range(20_000))),
        "too many values (over 10000)",
        None,
    ),
    "a list of 1 001 items": Case(
        _text(REQUEST + "keywords: [" + ",".join(["a"] * 1001) + "]\n"), "too many items", 4
    ),
}
MANY_LINES = {"900 unknown keys"}  # 20 problems and a count: more than one line


def _timed(cli: Cli, *args: str | Path) -> Ran:
    start = time.perf_counter()
    result = cli(*args)
    elapsed = time.perf_counter() - start
    assert elapsed < HANG_GUARD, f"{args[0]} took {elapsed:.2f} s"
    return result


def _problem_lines(result: object, path: Path, case: Case, name: str) -> None:
    assert result.exception is None or isinstance(result.exception, SystemExit), (  # type: ignore[attr-defined]
        result.exception  # type: ignore[attr-defined]
    )
    assert result.exit_code == 2, result.stderr  # type: ignore[attr-defined]
    output = result.stdout + result.stderr  # type: ignore[attr-defined]
    assert "Traceback" not in output
    lines = [
        line
        for line in result.stderr.splitlines()  # type: ignore[attr-defined]
        if not line.endswith(SUMMARY_SUFFIX)
    ]
    if name in MANY_LINES:
        assert all(line.startswith(f"{path}:") for line in lines), lines[:3]
        assert case.says in lines[-1]
        return
    assert len(lines) == 1, lines
    where = f"{path}:{case.line}:" if case.line else f"{path}:"
    assert lines[0].startswith(where), lines[0]
    assert case.says in lines[0], lines[0]
    assert len(lines[0]) < 400 + len(str(path)), lines[0][:200]


@pytest.fixture
def example(tmp_path: Path) -> Path:
    """A copy of the bundled example, its request symlink copied as a file."""
    target = tmp_path / "example"
    shutil.copytree(EXAMPLE, target, symlinks=False)
    return target


def _place(path: Path, case: Case) -> Path:
    if path.exists() or path.is_symlink():
        path.unlink()
    case.make(path)
    return path


@pytest.mark.parametrize("name", list(CASES))
def test_validate(cli: Cli, tmp_path: Path, name: str) -> None:
    case = CASES[name]
    folder = tmp_path / "requests"
    folder.mkdir()
    path = _place(folder / "RDFR20201119001.yaml", case)
    if name != "directory":  # a folder named on the command line is searched, not read
        _problem_lines(_timed(cli, "validate", path), path, case, name)
    _problem_lines(_timed(cli, "validate", folder), path, case, name)


@pytest.mark.parametrize("name", list(CASES))
def test_requests_list(cli: Cli, tmp_path: Path, name: str) -> None:
    case = CASES[name]
    folder = tmp_path / "requests"
    folder.mkdir()
    path = _place(folder / "RDFR20201119001.yaml", case)
    result = _timed(cli, "requests", "list", "--dir", folder, "--all", "-f", "json", *TODAY)
    _problem_lines(result, path, case, name)
    assert json.loads(result.stdout) == []


@pytest.mark.parametrize("name", list(CASES))
def test_check_with_bad_request(cli: Cli, example: Path, name: str) -> None:
    case = CASES[name]
    path = _place(example / "requests" / "RDFR20201119001.yaml", case)
    result = _timed(cli, "check", example / "consortium.yaml", *TODAY)
    _problem_lines(result, path, case, name)


@pytest.mark.parametrize("name", [n for n, c in CASES.items() if c.as_consortium])
def test_check_with_bad_consortium(cli: Cli, example: Path, name: str) -> None:
    case = CASES[name]
    path = _place(example / "consortium.yaml", case)
    result = _timed(cli, "check", path, *TODAY)
    _problem_lines(result, path, case, name)


def test_check_with_bad_cluster(cli: Cli, example: Path) -> None:
    """A member's profile that cannot be read is named, not taken for a missing cluster."""
    path = example / "clusters" / "pt-norte-energy.yaml"
    path.unlink()
    _link_loop(path)
    result = _timed(cli, "check", example / "consortium.yaml", *TODAY)
    _problem_lines(result, path, Case(_link_loop, "symbolic link loop"), "symlink loop")


def test_member_named_beyond_the_file_name_limit(cli: Cli, example: Path) -> None:
    """Regression: a 300-character cluster id made Path.is_file raise ENAMETOOLONG."""
    path = example / "consortium.yaml"
    path.write_text(
        "call: COS-CLUSTER-2020-3-03\nmembers:\n  - cluster: " + "x" * 300 + "\n",
        encoding="utf-8",
    )
    result = _timed(cli, "check", path, *TODAY)
    _problem_lines(result, path, Case(_directory, "is not a cluster id", 3), "long id")


def test_validate_a_directory_given_as_the_path(cli: Cli, tmp_path: Path) -> None:
    """A folder is searched for YAML files; an empty one is one line (the CLI's own wording)."""
    folder = tmp_path / "profile.yaml"
    folder.mkdir()
    result = _timed(cli, "validate", folder)
    assert result.exit_code == 2
    assert result.stderr.splitlines() == [f"consortium: no .yaml or .yml files in {folder}"]


@pytest.mark.parametrize("command", ["deadlines", "list"])
def test_rich_markup_in_a_call_id(cli: Cli, tmp_path: Path, command: str) -> None:
    """Regression: the tables printed a call id as Rich markup, and '[/x]' raised MarkupError
    (found here, fixed in report/requests.py with Console(markup=False))."""
    folder = tmp_path / "requests"
    folder.mkdir()
    (folder / "RDFR20201119001.yaml").write_text(
        REQUEST + 'call: "[/x]"\ndeadlines: {call: 2031-01-01}\n', encoding="utf-8"
    )
    args = (
        ("deadlines", folder) if command == "deadlines" else ("requests", "list", "--dir", folder)
    )
    result = _timed(cli, *args, "--all", *TODAY)
    assert result.exception is None or isinstance(result.exception, SystemExit)
    assert result.exit_code == 0


def test_dangling_link_says_so(cli: Cli, tmp_path: Path) -> None:
    link = tmp_path / "requests" / "RDFR20201119001.yaml"
    link.parent.mkdir()
    link.symlink_to("../gone/RDFR20201119001.yaml")
    (tmp_path / ".git").mkdir()  # a repository: the link stays inside it
    result = cli("validate", link)
    assert result.exit_code == 2
    assert result.stderr.splitlines() == [
        f"{link}: is a link to ../gone/RDFR20201119001.yaml, which does not exist: fix or remove the link",
        "0 of 1 file(s) valid",
    ]
