"""The one write path: atomic, never through a link, never over a file without force."""

from __future__ import annotations

import os
from pathlib import Path

from consortium.files.writes import write_text


def test_writes_new_file_and_refuses_to_overwrite(tmp_path: Path) -> None:
    target = tmp_path / "sub" / "a.yaml"
    assert write_text(target, "one\n") is None
    assert target.read_text() == "one\n"
    problem = write_text(target, "two\n")
    assert problem is not None and "give --force" in problem.message
    assert target.read_text() == "one\n"
    assert write_text(target, "two\n", force=True) is None
    assert target.read_text() == "two\n"
    assert [p.name for p in target.parent.iterdir()] == ["a.yaml"]  # no temporary left


def test_never_writes_through_a_link(tmp_path: Path) -> None:
    victim = tmp_path / "victim.txt"
    victim.write_text("keep")
    link = tmp_path / "a.yaml"
    link.symlink_to(victim)
    problem = write_text(link, "x", force=True)
    assert problem is not None and "symbolic link" in problem.message
    assert victim.read_text() == "keep" and os.path.islink(link)


def test_keeps_the_mode_of_a_replaced_file(tmp_path: Path) -> None:
    target = tmp_path / "a.yaml"
    target.write_text("old")
    target.chmod(0o600)
    assert write_text(target, "new", force=True) is None
    assert target.stat().st_mode & 0o777 == 0o600
