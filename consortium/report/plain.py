"""Reports for a log or a pipe written without Rich, byte for byte as Rich writes them there.

Importing Rich and building its console and table costs a report 15-25 ms of start-up
(``check`` text stood at 1.3x a minimal Typer app with it, 1.15-1.25x without). Where the
output is no terminal Rich draws no colour and no style, so its lines are plain text that
this module writes directly: a line printed with
``soft_wrap`` and the ``box.SIMPLE_HEAD`` tables of ``layout``. Only the cases whose bytes are
known to match are written here; the others are left to Rich (``plain_stream``, ``table``).
``tests/test_plain_output.py`` holds both writers to the same bytes.
"""

from __future__ import annotations

import os
import re
import sys
from collections.abc import Sequence
from functools import cache
from itertools import pairwise
from typing import TextIO

# Characters Rich shows one cell wide (checked against Rich's own table by a test): ASCII,
# Latin-1 to Latin Extended-B and IPA, basic Greek and Cyrillic. A table holding any other
# character (wide, combining, zero-width) is measured and drawn by Rich itself.
NARROW = (
    "[\x20-\x7e\xa0-\u02ff\u0370-\u0377\u037a-\u037f\u0384-\u038a\u038c\u038e-\u03a1"
    "\u03a3-\u0482\u048a-\u052f\n]*"
)
_CONTROLS = str.maketrans(dict.fromkeys((7, 8, 11, 12, 13)))  # what rich.text.Text strips
_TRAILING_SPACE = re.compile(r"\s+$")
RULE = "\u2500"  # the line under a table's header (box.SIMPLE_HEAD)


@cache
def _narrow() -> re.Pattern[str]:
    return re.compile(NARROW)


def plain_stream(stream: TextIO) -> bool:
    """Whether Rich would write ``stream`` as plain text: no terminal (nor one forced by
    ``TTY_COMPATIBLE`` or ``FORCE_COLOR``, Rich's rules), a UTF encoding (else Rich draws
    ASCII boxes), and not Windows (whose legacy consoles Rich sizes and draws its own way)."""
    if sys.platform == "win32":
        return False
    encoding = (getattr(stream, "encoding", "utf-8") or "utf-8").lower()
    if not encoding.startswith("utf"):
        return False
    compatible = os.environ.get("TTY_COMPATIBLE", "")
    if compatible in ("0", "1"):
        return compatible == "0"
    if os.environ.get("FORCE_COLOR") is not None:
        return os.environ["FORCE_COLOR"] == ""
    isatty = getattr(stream, "isatty", None)
    try:
        return isatty is None or not isatty()
    except ValueError:  # a closed stream: Rich calls it no terminal too
        return True


def line(text: str) -> str:
    """What Rich prints for ``Text(text)`` with ``soft_wrap``: the text as it is, unwrapped
    and uncut, but for the control characters ``rich.text.Text`` drops. ``text`` holds no
    tab (Rich would expand it; ``visible`` has escaped every one)."""
    return text.translate(_CONTROLS) + "\n"


def table(columns: Sequence[tuple[str, Sequence[str], bool]], width: int) -> str | None:
    """A ``box.SIMPLE_HEAD`` table without edges, one space of padding each side of a cell,
    as Rich draws it; ``columns`` are (header, cells, elastic), a layout that fits
    (``layout.fits``). Every column is as wide as its widest line; when the whole does not
    fit ``width``, the one elastic column gives up the excess and its cells wrap at spaces
    (``_wrap``). None when the bytes are not sure: a character not one cell wide, more than
    one elastic column, or too little room."""
    headers = [header.translate(_CONTROLS) for header, _, _ in columns]
    cells = [[c.translate(_CONTROLS) for c in column] for _, column, _ in columns]
    pattern = _narrow()
    if not all(pattern.fullmatch(t) for t in (*headers, *(c for col in cells for c in col))):
        return None
    widths = [
        max(len(part) for text in (h, *column) for part in text.split("\n"))
        for h, column in zip(headers, cells, strict=True)
    ]
    excess = sum(widths) + 3 * len(widths) - 1 - width
    elastic = [index for index, (_, _, flexible) in enumerate(columns) if flexible]
    wrap_at: int | None = None
    if excess > 0:
        if len(elastic) != 1 or widths[elastic[0]] <= excess:
            return None
        wrap_at = widths[elastic[0]] = widths[elastic[0]] - excess

    def lines(row: Sequence[str]) -> list[list[str]]:
        split = [cell.split("\n") for cell in row]
        if wrap_at is not None:
            split[elastic[0]] = [
                part for text in split[elastic[0]] for part in _wrap(text, wrap_at)
            ]
        return split

    out = [_row(lines(headers), widths), RULE.join(RULE * (w + 2) for w in widths) + "\n"]
    out += [_row(lines(row), widths) for row in zip(*cells, strict=True)]
    return "".join(out)


def _row(cells: list[list[str]], widths: list[int]) -> str:
    """One row, as many lines high as its tallest cell, each cell's line padded to its
    column (Rich's left justification) and blank below its last line."""
    height = max(len(lines) for lines in cells)
    rows = []
    for index in range(height):
        parts = [
            f" {(lines[index] if index < len(lines) else ''):<{w}} "
            for lines, w in zip(cells, widths, strict=True)
        ]
        rows.append(" ".join(parts) + "\n")
    return "".join(rows)


_WORD = re.compile(r"\s*\S+\s*")


def _wrap(text: str, width: int) -> list[str]:
    """``text`` in lines of at most ``width`` characters as Rich folds a cell
    (``rich._wrap.divide_line`` with ``fold``, then ``Text.rstrip_end`` and ``truncate``):
    at spaces, a word longer than a line cut into pieces; spaces past the width dropped."""
    breaks: list[int] = []
    offset = 0
    for match in _WORD.finditer(text):
        start, word = match.start(), match.group()
        length = len(word.rstrip())
        if width - offset >= length:
            offset += len(word)
        elif length > width:
            pieces = [word[i : i + width] for i in range(0, len(word), width)]
            for index, piece in enumerate(pieces):
                if start:
                    breaks.append(start)
                if index == len(pieces) - 1:
                    offset = len(piece)
                else:
                    start += len(piece)
        elif offset and start:
            breaks.append(start)
            offset = len(word)
    bounds = [0, *breaks, len(text)]
    return [_rstrip_end(text[a:b], width)[:width] for a, b in pairwise(bounds)]


def _rstrip_end(text: str, width: int) -> str:
    """``rich.text.Text.rstrip_end``: trailing whitespace beyond ``width`` characters goes."""
    if len(text) <= width:
        return text
    spaces = _TRAILING_SPACE.search(text)
    if spaces is None:
        return text
    return text[: len(text) - min(len(spaces.group()), len(text) - width)]
