"""Problems as values: a located message about one file.

Loading and validation never raise for a user's mistake; they return Problems, so one
bad file among many is reported and the others still load (as check-jsonschema does).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path


@dataclass(frozen=True, slots=True)
class Problem:
    """One thing wrong with one file, at a line and column (1-based; 0 when unknown)."""

    path: Path
    message: str
    line: int = 0
    column: int = 0

    def __str__(self) -> str:
        where = str(self.path)
        if self.line:
            where += f":{self.line}"
            if self.column:
                where += f":{self.column}"
        return f"{where}: {self.message}"


MAX_SHOWN = 60  # characters of a user's value quoted in a message
_CONTROL = re.compile("[\x00-\x1f\x7f-\x9f\u2028\u2029]")


def shorten(text: str, limit: int = MAX_SHOWN) -> str:
    """A user's text fit for a one-line message: line breaks escaped, at most ``limit`` chars."""
    if len(text) > limit:
        text = text[: limit - 3] + "..."
    return _CONTROL.sub(lambda m: repr(m[0])[1:-1], text)
