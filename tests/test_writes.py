"""The one write path: atomic, never through a link, never over a file without force."""

from __future__ import annotations

import os
import sys
from pathlib import Path

import pytest

from consortium.files import writes
from consortium.files.problems import Problem
from consortium.files.writes import WriteBatch, write_text
from tests.conftest import OWN_TEXT, REQUESTS, Cli, Ran


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


# --- many files as one step: WriteBatch (issue 22, point 7) -------------------------------


def _names(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.iterdir())


@pytest.mark.parametrize("syncfs", [True, False])
def test_a_batch_writes_what_write_text_writes(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, syncfs: bool
) -> None:
    """With one flush for all (Linux's syncfs) or one per file, the files, their modes and
    the refusals are write_text's."""
    if not syncfs:
        monkeypatch.setattr(writes, "_syncfs", lambda: None)
    one, batched = tmp_path / "one", tmp_path / "batch"
    for folder in (one, batched):
        folder.mkdir()
        (folder / "kept.yaml").write_text("mine\n")
        (folder / "replaced.yaml").write_text("old\n")
        os.chmod(folder / "replaced.yaml", 0o600)
        (folder / "victim").write_text("keep")
        (folder / "link.yaml").symlink_to(folder / "victim")
    plan = [("new.yaml", "new\n", False), ("kept.yaml", "theirs\n", False)]
    plan += [("replaced.yaml", "new\n", True), ("link.yaml", "x\n", True)]
    plan += [("sub/deep.yaml", "deep\n", False)]
    alone = [write_text(one / name, text, force) for name, text, force in plan]
    with WriteBatch() as files:
        staged = [files.add(batched / name, text, force) for name, text, force in plan]
        assert not (batched / "new.yaml").exists()  # nothing replaced before the commit
        assert files.commit() == {}
    assert [p and p.message for p in staged] == [p and p.message for p in alone]
    for name in ("new.yaml", "kept.yaml", "replaced.yaml", "victim", "sub/deep.yaml"):
        assert (batched / name).read_text() == (one / name).read_text(), name
        assert (batched / name).stat().st_mode == (one / name).stat().st_mode, name
    assert _names(batched) == _names(one)  # no temporary left
    assert os.path.islink(batched / "link.yaml")


def test_a_batch_refuses_a_file_that_appeared_before_the_commit(tmp_path: Path) -> None:
    target = tmp_path / "a.yaml"
    with WriteBatch() as files:
        assert files.add(target, "ours\n") is None
        target.write_text("someone else's\n")
        refused = files.commit()
    assert list(refused) == [target] and "give --force" in refused[target].message
    assert target.read_text() == "someone else's\n"
    assert _names(tmp_path) == ["a.yaml"]


def test_an_interrupted_batch_leaves_nothing(tmp_path: Path) -> None:
    (tmp_path / "b.yaml").write_text("old\n")
    with pytest.raises(KeyboardInterrupt), WriteBatch() as files:
        files.add(tmp_path / "a.yaml", "new\n")
        files.add(tmp_path / "b.yaml", "new\n", force=True)
        assert len(_names(tmp_path)) == 3  # b.yaml and two staged temporaries
        raise KeyboardInterrupt
    assert _names(tmp_path) == ["b.yaml"]
    assert (tmp_path / "b.yaml").read_text() == "old\n"


def test_a_commit_that_cannot_rename_says_why(tmp_path: Path) -> None:
    target = tmp_path / "a.yaml"
    with WriteBatch() as files:
        files.add(target, "new\n")
        target.mkdir()  # a folder took the name: force is off, so it is refused
        refused = files.commit()
    assert "exists" in refused[target].message and target.is_dir()
    assert _names(tmp_path) == ["a.yaml"]


