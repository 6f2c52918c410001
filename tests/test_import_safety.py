"""`consortium import` on junk, and its writes: one line and exit 2 for what cannot be
imported, the rest still written; atomic writes, never over a file without --force."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from consortium.files.problems import Problem
from tests.conftest import OWN_TEXT, Cli

DATA = Path(__file__).parent / "data" / "een"

JUNK = {
    "empty.txt": (b"", "is empty: no profile in it"),
    "blank.txt": (b"\n \r\n\t\n", "is empty: no profile in it"),
    "binary.txt": (bytes(range(256)) * 4, "is a binary file, not a profile text"),
    "huge.txt": (b"RDFR20201119001 " * (20 * 1024 * 1024 // 16), "is larger than 1024 KiB"),
    "other.json": (b'{"results": [1, 2]}', "is JSON but not the Partner Web Service's shape"),
    "broken.json": (b'{"data": ', "is not valid JSON"),
    "notes.txt": (
        b"Meeting notes\n\nNothing here.\n",
        "no POD reference found: give it with --reference",
    ),
    "two.txt": (
        b"A title\n\nSee RDFR20201119001 and RDES20201125001.\n",
        "names several profile references",
    ),
}


@pytest.mark.parametrize("name", JUNK)
def test_junk_is_one_line_and_exit_2(cli: Cli, tmp_path: Path, name: str) -> None:
    content, message = JUNK[name]
    path = tmp_path / name
    path.write_bytes(content)
    result = cli("import", path, "-o", tmp_path / "out")
    assert result.exit_code == 2
    first, summary = result.stderr.splitlines()
    assert first.startswith(f"{path}: ") and message in first
    assert summary == "consortium: 0 profile(s) imported (0 written, 0 unchanged), 1 not imported"
    assert not (tmp_path / "out").exists()


def test_one_bad_text_does_not_stop_the_rest(cli: Cli, tmp_path: Path) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "a-empty.txt").write_bytes(b"")
    (folder / "own.txt").write_bytes(OWN_TEXT.read_bytes())
    result = cli("import", folder, "-o", tmp_path / "out")
    assert result.exit_code == 2
    assert result.stderr.splitlines() == [
        f"{folder}/a-empty.txt: is empty: no profile in it",
        "consortium: 1 profile(s) imported (1 written, 0 unchanged), 1 not imported",
        f"wrote {tmp_path}/out/RDNO20250203001.yaml",
        f"next: consortium init --request-file {tmp_path}/out/RDNO20250203001.yaml",
    ]
    assert (tmp_path / "out" / "RDNO20250203001.yaml").is_file()


def test_existing_file_shows_the_change_and_needs_force(cli: Cli, tmp_path: Path) -> None:
    out = tmp_path / "out"
    assert cli("import", OWN_TEXT, "-o", out).exit_code == 0
    target = out / "RDNO20250203001.yaml"
    target.write_text(target.read_text().replace("stage: planning", "stage: idea"))
    again = cli("import", OWN_TEXT, "-o", out)
    assert again.exit_code == 2
    assert "-stage: idea\n+stage: planning\n" in again.stderr
    assert f"{target}: exists and differs: give --force to replace it" in again.stderr
    assert "stage: idea" in target.read_text()
    assert cli("import", OWN_TEXT, "-o", out, "--force").exit_code == 0
    assert "stage: planning" in target.read_text()
    same = cli("import", OWN_TEXT, "-o", out)
    assert same.exit_code == 0 and "(0 written, 1 unchanged)" in same.stderr
    assert sorted(p.name for p in out.iterdir()) == ["RDNO20250203001.yaml"]  # no temporaries


def test_never_writes_through_a_link(cli: Cli, tmp_path: Path) -> None:
    victim = tmp_path / "victim.txt"
    victim.write_text("keep")
    out = tmp_path / "out"
    out.mkdir()
    (out / "RDNO20250203001.yaml").symlink_to(victim)
    result = cli("import", OWN_TEXT, "-o", out, "--force")
    assert result.exit_code == 2 and "symbolic link" in result.stderr
    assert victim.read_text() == "keep"


def test_dry_run_prints_yaml_and_writes_nothing(cli: Cli, tmp_path: Path) -> None:
    out = tmp_path / "out"
    result = cli("import", DATA / "RDIT20201015002.txt", OWN_TEXT, "-o", out, "--dry-run")
    assert result.exit_code == 0
    assert not out.exists()
    documents = result.stdout.split("---\n")
    assert len(documents) == 2
    assert "reference: RDIT20201015002\n" in documents[0]
    assert 'country: "NO"\n' in documents[1]


def test_text_from_a_file_cannot_inject_yaml_or_terminal_escapes(cli: Cli, tmp_path: Path) -> None:
    text = (
        OWN_TEXT.read_text(encoding="utf-8")
        .replace("Profile published: 2025-02-03", "Profile published: 31/02/2021")
        .replace(
            "Deadline for call: 06/06/2025", "Deadline for call: soon \x1b[2J\u2028reference: x"
        )
    )
    path = tmp_path / "odd.txt"
    path.write_text(text, encoding="utf-8")
    out = tmp_path / "out"
    result = cli("import", path, "-o", out)
    assert result.exit_code == 0
    assert "\x1b" not in result.stderr and "\\x1b" in result.stderr
    assert "is not a real date" in result.stderr
    written = (out / "RDNO20250203001.yaml").read_text(encoding="utf-8")
    assert "\x1b" not in written and "\u2028" not in written
    assert (
        "# Note: call deadline: cannot read a date in 'soon \\x1b[2J\\u2028reference: x'" in written
    )
    assert cli("validate", out).exit_code == 0


def test_no_arguments_is_one_line(cli: Cli) -> None:
    result = cli("import")
    assert result.exit_code == 2
    assert result.stderr == (
        "consortium: name profile pages, texts or folders, or give --from-een (see --help)\n"
    )


def test_help_imports_neither_httpx_nor_the_importer() -> None:
    """Start-up: the importer and httpx load only when `import` runs (Typer's own help
    rendering brings Rich, as before this command existed)."""
    code = (
        "import sys\nfrom consortium.cli import main\nsys.argv = ['consortium', '--help']\n"
        "try:\n    main()\nexcept SystemExit:\n    pass\n"
        "print(sorted(m for m in sys.modules if m.split('.')[0] == 'httpx' "
        "or m.startswith('consortium.importing')))"
    )
    env = {**os.environ, "NO_COLOR": "1"}
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, env=env)
    assert done.stdout.splitlines()[-1] == "[]"
    imported = subprocess.run(
        [sys.executable, "-c", "import sys, consortium.cli; print(sorted(sys.modules))"],
        capture_output=True,
        text=True,
    ).stdout
    assert "'rich'" not in imported and "httpx" not in imported and "importing." not in imported


def _someone_writes_first(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> tuple[Path, Path]:
    """Two saved texts to import into ``out``; another program writes the first one's
    target while the import stages its group. Returns the texts' folder and that target."""
    from consortium.files import writes

    texts = tmp_path / "texts"
    texts.mkdir()
    own = OWN_TEXT.read_text(encoding="utf-8")
    for reference in ("RDNO20250203001", "RDNO20250203002"):
        (texts / f"{reference}.txt").write_text(own.replace("RDNO20250203001", reference))
    theirs = tmp_path / "out" / "RDNO20250203001.yaml"
    real_commit = writes.WriteBatch.commit

    def commit(files: writes.WriteBatch) -> dict[Path, Problem]:
        if len(files):
            theirs.write_text("someone else's\n")
        return real_commit(files)

    monkeypatch.setattr(writes.WriteBatch, "commit", commit)
    return texts, theirs


