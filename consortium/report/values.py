"""Values every view writes the same way: deadlines, labels, places, booleans, JSON."""

from __future__ import annotations

import json
from collections.abc import Iterable
from datetime import datetime
from typing import TYPE_CHECKING, Any, TextIO

from consortium.deadlines import Deadline, countdown, stamp
from consortium.text import path_text, visible

if TYPE_CHECKING:
    from consortium.checks import Report
    from consortium.models import Label
    from consortium.rules.base import Finding


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


def deadline_lines(report: Report) -> list[tuple[str, str]]:
    """('Call deadline', '02 Feb 2021 17:00 CET (in 67 days 17 h)') for each deadline, the
    call deadline said to be unknown when neither call nor request gives it."""
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


def csv_value(value: Any) -> Any:
    """A cell for CSV: booleans as JSON writes them, text visible (no control characters)."""
    if isinstance(value, bool):
        return "true" if value else "false"
    return visible(value) if isinstance(value, str) else value


def markdown_cell(text: str) -> str:
    """Visible text that stays in its Markdown table cell."""
    return visible(text).replace("|", "\\|")


def markdown_table(headers: list[str], rows: list[list[str]]) -> str:
    lines = ["| " + " | ".join(headers) + " |", "|" + "---|" * len(headers)]
    lines += ["| " + " | ".join(markdown_cell(c) for c in row) + " |" for row in rows]
    return "\n".join(lines) + "\n"


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
    """'consortium.yaml:4', the file name shown visibly whatever its bytes."""
    return f"{path_text(finding.path)}:{finding.line}"


def dump_json(value: Any, stream: TextIO) -> None:
    """Indented JSON and a final newline; plain ASCII escapes where the stream is no UTF."""
    json.dump(value, stream, indent=2, ensure_ascii=not is_utf(stream))
    stream.write("\n")


def json_lines(values: Iterable[Any], stream: TextIO) -> str:
    """A JSON array with one item a line: readable, and written by json's C encoder
    (``indent`` switches to the pure-Python one: seconds over 10 000 items)."""
    ascii_only = not is_utf(stream)
    rows = [json.dumps(v, ensure_ascii=ascii_only) for v in values]
    return "[\n" + ",\n".join(rows) + "\n]" if rows else "[]"


def is_utf(stream: TextIO) -> bool:
    """Whether ``stream`` can carry any character (else JSON escapes, Markdown plain marks)."""
    encoding = (getattr(stream, "encoding", None) or "utf-8").lower().replace("-", "")
    return encoding.startswith("utf")
