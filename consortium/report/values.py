"""Plain values for machine output, shared by every JSON and CSV formatter."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from consortium.deadlines import Deadline, countdown


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
    at = deadline.at
    left = countdown(deadline.remaining_seconds(now))
    return f"{at:%d %b %Y %H:%M} {at.tzname()}{sep}({left})"
