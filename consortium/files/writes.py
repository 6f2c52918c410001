"""The one way the tool writes a file: atomically, never through a link, never over a user's
file unless told to (README, "Errors and limits").

Every command that writes (`import`, `init`, `deadlines --ics`, `suggest --apply`) goes
through ``write_text``: the content goes to a temporary file in the same folder, is flushed
to disk, then renamed over the target, so a reader sees the old file or the new one, never
half of one, and a failure leaves nothing behind.
"""

from __future__ import annotations

import contextlib
import os
import stat
import tempfile
from pathlib import Path

from consortium.files.problems import Problem


def write_text(path: Path, text: str, force: bool = False) -> Problem | None:
    """Write ``text`` to ``path``; None when done, else why not (nothing was changed)."""
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
            handle.flush()
            os.fsync(handle.fileno())
        if info is not None:
            os.chmod(temp, stat.S_IMODE(info.st_mode))
        else:
            os.chmod(temp, 0o666 & ~_umask())
        os.replace(temp, path)
    except OSError as exc:
        _remove(temp)
        return Problem(path, f"cannot be written: {exc.strerror or exc}")
    return None


def _umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask


def _remove(temp: str) -> None:
    with contextlib.suppress(OSError):
        os.unlink(temp)
