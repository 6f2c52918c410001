"""What every rule shares: the rule as registered, the hit it yields, the context it reads.

As in yamllint, a rule module carries its ``ID`` and default ``SEVERITY`` and yields hits
that say what and where; the runner (``checks.run``) stamps each with the rule's id, so
no rule repeats its id as a string and no finding can carry an id the registry lacks.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path
from types import ModuleType
from typing import Literal, NamedTuple

from consortium.models import Seeking
from consortium.proposal import Member, Proposal

Severity = Literal["error", "warning"]


class Hit(NamedTuple):
    """What a rule found and where; ``severity`` only where the rule's default does not hold
    (the label rules: an error where a label is required, a warning where preferred)."""

    message: str
    line: int
    severity: Severity | None = None


@dataclass(frozen=True, slots=True)
class Finding:
    """One thing a check found: which rule, how bad, what to do, and where."""

    rule: str
    severity: Severity
    message: str
    path: Path
    line: int

    def __post_init__(self) -> None:
        from consortium.rules import REGISTRY

        if self.rule not in REGISTRY:
            raise ValueError(f"no rule {self.rule!r} is registered")


@dataclass(frozen=True)
class Context:
    """The proposal and the instant it is checked at."""

    proposal: Proposal
    now: datetime

    @property
    def members(self) -> list[Member]:
        return self.proposal.members

    @property
    def seeking(self) -> Seeking | None:
        request = self.proposal.request
        return request.seeking if request else None

    @property
    def judged_on(self) -> date:
        """The day eligibility and labels are judged on: the call deadline, else today."""
        deadline = self.proposal.call_deadline
        return deadline.date() if deadline else self.now.date()

    @property
    def coordinators(self) -> list[Member]:
        return [m for m in self.members if m.is_coordinator]

    def at_member(self, member: Member, message: str, severity: Severity | None = None) -> Hit:
        return Hit(message, member.line, severity)

    def at_key(self, message: str, *loc: str | int, severity: Severity | None = None) -> Hit:
        return Hit(message, self.proposal.line_of(*loc) if loc else 1, severity)


Check = Callable[[Context], Iterable[Hit]]


class Rule(NamedTuple):
    """A registered rule: its id, default severity and check; its docs are the check's
    docstring (first line: what it checks; then why, its source, and examples)."""

    id: str
    severity: Severity
    check: Check

    @classmethod
    def of(cls, module: ModuleType) -> Rule:
        return cls(module.ID, module.SEVERITY, module.check)

    @property
    def description(self) -> str:
        """The check's docstring, dedented (as ``inspect.cleandoc``, without importing
        ``inspect``: 5 ms of every start-up)."""
        first, _, rest = (self.check.__doc__ or "").strip().partition("\n")
        lines = rest.splitlines()
        indent = min((len(x) - len(x.lstrip()) for x in lines if x.strip()), default=0)
        return "\n".join([first, *(x[indent:] for x in lines)]).strip()

    @property
    def summary(self) -> str:
        """The docstring's first line without its leading ``id:``."""
        first = self.description.splitlines()[0] if self.description else ""
        return first.removeprefix(f"{self.id}:").strip()


def describe(member: Member) -> str:
    """'Vestenergi Cluster Denmark (DK)', as a cluster manager would name it."""
    return f"{member.cluster.name} ({member.cluster.country})"
