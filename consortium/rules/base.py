"""What every rule shares: the finding it returns and the context it reads."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path
from typing import Literal

from consortium.proposal import Member, Proposal

Severity = Literal["error", "warning"]


@dataclass(frozen=True, slots=True)
class Finding:
    """One thing a rule found: what, how bad, what to do, and where."""

    rule: str
    severity: Severity
    message: str
    path: Path
    line: int


@dataclass(frozen=True)
class Context:
    """The proposal and the instant it is checked at."""

    proposal: Proposal
    now: datetime

    @property
    def members(self) -> list[Member]:
        return self.proposal.members

    @property
    def on(self) -> date:
        """The day eligibility is judged on: the call deadline, else today."""
        deadline = self.proposal.call_deadline
        return deadline.date() if deadline else self.now.date()

    @property
    def coordinators(self) -> list[Member]:
        return [m for m in self.members if m.is_coordinator]

    def at_member(self, rule: str, severity: Severity, member: Member, message: str) -> Finding:
        return Finding(rule, severity, message, self.proposal.path, member.line)

    def at_key(self, rule: str, severity: Severity, message: str, *loc: str | int) -> Finding:
        line = self.proposal.line_of(*loc) if loc else 1
        return Finding(rule, severity, message, self.proposal.path, line)


Check = Callable[[Context], Iterable[Finding]]


def describe(member: Member) -> str:
    """'Vestenergi Cluster Denmark (DK)', as a cluster manager would name it."""
    return f"{member.cluster.name} ({member.cluster.country})"
