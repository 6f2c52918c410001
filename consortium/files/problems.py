"""Problems as values: a located message about one file, or about what is no file.

Loading and validation never raise for a user's mistake; they return Problems, so one
bad file among many is reported and the others still load (as check-jsonschema does).
"""

from __future__ import annotations

from pathlib import Path
from typing import Literal, NamedTuple

from consortium.display.text import MAX_SHOWN, path_text, shorten, visible

__all__ = ["MAX_SHOWN", "Problem", "shorten"]


class Problem(NamedTuple):
    """One thing wrong with one file, at a line and column (1-based; 0 when unknown), and
    how bad: an ``error`` stops the file from being used, a ``warning`` does not. The one
    way the library reports a failure: never a bare string.

    A failure that is about no file (standard output, an option's value, a web address) has
    no ``path``; ``subject`` then names what it is about, when the message does not."""

    path: Path | None
    message: str
    line: int = 0
    column: int = 0
    severity: Literal["error", "warning"] = "error"
    subject: str = ""

    @property
    def place(self) -> str:
        """The file (made safe to show), else the subject: where the problem is."""
        return path_text(self.path) if self.path is not None else visible(self.subject)

    def __str__(self) -> str:
        """Exactly one line, whatever the file's name or the message hold."""
        if not (where := self.place):
            return visible(self.message)
        if self.line:
            where += f":{self.line}"
            if self.column:
                where += f":{self.column}"
        said = "warning: " if self.severity == "warning" else ""
        return f"{where}: {said}{visible(self.message)}"
