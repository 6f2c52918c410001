"""Where the user stands: the proposal found by looking upward for ``consortium.yaml``.

As git and ruff find their roots, a command run in a proposal's subfolder (``clusters/``)
or given a folder (``check .``) works on the proposal holding it. The search concerns the
user's own standing, never an id read from a file, and stops at the top of a git work tree
and at the filesystem root: it never wanders into a folder above the repository (README,
"Safe in a pull request's CI").
"""

from __future__ import annotations

import os
from pathlib import Path

MARKER = "consortium.yaml"


def proposal_folder(start: Path = Path(".")) -> Path | None:
    """The nearest folder from ``start`` upward holding ``consortium.yaml``, or None.

    Relative when ``start`` is (``..`` from ``clusters/``), so messages name files as the
    user would type them. A ``consortium.yaml`` that is a link is found, not followed: the
    loader judges where it leads.
    """
    here = Path(os.path.abspath(start))
    for folder in (here, *here.parents):
        marker = folder / MARKER
        if os.path.lexists(marker) and not os.path.isdir(marker):
            return folder if start.is_absolute() else Path(os.path.relpath(folder))
        if os.path.lexists(folder / ".git"):
            return None
    return None


def consortium_at(path: Path) -> Path | None:
    """The consortium file ``path`` names: the path itself unless it is a folder; for a
    folder, the ``consortium.yaml`` of the proposal holding it (None when there is none).
    A folder named like a YAML file was meant as a file: it stays, to be refused as one."""
    if not path.is_dir() or path.suffix in (".yaml", ".yml"):
        return path
    folder = proposal_folder(path)
    return folder / MARKER if folder is not None else None
