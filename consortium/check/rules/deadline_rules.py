"""Shared by the two deadline rules: find the deadline and say how long ago it passed."""

from __future__ import annotations

from collections.abc import Iterator

from consortium.check.context import Context, Hit
from consortium.facts.deadlines import countdown, named, stamp


def passed(ctx: Context, name: str, advice: str) -> Iterator[Hit]:
    deadline = named(ctx.proposal.deadlines, name)
    seconds = deadline.remaining_seconds(ctx.now) if deadline else 0
    if deadline and seconds < 0:
        yield ctx.at_key(
            f"{deadline.title} {stamp(deadline.at)} {countdown(seconds)}: {advice}",
            "call" if name == "call" else "request",
        )
