"""Tables a terminal can read at any width, without breaking a reference, an id, a date.

A view offers its table in layouts from the widest to the narrowest (fewer or shorter
columns), and as stacked records. The first layout whose columns fit the width is drawn;
when none fits, each row is printed as a short block of lines. Columns of tokens never
wrap; only free text (names, titles) may, and only at spaces.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import TextIO

from consortium.display.text import visible
from consortium.report import plain
from consortium.report.console import UNWRAPPED, console, width

ELASTIC_MIN = 16  # a free-text column is allowed down to this width, or its longest word


@dataclass(frozen=True)
class Column:
    header: str
    cells: list[str]  # a cell may hold several lines
    elastic: bool = False  # free text that may wrap at spaces


def _widest(texts: list[str]) -> int:
    return max((len(line) for text in texts for line in text.split("\n")), default=0)


def _need(column: Column) -> int:
    full = max(_widest(column.cells), len(column.header))
    if not column.elastic:
        return full
    longest_word = max((len(w) for c in column.cells for w in c.split()), default=0)
    return min(full, max(ELASTIC_MIN, longest_word))


def fits(columns: list[Column], columns_available: int) -> bool:
    """Whether the columns fit: their widths, one space of padding each side, and one
    between columns (``box.SIMPLE_HEAD`` draws a blank separator)."""
    return sum(_need(c) for c in columns) + 3 * len(columns) - 1 <= columns_available


def write_table(
    stream: TextIO,
    title: str,
    layouts: list[list[Column]],
    records: list[list[str]],
    footer: str = "",
) -> None:
    """Draw the first layout that fits the terminal, else the stacked ``records``.

    Every title, cell, record and footer is made visible here (``text.visible``), whatever
    the view passed: a value from a file never reaches the terminal raw."""
    title, footer = visible(title), visible(footer)
    layouts = [[_visible(column) for column in layout] for layout in layouts]
    records = [[visible(line) for line in record] for record in records]
    available = width()
    chosen = next((cols for cols in layouts if fits(cols, available)), None)
    if plain.plain_stream(stream):
        drawn = "" if chosen is None else _plain_table(chosen, available)
        if drawn is not None:  # else a table only Rich measures right
            stream.write(plain.line(title))
            if chosen is None:
                for record in records:
                    for index, line in enumerate(record):
                        stream.write(plain.line(("  " if index else "") + line))
            stream.write(drawn)
            if footer:
                stream.write(plain.line(footer))
            return
    out = console(stream)
    out.print(title, soft_wrap=True)
    if chosen is None:
        for record in records:
            for index, line in enumerate(record):
                out.print(("  " if index else "") + line, soft_wrap=True)
    else:
        out.print(_table(chosen))
    if footer:
        out.print(footer, style="dim", soft_wrap=True)


def _plain_table(columns: list[Column], available: int) -> str | None:
    """The table as ``plain`` writes it for a log or a pipe, None when Rich must draw it."""
    return plain.table([(c.header, c.cells, c.elastic) for c in columns], available)


def _visible(column: Column) -> Column:
    cells = [visible(cell, keep_lines=True) for cell in column.cells]
    return Column(visible(column.header), cells, column.elastic)


def _table(columns: list[Column]) -> object:
    from rich import box
    from rich.table import Table

    table = Table(box=box.SIMPLE_HEAD, padding=(0, 1), show_edge=False)
    for column in columns:
        if column.elastic:
            table.add_column(column.header, overflow="fold", min_width=_need(column))
        else:
            need = _need(column)
            table.add_column(column.header, no_wrap=True, min_width=need, max_width=need)
    rows = zip(*(c.cells for c in columns), strict=True)
    for row in rows:
        table.add_row(*row)
    return table


def write_fields(title: str, rows: Sequence[tuple[str, str]], stream: TextIO) -> None:
    """One record's fields, a label and its value a line (`requests show`, `clusters show`,
    `calls show`). On a terminal, or at a width ``COLUMNS`` gives, Rich's grid folds long
    values under their column. Unwrapped (a log, a pipe) Rich would pad every line to the
    longest value and centre the title over that width (a 490-character line for the
    seed's title): there the same rows are written unpadded, the title on a line of its own."""
    shown = [(label, visible(value)) for label, value in rows]
    if width() == UNWRAPPED and plain.plain_stream(stream):
        stream.write(plain.line(title))
        label_width = max((len(label) for label, _ in shown), default=0)
        for label, value in shown:
            stream.write(plain.line(f" {label:<{label_width}}  {value}".rstrip()))
        return
    from rich.table import Table

    table = Table(show_header=False, box=None, title=title)
    table.add_column(style="bold", no_wrap=True)
    table.add_column(overflow="fold")
    for label, value in shown:
        table.add_row(label, value)
    console(stream).print(table)
