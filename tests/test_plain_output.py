"""Reports for a log or a pipe are written without Rich (``consortium.report.plain``), and
must be the very bytes Rich writes there: ``check``'s text report and every table drawn by
``layout.write_table``, at every width, whatever the names hold. Each case runs the command
twice, once as a user's pipe gets it and once with Rich forced, and compares the bytes."""

from __future__ import annotations

import io
import re
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from consortium.report import layout, plain
from tests.conftest import EXAMPLE, ROOT, Cli, Ran
from tests.proposals import GOOD, GOOD_MEMBERS, build, cluster

WIDTHS = [None, "40", "60", "80", "120", "200"]  # None: a pipe, COLUMNS unset

NAMES = {
    "long": "The Very Long Named Regional Cluster for Renewable Energy, Smart Grids and "
    "Sustainable Construction in the Greater Rhône-Alpes and Auvergne Area",
    "word": "Supercalifragilisticexpialidociousenergyclusterofthenorthwesternregion",
    "unicode": "Ελληνικό Ενεργειακό Σύμπλεγμα Θεσσαλονίκης",
    "cyrillic": "Български клъстер за енергийна ефективност",
    "wide": "東京エネルギークラスター 東京",  # not one cell per character: Rich draws it
    "combining": "Re\u0301gion E\u0301nergie",  # combining accents: Rich draws it
    "hostile": "[bold red]x[/] \x1b[31mred\x1b[0m ::error::boom\ttab",
    "spaces": "   Spaced   Out   Cluster   ",
    "newline": "Two\nLines",
}


def _both(cli: Cli, monkeypatch: pytest.MonkeyPatch, *args: str | Path, columns: str | None) -> Ran:
    """Run ``args`` as a pipe gets them and with Rich forced; the same bytes, or fail."""
    env = {"COLUMNS": columns}
    plain_run = cli(*args, env=env)
    with monkeypatch.context() as forced:
        forced.setattr(plain, "plain_stream", lambda stream: False)
        rich_run = cli(*args, env=env)
    assert plain_run.exception is None and rich_run.exception is None
    assert plain_run.stdout == rich_run.stdout
    assert (plain_run.stderr, plain_run.exit_code) == (rich_run.stderr, rich_run.exit_code)
    return plain_run


def _proposal(root: Path, names: dict[str, str], **changes: Any) -> Path:
    """The good three-member proposal, its clusters renamed by ``names``."""
    countries = {"dk": "DK", "fr": "FR", "pt": "PT"}
    clusters = {k: cluster(c, name=names.get(k, GOOD[k]["name"])) for k, c in countries.items()}
    return build(root, clusters, changes.pop("members", GOOD_MEMBERS), **changes)


@pytest.mark.parametrize("columns", WIDTHS)
@pytest.mark.parametrize("name", sorted(NAMES))
def test_check_text_is_the_bytes_rich_writes_for_any_name(
    cli: Cli, monkeypatch: pytest.MonkeyPatch, tmp_path: Path, columns: str | None, name: str
) -> None:
    path = _proposal(tmp_path, {"fr": NAMES[name], "dk": NAMES["long"]})
    ran = _both(cli, monkeypatch, "check", path, "--today", "2020-11-20", columns=columns)
    assert "Members (3)" in ran.stdout


@pytest.mark.parametrize("columns", WIDTHS)
@pytest.mark.parametrize(
    ("file", "extra", "verdict"),
    [
        ("consortium.yaml", (), "INCOMPLETE"),  # errors and warnings, a wrapped cell
        ("consortium-complete.yaml", (), "COMPLETE"),
        ("consortium-complete.yaml", ("--today", "2021-03-01"), "INCOMPLETE"),  # closed
        ("consortium.yaml", ("--strict",), "INCOMPLETE"),
    ],
)
def test_check_text_of_the_example_is_the_bytes_rich_writes(
    cli: Cli,
    monkeypatch: pytest.MonkeyPatch,
    columns: str | None,
    file: str,
    extra: tuple[str, ...],
    verdict: str,
) -> None:
    args: tuple[str | Path, ...] = ("check", EXAMPLE / file, "--today", "2020-11-20", *extra)
    assert _both(cli, monkeypatch, *args, columns=columns).stdout.startswith(verdict)