def test_a_file_that_appears_before_its_group_is_committed_is_reported_not_written(
    cli: Cli, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """That file is kept, its input reported as not imported; the other is written."""
    texts, theirs = _someone_writes_first(tmp_path, monkeypatch)
    out = theirs.parent
    ran = cli("import", texts, "-o", out, "--today", "2025-03-01")
    assert ran.exit_code == 2, ran.output
    assert ran.stderr.splitlines()[:3] == [
        f"{theirs}: exists: give --force to replace it",
        "consortium: 1 profile(s) imported (1 written, 0 unchanged), 1 not imported",
        f"wrote {out / 'RDNO20250203002.yaml'}",
    ]
    assert theirs.read_text() == "someone else's\n"
    assert sorted(p.name for p in out.iterdir()) == ["RDNO20250203001.yaml", "RDNO20250203002.yaml"]


def test_an_outcome_refused_at_its_commit_is_not_written(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Through the library: ``written`` is true only of a file on disk."""
    from datetime import date

    from consortium.importing.in_groups import settled_in_groups
    from consortium.importing.run import Options, import_file

    texts, theirs = _someone_writes_first(tmp_path, monkeypatch)
    options = Options(out=theirs.parent, today=date(2025, 3, 1))
    read = (import_file(path, options) for path in sorted(texts.iterdir()))
    settled = [o for batch in settled_in_groups(read, options, set()) for o in batch]
    assert [(o.written, [p.message for p in o.problems]) for o in settled] == [
        (False, ["exists: give --force to replace it"]),
        (True, []),
    ]
