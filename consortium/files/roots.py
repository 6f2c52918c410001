"""The proposal's root: no file the tool reads may lie outside it.

In a pull request the author controls every file, symbolic links included (README, "Safe
in a pull request's CI"). A link from ``clusters/`` to ``~/.git-credentials`` would otherwise
be read and quoted back in an error message. The root is the git work tree holding the folder
the tool was pointed at (clusters shared by several proposals of one repository keep
working), or that folder itself outside git. Links that stay inside it are followed.
"""

from __future__ import annotations

import os
from pathlib import Path

from consortium.files.problems import Problem

OUTSIDE = (
    "is a link that leads outside the proposal's folder ({root}): "
    "links must stay inside the repository"
)


class Root:
    """A folder no read may leave, with the folders already found inside it remembered
    (a listing of 10 000 files resolves its folder once, not each file's path)."""

    def __init__(self, folder: Path) -> None:
        self.path = os.path.realpath(folder)
        self._inside_folders: dict[str, bool] = {}

    @classmethod
    def around(cls, folder: Path) -> Root:
        """The git work tree holding ``folder``, else the folder itself."""
        folder = Path(os.path.abspath(folder))
        for candidate in (folder, *folder.parents):
            if os.path.lexists(candidate / ".git"):
                return cls(candidate)
        return cls(folder)

    def holds(self, real: str) -> bool:
        return real == self.path or real.startswith(self.path.rstrip(os.sep) + os.sep)

    def refuses(self, path: Path) -> Problem | None:
        """Why ``path`` may not be read (it, or its folder, leads outside), or None.

        A folder is judged by where it really is: ``.`` is the root itself, although its
        parent lies outside (reading it then fails as a folder, not as a link)."""
        if os.path.isdir(path) and self.holds(os.path.realpath(path)):
            return None
        parent = os.path.dirname(os.path.abspath(path))
        inside = self._inside_folders.get(parent)
        if inside is None:
            inside = self._inside_folders[parent] = self.holds(os.path.realpath(parent))
        if not inside or (os.path.islink(path) and not self.holds(os.path.realpath(path))):
            return Problem(path, OUTSIDE.format(root=self.path))
        return None

    def refuses_folder(self, folder: Path) -> Problem | None:
        """Why the folder ``folder`` may not be listed, or None."""
        if not self.holds(os.path.realpath(folder)):
            return Problem(folder, OUTSIDE.format(root=self.path))
        return None
