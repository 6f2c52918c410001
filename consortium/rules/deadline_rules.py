"""Shared by the two deadline rules: find the deadline and say how long ago it passed."""

from __future__ import annotations

from collections.abc import Iterator

from consortium.deadlines import countdown
from consortium.rules.base import Context, Finding, Severity


def passed(
    ctx: Context, name: str, rule: str, severity: Severity, advice: str
) -> Iterator[Finding]:
    for deadline in ctx.proposal.deadlines:
        seconds = deadline.remaining_seconds(ctx.now)
        if deadline.name == name and seconds < 0:
            at = deadline.at
            yield ctx.at_key(
                rule,
                severity,
                f"{deadline.label} {at:%d %b %Y %H:%M} {at.tzname()} {countdown(seconds)}: {advice}",
                "call" if name == "call" else "request",
            )