@pytest.mark.parametrize("columns", WIDTHS)
def test_every_verdict_is_the_bytes_rich_writes(
    cli: Cli, monkeypatch: pytest.MonkeyPatch, tmp_path: Path, columns: str | None
) -> None:
    verdicts = set()
    cases: dict[str, dict[str, Any]] = {
        "complete": {},
        "provisional": {
            "members": [*GOOD_MEMBERS[:2], "cluster: pt, role: partner, status: interested"]
        },
        "incomplete": {"members": GOOD_MEMBERS[1:]},
    }
    paths = [_proposal(tmp_path / case, {}, **changes) for case, changes in cases.items()]
    paths.append(tmp_path / "empty.yaml")  # no members: a sentence instead of the table
    paths[-1].write_text("call: COS-CLUSTER-2020-3-03\nmembers: []\n", encoding="utf-8")
    for path in paths:
        for strict in ((), ("--strict",)):
            ran = _both(
                cli, monkeypatch, "check", path, "--today", "2020-11-20", *strict, columns=columns
            )
            verdicts.add(ran.stdout.split(" /")[0].strip())
    assert verdicts == {
        "COMPLETE",
        "COMPLETE once PT confirms",
        "INCOMPLETE",
        "INCOMPLETE (strict)",
    }


def test_a_file_that_cannot_be_checked_prints_the_same(
    cli: Cli, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    (tmp_path / "consortium.yaml").write_text("call: [\n", encoding="utf-8")
    ran = _both(cli, monkeypatch, "check", tmp_path / "consortium.yaml", columns=None)
    assert ran.exit_code == 2 and ran.stderr


@pytest.mark.parametrize("columns", WIDTHS)
@pytest.mark.parametrize(
    "args",
    [
        ("requests", "list", "--dir", ROOT / "requests"),
        ("deadlines", ROOT / "requests", "--today", "2020-11-20", "--all"),
        ("rules",),
        ("calls", "list", "--today", "2020-11-20"),
        ("clusters", "list", "--clusters", EXAMPLE / "clusters"),
        (
            "match",
            "RDFR20201119001",
            "--clusters",
            EXAMPLE / "clusters",
            "--requests",
            EXAMPLE / "requests",
        ),
    ],
)
def test_other_tables_are_the_bytes_rich_writes(
    cli: Cli, monkeypatch: pytest.MonkeyPatch, columns: str | None, args: tuple[str | Path, ...]
) -> None:
    assert _both(cli, monkeypatch, *args, columns=columns).stdout


# Cells of one-cell characters, spaces (leading, trailing, runs) and line breaks: where Rich
# wraps the elastic column, plain must cut at the same places.
_CELL = st.text(alphabet=st.sampled_from("ab é-Ω\n\xa0"), max_size=60)


@settings(max_examples=300, deadline=None)
@given(
    cells=st.lists(st.tuples(_CELL, _CELL, _CELL), min_size=0, max_size=4),
    available=st.integers(min_value=10, max_value=90),
    elastic=st.sampled_from([0, 1, None]),
)
def test_tables_of_any_cells_are_the_bytes_rich_writes(
    cells: list[tuple[str, str, str]], available: int, elastic: int | None
) -> None:
    headers = ["Name", "Id", "Label"]
    columns = [
        layout.Column(header, [row[i] for row in cells], elastic=i == elastic)
        for i, header in enumerate(headers)
    ]
    drawn = plain.table([(c.header, c.cells, c.elastic) for c in columns], available)
    if drawn is None or not layout.fits(columns, available):
        return  # left to Rich (or a layout write_table would never choose)
    from rich.console import Console

    stream = io.StringIO()
    Console(file=stream, width=available, highlight=False, emoji=False).print(
        layout._table(columns)
    )
    assert drawn == stream.getvalue()


@settings(max_examples=200, deadline=None)
@given(text=st.text(st.characters(blacklist_characters="\t", blacklist_categories=["Cs"])))
def test_a_line_is_the_bytes_rich_writes_for_any_text(text: str) -> None:
    """Wide, combining and control characters too: a line is never measured, only written."""
    from rich.console import Console

    stream = io.StringIO()
    Console(file=stream, width=80, highlight=False, emoji=False, markup=False).print(
        text, soft_wrap=True
    )
    assert plain.line(text) == stream.getvalue()


def test_narrow_characters_are_one_cell_wide_for_rich() -> None:
    from rich.cells import cell_len

    narrow = plain._narrow()
    for code in range(0x20, 0x600):
        char = chr(code)
        if narrow.fullmatch(char) and char != "\n":
            assert cell_len(char) == 1, hex(code)


def test_a_terminal_or_forced_colour_gets_rich(cli: Cli) -> None:
    """FORCE_COLOR and TTY_COMPATIBLE=1 make Rich draw colour into a pipe: Rich writes then."""
    args = ("check", EXAMPLE / "consortium.yaml", "--today", "2020-11-20")
    assert "\x1b[" in cli(*args, env={"FORCE_COLOR": "1"}).stdout
    assert "\x1b[" in cli(*args, env={"TTY_COMPATIBLE": "1"}).stdout
    assert "\x1b[" not in cli(*args, env={"TTY_COMPATIBLE": "0", "FORCE_COLOR": "1"}).stdout


def test_plain_stream_follows_rich() -> None:
    class Terminal(io.StringIO):
        def isatty(self) -> bool:
            return True

    assert plain.plain_stream(io.StringIO())
    assert not plain.plain_stream(Terminal())
    latin = io.TextIOWrapper(io.BytesIO(), encoding="latin-1")
    assert not plain.plain_stream(latin)  # Rich draws ASCII boxes there


def test_check_into_a_pipe_imports_no_rich() -> None:
    """The start-up the plain writer is for: ``check`` text into a pipe and ``check
    --format json`` import neither Rich nor what only other formats use."""
    code = (
        "import sys\n"
        "from consortium.cli import main\n"
        "try:\n"
        "    main()\n"
        "except SystemExit:\n"
        "    pass\n"
        "heavy = ('rich', 'consortium.report.layout', 'consortium.report.html', 'jinja2', 'markdown_it',\n"
        "         'pickle')  # pickle: only a folder shared with a second process needs it\n"
        "sys.stderr.write(repr(sorted(m for m in sys.modules if m.startswith(heavy))))\n"
    )
    example = str(EXAMPLE / "consortium.yaml")
    for extra in ((), ("--format", "json")):
        done = subprocess.run(
            [sys.executable, "-c", code, "check", example, "--today", "2020-11-20", *extra],
            capture_output=True,
            text=True,
            cwd=ROOT,
        )
        assert done.stdout.startswith(("INCOMPLETE", "{")), done.stdout
        loaded = done.stderr.splitlines()[-1]
        expected = "['consortium.report.layout']" if not extra else "[]"
        assert loaded == expected, (extra, done.stderr)


@pytest.mark.parametrize(
    "args",
    [
        ("requests", "show", "RDFR20201119001", "--requests", str(ROOT / "requests")),
        ("clusters", "show", "dk-vestenergi", "--clusters", str(EXAMPLE / "clusters")),
        ("calls", "show", "COS-CLUSTER-2020-3-03"),
    ],
)
def test_a_record_into_a_pipe_is_rich_s_rows_unpadded(cli: Cli, args: tuple[str, ...]) -> None:
    """Unwrapped, Rich pads every line of a record to its longest value (490 characters
    for the seed) and centres the title over it: a pipe gets the same rows without the
    padding, the title first."""
    piped = cli(*args, "--today", "2020-11-27", env={"COLUMNS": None})
    drawn = cli(*args, "--today", "2020-11-27", env={"COLUMNS": None, "TTY_COMPATIBLE": "1"})
    assert piped.exit_code == drawn.exit_code == 0, piped.output
    lines = piped.stdout.splitlines()
    rich_lines = re.sub(r"\x1b\[[0-9;]*m", "", drawn.stdout).splitlines()  # its styles
    assert all(line == line.rstrip() for line in lines)
    assert lines[0] == rich_lines[0].strip()  # the title
    assert lines[1:] == [line.rstrip() for line in rich_lines[1:]]
    assert len(lines) > 5
