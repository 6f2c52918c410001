"""Values every view writes the same way: deadlines, labels, places, booleans, JSON."""

from __future__ import annotations

import json
import re
from collections.abc import Iterable
from datetime import date, datetime
from functools import cache
from typing import TYPE_CHECKING, Any, TextIO

from consortium.display.text import path_text, visible
from consortium.facts.deadlines import Deadline, countdown, stamp

if TYPE_CHECKING:
    from consortium.check.context import Finding
    from consortium.check.runner import Checked
    from consortium.models import Label


def deadline_value(deadline: Deadline, now: datetime) -> dict[str, Any]:
    """The shape of docs/formats.md: name, ISO datetime with offset, seconds left, passed."""
    seconds = deadline.remaining_seconds(now)
    return {
        "name": deadline.name,
        "at": deadline.at.isoformat(),
        "remaining_seconds": seconds,
        "passed": seconds < 0,
    }


UNKNOWN_CALL_DEADLINE = "unknown: give it as deadlines: call in the request or consortium file"


def deadline_values(deadlines: list[Deadline], now: datetime) -> list[dict[str, Any]]:
    """Every deadline's value, and the call deadline's with ``at: null`` when unknown."""
    values = [deadline_value(d, now) for d in deadlines]
    if not any(d.name == "call" for d in deadlines):
        values.append({"name": "call", "at": None, "remaining_seconds": None, "passed": None})
    return values


def deadline_lines(report: Checked) -> list[tuple[str, str]]:
    """('Call deadline', '02 Feb 2021 17:00 CET (in 67 days 17 h)') for each deadline, the
    call deadline said to be unknown when neither call nor request gives it (nothing for a
    file that could not be checked: its deadlines were never read)."""
    if not report.checked:
        return []
    lines = [(d.title, when(d, report.now)) for d in report.deadlines]
    if not any(d.name == "call" for d in report.deadlines):
        lines.append(("Call deadline", UNKNOWN_CALL_DEADLINE))
    return lines


def when(deadline: Deadline | None, now: datetime, sep: str = " ") -> str:
    """'02 Feb 2021 17:00 CET (in 67 days 17 h)' for people; ``sep`` may break the line."""
    if deadline is None:
        return "-"
    return f"{stamp(deadline.at)}{sep}({countdown(deadline.remaining_seconds(now))})"


def yes_no(value: bool) -> str:
    """A boolean for people; machine formats write true/false."""
    return "yes" if value else "no"


def plain_value(value: Any) -> str:
    """A value of a file as its reader wrote it: a list as 'COSME, EU', a mapping as
    'required: yes, level: gold', never a Python repr (['COSME'], True)."""
    if isinstance(value, bool):
        return yes_no(value)
    if isinstance(value, list | tuple):
        return ", ".join(plain_value(v) for v in value)
    if isinstance(value, dict):
        return ", ".join(f"{k}: {plain_value(v)}" for k, v in value.items())
    return str(value)


# OWASP's CSV-injection advice: a cell starting with one of these is read as a formula by
# Excel, LibreOffice and Google Sheets (``=HYPERLINK(...)``, ``@SUM(...)``, ``-2+3``).
FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def csv_value(value: Any) -> Any:
    """A CSV cell, the only way any writer fills one: booleans as JSON writes them, text
    visible (no control characters) and, when a spreadsheet would read it as a formula,
    after a single quote (``'=1+1``), which spreadsheets show and never evaluate. Numbers
    the tool computes (``remaining_seconds: -3600``) are no text and stay numbers."""
    if isinstance(value, bool):
        return "true" if value else "false"
    if not isinstance(value, str):
        return value
    return visible("'" + value if value.startswith(FORMULA_START) else value)


def csv_document(stream: TextIO, header: list[str], rows: Iterable[list[Any]]) -> None:
    """A CSV document: the header, then ``rows`` with every cell through ``csv_value``."""
    import csv

    writer = csv.writer(stream, lineterminator="\n")
    writer.writerow(header)
    writer.writerows([csv_value(cell) for cell in row] for row in rows)


class Code(str):
    """A value to show as inline code in Markdown (an id, a reference, a file name)."""


class Markdown(str):
    """Markdown a writer built itself from values already through ``md``."""


MARKDOWN_VALUE = 200  # characters of one value shown in Markdown; the rest is cut
SUMMARY_BYTES = 900_000  # a job summary must stay under GitHub's 1 MiB (1 048 576 bytes)


@cache
def _markdown_special() -> re.Pattern[str]:
    # What CommonMark and GitHub read as markup inside a line: emphasis, strike-through,
    # code, links and images (no '[', no link), HTML and entities, table pipes, and a
    # heading's closing '#'.
    return re.compile(r"([\\`*_~\[\]<>&|#])")


def md(value: str, table: bool = False) -> str:
    """Any value shown in Markdown, the only way a writer puts one there.

    Plain text is visible (control characters as ``\\x1b``) and every character Markdown
    would read as markup is backslash-escaped, so ``<h1>``, ``[a](b)``, ``![i](u)`` and
    ``*x*`` render as the text they are. ``Code`` becomes a code span long enough to hold
    any backticks of the value. Both are cut at ``MARKDOWN_VALUE`` characters. ``Markdown``
    is the writer's own, kept. In a table cell (``table``), a pipe in a code span is escaped
    too: GitHub splits cells before it reads code spans.
    """
    if isinstance(value, Markdown):
        return str(value)
    text = value if len(value) <= MARKDOWN_VALUE else value[: MARKDOWN_VALUE - 3] + "..."
    text = visible(text)
    if not isinstance(value, Code):
        return _markdown_special().sub(r"\\\1", text)
    if table:
        text = text.replace("|", "\\|")
    longest = max((len(run) for run in re.findall("`+", text)), default=0)
    fence = "`" * (longest + 1)
    pad = " " if text.startswith("`") or text.endswith("`") or not text.strip(" ") else ""
    return f"{fence}{pad}{text}{pad}{fence}"


