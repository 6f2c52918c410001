"""A new proposal repo, checked before it is written: `consortium init` is all or nothing.

The files of the skeleton (and the request copied in) are first written to a scratch
folder and validated there exactly as `consortium validate` does, with the target's own
``calls/`` beside them; only a repo that is valid as it stands is written to its folder,
each file through the one atomic write path.
"""

from __future__ import annotations

import shutil
import tempfile
from pathlib import Path

from consortium.files.problems import Problem

IMPORTED = "requests"  # what `consortium import` writes into a folder before `init` runs


def same_text(path: Path, text: str) -> bool:
    """``path`` is a regular file holding exactly ``text`` (nothing to write)."""
    try:
        return not path.is_symlink() and path.read_bytes() == text.encode("utf-8")
    except OSError:
        return False


def in_the_way(folder: Path, files: dict[str, str]) -> list[str]:
    """What stops writing ``files`` into ``folder`` without --force: an entry other than
    the requests/ that `consortium import` fills, or a file of ours that exists with other
    content. An empty list: the folder is new, empty, or holds only imported requests."""
    if not folder.is_dir():
        return []
    others = [entry.name for entry in folder.iterdir() if entry.name != IMPORTED]
    clashes = [n for n in files if (folder / n).exists() and not same_text(folder / n, files[n])]
    return sorted(others) + clashes


def staged_problems(folder: Path, files: dict[str, str]) -> list[Problem]:
    """What `consortium validate` would say of the new repo, its paths shown as they will
    be in ``folder``; an empty list when it is valid as it stands."""
    from consortium.files.validation import validate_paths

    with tempfile.TemporaryDirectory(prefix="consortium-init-") as scratch:
        stage = Path(scratch)
        for name, text in files.items():
            (stage / name).parent.mkdir(parents=True, exist_ok=True)
            (stage / name).write_text(text, encoding="utf-8")
        calls = folder / "calls"
        if calls.is_dir() and not calls.is_symlink():
            shutil.copytree(calls, stage / "calls", symlinks=True)
        result = validate_paths([stage])
        return [
            p._replace(path=folder / p.path.relative_to(stage))
            if p.path is not None and p.path.is_relative_to(stage)
            else p
            for p in result.problems
            if p.severity == "error"
        ]


def write_all(folder: Path, files: dict[str, str], force: bool) -> Problem | None:
    """Write every file that differs; the first problem stops the rest."""
    from consortium.files.writes import write_text

    for name, text in files.items():
        target = folder / name
        if same_text(target, text):
            continue
        problem = write_text(target, text, force)
        if problem:
            return problem
    return None
