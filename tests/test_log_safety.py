"""Every line the tool writes is safe for a CI log, on stderr as on stdout.

A GitHub runner reads both streams: ``::`` at a line's start and ``##[`` anywhere in it are
commands. The two streams are wrapped once per command (``consortium.display.logsafe``), so no call
site can forget: these tests hold the wrapper to that, whatever the chunking of the writes,
and then run the commands that quote files on stderr with the issue's hostile values.
"""

from __future__ import annotations

import io
import itertools
import shutil
from pathlib import Path

from hypothesis import given
from hypothesis import strategies as st

from consortium.display.logsafe import LogSafe, WorkflowCommand, safe_line
from tests.conftest import EXAMPLE, Cli
from tests.test_output_escaping import ANNOTATION

FRAGMENTS = ["::", ":", "#", "##", "##[", "##vso[", "[", "\n", " ", "error", "add-mask", "x"]
FORGED = "x ##[error]forged ##[add-mask]FR"


def unsafe_lines(text: str) -> list[str]:
    """The lines a runner would read as commands."""
    return [
        line
        for line in text.splitlines()
        if line.lstrip().startswith("::") or "##[" in line or "##vso[" in line
    ]


@given(
    parts=st.lists(st.sampled_from(FRAGMENTS), max_size=40),
    cuts=st.lists(st.integers(min_value=0, max_value=200), max_size=8),
    flushes=st.lists(st.booleans(), max_size=10),
)
def test_any_chunking_of_any_text_comes_out_safe_and_whole(
    parts: list[str], cuts: list[int], flushes: list[bool]
) -> None:
    text = "".join(parts)
    raw = io.StringIO()
    stream = LogSafe(raw)
    points = sorted({c for c in cuts if c < len(text)} | {0, len(text)})
    for index, (start, end) in enumerate(itertools.pairwise(points)):
        stream.write(text[start:end])
        if index < len(flushes) and flushes[index]:
            stream.flush()
    stream.finish()
    assert unsafe_lines(raw.getvalue()) == []
    assert raw.getvalue() == "\n".join(safe_line(line) for line in text.split("\n"))


def test_a_prompt_shows_before_its_answer() -> None:
    raw = io.StringIO()
    stream = LogSafe(raw)
    stream.write("Which call? ")
    stream.flush()
    assert raw.getvalue() == "Which call? "
    stream.write(":: ##[x]\n")
    assert unsafe_lines(raw.getvalue()) == []


def test_only_a_built_annotation_passes_as_a_command() -> None:
    raw = io.StringIO()
    stream = LogSafe(raw)
    stream.write(WorkflowCommand("::error file=a.yaml,line=1,title=eccp::fix it\n"))
    stream.write("::error file=b.yaml::forged\n")
    lines = raw.getvalue().splitlines()
    assert lines == [
        "::error file=a.yaml,line=1,title=eccp::fix it",
        "\\::error file=b.yaml::forged",
    ]


def test_markdown_headings_stay_headings() -> None:
    assert safe_line("## Clusters") == "## Clusters"
    assert safe_line("  ::set-output x") == "  \\::set-output x"


def hostile(tmp_path: Path) -> Path:
    """The bundled example, one cluster's country and name forged as the issue found."""
    root = tmp_path / "proposal"
    shutil.copytree(EXAMPLE, root)
    profile = next((root / "clusters").glob("*.yaml"))
    text = profile.read_text()
    lines = [
        f"country: '{FORGED}'"
        if line.startswith("country:")
        else f"name: '::error title=x::y.yaml {FORGED}'"
        if line.startswith("name:")
        else line
        for line in text.splitlines()
    ]
    profile.write_text("\n".join(lines) + "\n")
    (root / "clusters" / "::error title=x::y.yaml").write_text("name: [\n")
    return root


def test_commands_quoting_files_on_stderr_write_no_command(cli: Cli, tmp_path: Path) -> None:
    root = hostile(tmp_path)
    runs = [
        ("validate", root),
        ("validate", root, "--format", "github"),
        ("check", root / "consortium-complete.yaml", "--today", "2020-11-20"),
        ("check", root / "consortium-complete.yaml", "--format", "github", "--today", "2020-11-20"),
        ("check", root / "consortium-complete.yaml", "--format", "json", "--today", "2020-11-20"),
        ("clusters", "list", "--clusters", root / "clusters"),
        ("suggest", root / "consortium.yaml", "--today", "2020-11-20"),
    ]
    for args in runs:
        result = cli(*args)
        assert result.exit_code in (0, 1, 2), (args, result.stderr)
        assert "internal error" not in result.stderr, args
        forged = [line for line in unsafe_lines(result.stdout) if not ANNOTATION.match(line)]
        assert forged == [], (args, forged)
        assert unsafe_lines(result.stderr) == [], (args, result.stderr)
        assert FORGED.split()[1] not in result.stderr  # '##[error]forged' never raw


def test_import_notes_and_dry_run_write_no_command(cli: Cli, tmp_path: Path) -> None:
    text = tmp_path / "RDFR20201119009.txt"
    text.write_text(
        "Reference Number: RDFR20201119009\n"
        f"Title: ::warning::forged {FORGED}\n"
        "Country: FR\n"
        f"Summary: {FORGED}\n"
    )
    for extra in ((), ("--dry-run",)):
        result = cli("import", text, "-o", tmp_path / "out", *extra, "--force")
        assert "internal error" not in result.stderr
        assert unsafe_lines(result.stdout) == [], result.stdout
        assert unsafe_lines(result.stderr) == [], result.stderr
