"""Plain values for machine output, shared by every JSON and CSV formatter."""

from __future__ import annotations

import json
import sys
from datetime import datetime
from typing import TYPE_CHECKING, Any, TextIO

from consortium.deadlines import Deadline, countdown, stamp

if TYPE_CHECKING:
    from consortium.models import Label
    from consortium.rules.base import Finding


def deadline_value(deadline: Deadline, now: datetime) -> dict[str, Any]:
    """The DESIGN section 4 shape: name, ISO datetime with offset, seconds left, passed."""
    seconds = deadline.remaining_seconds(now)
    return {
        "name": deadline.name,
        "at": deadline.at.isoformat(),
        "remaining_seconds": seconds,
        "passed": seconds < 0,
    }


def when(deadline: Deadline | None, now: datetime, sep: str = " ") -> str:
    """'02 Feb 2021 17:00 CET (in 67 days 17 h)' for people; ``sep`` may break the line."""
    if deadline is None:
        return "-"
    return f"{stamp(deadline.at)}{sep}({countdown(deadline.remaining_seconds(now))})"


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
    return f"{finding.path}:{finding.line}"


def dump_json(value: Any, stream: TextIO | None = None) -> None:
    """Indented JSON and a final newline, on stdout unless ``stream`` says otherwise."""
    out = stream or sys.stdout
    json.dump(value, out, indent=2, ensure_ascii=False)
    out.write("\n")