def test_an_import_flushes_in_groups_not_file_by_file(
    cli: Cli, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Every imported file is on disk before it is reported, but 250 files cost a few
    flushes, not 250 (where Linux's syncfs is there; elsewhere one per file, as before)."""
    if not sys.platform.startswith("linux"):
        pytest.skip("needs syncfs (Linux): elsewhere each file is flushed on its own")
    texts = tmp_path / "texts"
    texts.mkdir()
    own = OWN_TEXT.read_text(encoding="utf-8")
    for i in range(250):
        reference = f"RDNO20250203{i:03d}"
        (texts / f"{reference}.txt").write_text(own.replace("RDNO20250203001", reference))
    flushes: list[int] = []
    real_fsync = os.fsync

    def counted(fd: int) -> None:
        flushes.append(fd)
        real_fsync(fd)

    monkeypatch.setattr(os, "fsync", counted)
    ran = cli("import", texts, "-o", tmp_path / "out", "--today", "2025-03-01")
    assert ran.exit_code == 0, ran.output
    assert len(list((tmp_path / "out").glob("RDNO*.yaml"))) == 250
    assert not list((tmp_path / "out").glob(".*"))  # no temporary left
    assert len(flushes) <= 6  # the folder once per group of 100 inputs


# --- every refusal and failure, word for word (mutation testing, docs/mutation.md) --------


def _ics(cli: Cli, target: Path) -> Ran:
    """``deadlines --ics TARGET``, as a user types it."""
    return cli("deadlines", REQUESTS, "--ics", target, "--today", "2020-11-20")


def test_each_refusal_is_one_line_naming_the_file(cli: Cli, tmp_path: Path) -> None:
    (tmp_path / "file").write_text("x")
    (tmp_path / "victim").write_text("keep")
    (tmp_path / "link.ics").symlink_to(tmp_path / "victim")
    (tmp_path / "folder.ics").mkdir()
    (tmp_path / "dangling").symlink_to(tmp_path / "nowhere")
    (tmp_path / "there.ics").write_text("mine")
    expected = {
        tmp_path / "file" / "a.ics": "cannot be written: Not a directory",
        tmp_path / "link.ics": "is a symbolic link: the tool never writes through one",
        tmp_path / "folder.ics": "exists and is not a regular file: choose another name",
        tmp_path / "dangling" / "a.ics": "cannot be written: File exists",
        tmp_path / "there.ics": "exists: give --force to replace it",
    }
    for target, message in expected.items():
        ran = _ics(cli, target)
        assert (ran.stderr, ran.exit_code) == (f"{target}: {message}\n", 2)
    assert (tmp_path / "victim").read_text() == "keep"
    assert (tmp_path / "there.ics").read_text() == "mine"


def test_a_new_file_has_the_mode_the_umask_leaves(cli: Cli, tmp_path: Path) -> None:
    old = os.umask(0o002)
    try:
        assert _ics(cli, tmp_path / "a.ics").exit_code == 0
    finally:
        os.umask(old)
    assert (tmp_path / "a.ics").stat().st_mode & 0o777 == 0o664


def test_a_temporary_is_hidden_beside_its_target_until_committed(tmp_path: Path) -> None:
    """A listing or a user's glob for ``*.yaml`` never meets a half-written file, and a
    leftover (after a power cut) says whose it was."""
    with WriteBatch() as files:
        assert files.add(tmp_path / "a.yaml", "new\n") is None
        (temp,) = _names(tmp_path)
        assert temp.startswith(".a.yaml.") and temp.endswith(".tmp"), temp
        (tmp_path / temp).unlink()  # someone cleans up meanwhile: discarding is no error
    assert _names(tmp_path) == []


def test_a_failure_after_staging_says_why_and_leaves_nothing(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A write that fails at its last step (a full disk, a quota) changes nothing."""
    target = tmp_path / "a.yaml"
    target.write_text("old\n")

    def refused(*_: object) -> None:
        raise OSError(122, "Disk quota exceeded")

    for step in ("chmod", "replace"):
        with monkeypatch.context() as patched:
            patched.setattr(os, step, refused)
            problem = write_text(target, "new\n", force=True)
        assert problem == Problem(target, "cannot be written: Disk quota exceeded"), step
        assert _names(tmp_path) == ["a.yaml"] and target.read_text() == "old\n"


def test_a_batch_commits_the_files_after_one_refused(tmp_path: Path) -> None:
    first, second = tmp_path / "a.yaml", tmp_path / "b.yaml"
    with WriteBatch() as files:
        assert files.add(first, "ours\n") is None
        assert files.add(second, "ours\n") is None
        first.write_text("someone else's\n")
        refused = files.commit()
    assert refused == {first: Problem(first, "exists: give --force to replace it")}
    assert first.read_text() == "someone else's\n" and second.read_text() == "ours\n"
    assert _names(tmp_path) == ["a.yaml", "b.yaml"]


def test_a_batch_that_cannot_rename_says_why(tmp_path: Path) -> None:
    """Forced over a name a non-empty folder took meanwhile: the rename fails, said as such."""
    target, other = tmp_path / "a.yaml", tmp_path / "b.yaml"
    with WriteBatch() as files:
        files.add(target, "new\n", force=True)
        files.add(other, "new\n")
        target.mkdir()
        (target / "inside").write_text("x")
        refused = files.commit()
    assert refused == {target: Problem(target, "cannot be written: Is a directory")}
    assert other.read_text() == "new\n" and _names(tmp_path) == ["a.yaml", "b.yaml"]


@pytest.mark.parametrize("syncfs", [True, False])
def test_a_file_system_that_cannot_flush_a_folder_is_no_failure(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, syncfs: bool
) -> None:
    """Some file systems refuse ``fsync`` on a folder (EINVAL): the files are still written;
    each file is flushed on its own where there is no syncfs."""
    import stat

    if not syncfs:
        monkeypatch.setattr(writes, "_syncfs", lambda: None)
    flushed: list[str] = []
    real_fsync = os.fsync

    def fsync(fd: int) -> None:
        if stat.S_ISDIR(os.fstat(fd).st_mode):
            raise OSError(22, "Invalid argument")
        flushed.append(os.readlink(f"/proc/self/fd/{fd}"))
        real_fsync(fd)

    monkeypatch.setattr(os, "fsync", fsync)
    with WriteBatch() as files:
        for name in ("a.yaml", "b.yaml"):
            files.add(tmp_path / name, "new\n")
        assert files.commit() == {}
    assert _names(tmp_path) == ["a.yaml", "b.yaml"]
    assert len(flushed) == (0 if syncfs else 2)


def test_a_batch_syncs_the_file_system_of_its_folder(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    if writes._syncfs() is None:
        pytest.skip("needs syncfs (Linux)")
    synced: list[int] = []

    def syncfs(fd: int) -> int:
        synced.append(os.fstat(fd).st_ino)
        return 0

    monkeypatch.setattr(writes, "_syncfs", lambda: syncfs)
    with WriteBatch() as files:
        files.add(tmp_path / "a.yaml", "new\n")
        assert files.commit() == {}
    assert synced == [tmp_path.stat().st_ino]


def test_the_folders_a_file_needs_are_made(cli: Cli, tmp_path: Path) -> None:
    target = tmp_path / "calendars" / "2020" / "a.ics"
    ran = _ics(cli, target)
    assert ran.exit_code == 0, ran.output
    assert target.read_text(encoding="utf-8").startswith("BEGIN:VCALENDAR")
