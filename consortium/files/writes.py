"""The one way the tool writes a file: atomically, never through a link, never over a user's
file unless told to (README, "Errors and limits").

Every command that writes (`import`, `init`, `deadlines --ics`, `suggest --apply`) goes
through ``write_text``: the content goes to a temporary file in the same folder, is flushed
to disk, then renamed over the target, so a reader sees the old file or the new one, never
half of one, and a failure leaves nothing behind. An import of many files uses
``WriteBatch``: the same steps and refusals, with one flush for many files.
"""

from __future__ import annotations

import contextlib
import os
import stat
import sys
import tempfile
from collections.abc import Callable
from pathlib import Path
from typing import NamedTuple

from consortium.files.problems import Problem


def write_text(path: Path, text: str, force: bool = False) -> Problem | None:
    """Write ``text`` to ``path``; None when done, else why not (nothing was changed)."""
    staged = _stage(path, text, force)
    if isinstance(staged, Problem):
        return staged
    try:
        _flush(staged.temp)
        os.replace(staged.temp, path)
    except OSError as exc:
        _remove(staged.temp)
        return Problem(path, f"cannot be written: {exc.strerror or exc}")
    return None


class _Staged(NamedTuple):
    """A file's new content, written to a temporary name beside it, not yet durable."""

    target: Path
    temp: str
    force: bool


def _stage(path: Path, text: str, force: bool) -> _Staged | Problem:
    """The refusals (a link, a special file, a file there without ``force``), then the
    content in a temporary file of the same folder with the target's mode, not flushed."""
    try:
        info = os.lstat(path)
    except FileNotFoundError:
        info = None
    except OSError as exc:
        return Problem(path, f"cannot be written: {exc.strerror or exc}")
    if info is not None:
        if stat.S_ISLNK(info.st_mode):
            return Problem(path, "is a symbolic link: the tool never writes through one")
        if not stat.S_ISREG(info.st_mode):
            return Problem(path, "exists and is not a regular file: choose another name")
        if not force:
            return Problem(path, "exists: give --force to replace it")
    folder = path.parent
    try:
        folder.mkdir(parents=True, exist_ok=True)
        fd, temp = tempfile.mkstemp(dir=folder, prefix=f".{path.name}.", suffix=".tmp")
    except OSError as exc:
        return Problem(path, f"cannot be written: {exc.strerror or exc}")
    try:
        with os.fdopen(fd, "w", encoding="utf-8", newline="\n") as handle:
            handle.write(text)
        os.chmod(temp, stat.S_IMODE(info.st_mode) if info else 0o666 & ~_umask())
    except OSError as exc:
        _remove(temp)
        return Problem(path, f"cannot be written: {exc.strerror or exc}")
    return _Staged(path, temp, force)


class WriteBatch:
    """Many files written as one step, each with ``write_text``'s promises.

    Flushing each file to disk on its own costs about 1 ms a file, most of importing 1 000
    pages. Here each file is written to its temporary name at once (``add``), and ``commit``
    makes them all durable together (one ``syncfs`` per folder's file system where Linux has
    it, else one ``fsync`` per file as ``write_text`` does), renames each over its target in
    the order added, and syncs the folders. A target is never replaced before its content is
    on disk, so a crash leaves each file old or new, never half of one; what was not
    committed is removed (``discard``, and on leaving the ``with`` block).
    """

    def __init__(self) -> None:
        self._staged: list[_Staged] = []

    def __enter__(self) -> WriteBatch:
        return self

    def __exit__(self, *exc: object) -> None:
        self.discard()

    def __len__(self) -> int:
        return len(self._staged)

    def add(self, path: Path, text: str, force: bool = False) -> Problem | None:
        """Refused now (as ``write_text`` would), or staged until ``commit``."""
        staged = _stage(path, text, force)
        if isinstance(staged, Problem):
            return staged
        self._staged.append(staged)
        return None

    def commit(self) -> dict[Path, Problem]:
        """Every staged file made durable and renamed over its target; the problems of those
        that could not be (by target), which were left unchanged."""
        staged, self._staged = self._staged, []
        problems: dict[Path, Problem] = {}
        flushed = _flush_all(staged)
        for item in staged:
            try:
                if item.temp not in flushed:
                    _flush(item.temp)
                if not item.force and os.path.lexists(item.target):  # appeared meanwhile
                    _remove(item.temp)
                    problems[item.target] = Problem(
                        item.target, "exists: give --force to replace it"
                    )
                    continue
                os.replace(item.temp, item.target)
            except OSError as exc:
                _remove(item.temp)
                problems[item.target] = Problem(
                    item.target, f"cannot be written: {exc.strerror or exc}"
                )
        _sync_folders({os.path.dirname(item.temp) for item in staged})
        return problems

    def discard(self) -> None:
        """Remove what was staged and not committed (an interrupted import)."""
        staged, self._staged = self._staged, []
        for item in staged:
            _remove(item.temp)


def _flush(temp: str) -> None:
    """One file's content made durable (through a descriptor that may write: Windows'
    ``_commit`` needs one)."""
    fd = os.open(temp, os.O_RDWR | getattr(os, "O_BINARY", 0))
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def _flush_all(staged: list[_Staged]) -> set[str]:
    """The temporary files made durable by one ``syncfs`` of their folder's file system
    (Linux); the others are flushed one by one by the caller."""
    syncfs = _syncfs()
    if syncfs is None or not staged:
        return set()
    done: set[str] = set()
    for folder in {os.path.dirname(item.temp) for item in staged}:
        try:
            fd = os.open(folder, os.O_RDONLY)
        except OSError:
            continue
        try:
            if syncfs(fd) == 0:
                done.update(item.temp for item in staged if os.path.dirname(item.temp) == folder)
        finally:
            os.close(fd)
    return done


def _syncfs() -> Callable[[int], int] | None:
    """glibc's ``syncfs`` (Linux), which Python's ``os`` does not offer; None elsewhere."""
    if not sys.platform.startswith("linux"):
        return None
    import ctypes

    try:
        function: Callable[[int], int] = ctypes.CDLL(None, use_errno=True).syncfs
    except (OSError, AttributeError):
        return None
    return function


def _sync_folders(folders: set[str]) -> None:
    """The renames themselves made durable (a folder's entries are its content)."""
    for folder in folders:
        with contextlib.suppress(OSError):
            fd = os.open(folder, os.O_RDONLY)
            try:
                os.fsync(fd)
            finally:
                os.close(fd)


def _umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask


def _remove(temp: str) -> None:
    with contextlib.suppress(OSError):
        os.unlink(temp)