def markdown_table(headers: list[str], rows: list[list[str]]) -> str:
    """A GitHub table; every cell through ``md`` (``Code`` cells as code spans)."""
    lines = ["| " + " | ".join(headers) + " |", "|" + "---|" * len(headers)]
    lines += ["| " + " | ".join(md(c, table=True) for c in row) + " |" for row in rows]
    return "\n".join(lines) + "\n"


def markdown_fields(title: str, rows: list[tuple[str, str]], stream: TextIO) -> None:
    """One record for a report: a heading and a two-column table of its fields, as the
    text view shows them (a ``show`` command's ``--format markdown``)."""
    stream.write(f"## {md(title)}\n\n")
    stream.write(markdown_table(["Field", "Value"], [[k, v] for k, v in rows]))


def label_on(label: Label | None, day: date) -> str:
    """'gold until 2023-06-30', or 'gold, lapsed 2022-12-31' once ``day`` is past it: a
    label as it stands on the judged day (`clusters list|show`)."""
    if label is None:
        return "-"
    if label.valid_until is None:
        return label.level
    if label.valid_until < day:
        return f"{label.level}, lapsed {label.valid_until}"
    return f"{label.level} until {label.valid_until}"


def within_summary(lines: list[str], budget: int = SUMMARY_BYTES) -> list[str]:
    """``lines`` up to ``budget`` bytes of UTF-8, then one line saying how many were cut:
    a job summary over 1 MiB is refused by GitHub whole."""
    used = 0
    for index, line in enumerate(lines):
        used += len(line.encode("utf-8", "replace")) + 1
        if used > budget:
            left = len(lines) - index
            return [*lines[:index], "", f"{left} more line(s) not shown: see `--format json`"]
    return lines


def label_text(label: Label | None, deadline: datetime | None) -> str:
    """'gold, valid until 2022-06-30' or 'gold, lapses 2021-01-15 (before the deadline)'."""
    if label is None:
        return "-"
    if label.valid_until is None:
        return label.level
    lapses = deadline is not None and label.valid_until < deadline.date()
    if lapses:
        return f"{label.level}, lapses {label.valid_until} (before the deadline)"
    return f"{label.level}, valid until {label.valid_until}"


def where(finding: Finding) -> str:
    """'consortium.yaml:4' (':4:1' with a column), the file name shown visibly whatever its
    bytes."""
    column = f":{finding.column}" if finding.column else ""
    return f"{path_text(finding.path)}:{finding.line}{column}"


@cache
def _json_unsafe() -> re.Pattern[str]:
    # What ``ensure_ascii=False`` leaves raw in a string: DEL and C1 controls (U+0085 ends
    # a line for some readers, U+009B starts a terminal escape), line and paragraph
    # separators, bidi embeddings, overrides and isolates, lone surrogates, U+FFFE/U+FFFF.
    return re.compile("[\x7f-\x9f\u2028\u2029\u202a-\u202e\u2066-\u2069\ud800-\udfff\ufffe\uffff]")


def json_text(value: Any, stream: TextIO, indent: int | None = None) -> str:
    """``value`` as JSON, the only way any writer makes it: plain ASCII escapes where the
    stream is no UTF; else UTF-8 text with every character above escaped (``\\u0085``),
    so the value reads back the same and nothing raw reaches a terminal or a log."""
    text = json.dumps(value, indent=indent, ensure_ascii=not is_utf(stream))
    if "##" in text:  # '##[' inside a string, the same value for a JSON reader
        text = text.replace("##[", "#\\u0023[").replace("##vso[", "#\\u0023vso[")
    if text.isascii() and "\x7f" not in text:  # DEL is ASCII, and raw in JSON
        return text
    return _json_unsafe().sub(lambda m: f"\\u{ord(m[0]):04x}", text)


def dump_json(value: Any, stream: TextIO) -> None:
    """Indented JSON and a final newline."""
    stream.write(json_text(value, stream, indent=2) + "\n")


def json_lines(values: Iterable[Any], stream: TextIO) -> str:
    """A JSON array with one item a line: readable, and written by json's C encoder
    (``indent`` switches to the pure-Python one: seconds over 10 000 items)."""
    rows = [json_text(v, stream) for v in values]
    return "[\n" + ",\n".join(rows) + "\n]" if rows else "[]"


def write_json_lines(values: Iterable[Any], stream: TextIO, chunk: int = 1000) -> None:
    """``json_lines(values)`` and a line break, written ``chunk`` items at a time: the same
    bytes without holding the whole array as one string (and its copies on the way out)."""
    rows: list[str] = []
    started = False
    for value in values:
        rows.append(json_text(value, stream))
        if len(rows) == chunk:
            stream.write(("[\n" if not started else ",\n") + ",\n".join(rows))
            started, rows = True, []
    if rows:
        stream.write(("[\n" if not started else ",\n") + ",\n".join(rows))
        started = True
    stream.write("\n]\n" if started else "[]\n")


def is_utf(stream: TextIO) -> bool:
    """Whether ``stream`` can carry any character (else JSON escapes, Markdown plain marks)."""
    encoding = (getattr(stream, "encoding", None) or "utf-8").lower().replace("-", "")
    return encoding.startswith("utf")
