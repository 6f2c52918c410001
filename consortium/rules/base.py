"""What every rule shares: the rule as registered, the hit it yields, the context it reads.

As in yamllint, a rule module carries its ``ID`` and default ``SEVERITY`` and yields hits
that say what and where; the runner (``checks.run``) stamps each with the rule's id, so
no rule repeats its id as a string and no finding can carry an id the registry lacks.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from datetime import date, datetime
from functools import cached_property
from pathlib import Path
from types import ModuleType
from typing import Literal, NamedTuple

from consortium.eligibility import Scope, expand
from consortium.links import Member
from consortium.models import Seeking
from consortium.proposal import Proposal

Severity = Literal["error", "warning"]

# The rule of a file that could not be checked (unreadable, not YAML, a field its format
# does not allow): not a rule of the consortium, so not in the registry; the boundary
# (``checks.Unchecked``) turns each located problem into one of its findings, and every
# writer has one path for both.
NOT_CHECKABLE = "not-checkable"


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
    column: int = 0

    def __post_init__(self) -> None:
        from consortium.rules import REGISTRY

        if self.rule not in REGISTRY and self.rule != NOT_CHECKABLE:
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
    def judged_when(self) -> str:
        """How the day judged on is named in messages: the call deadline, or today's date
        when no deadline is known (and how to give one)."""
        if self.proposal.call_deadline is not None:
            return f"the call deadline ({self.judged_on})"
        return (
            f"today ({self.judged_on}; the call deadline is unknown: give deadlines: call "
            "in the request or consortium file)"
        )

    @property
    def coordinators(self) -> list[Member]:
        return [m for m in self.members if m.is_coordinator]

    @cached_property
    def scope(self) -> Scope:
        """What the call's country sets are resolved for: its period, pillar, work
        programme, and the day judged on."""
        call = self.proposal.call
        return Scope(self.judged_on, call.period, call.pillar, call.work_programme)

    @cached_property
    def allowed(self) -> frozenset[str] | None:
        """The countries the call admits, or None when it names none."""
        sets = self.proposal.rules.eligible_countries
        return expand(sets, self.scope) if sets else None

    @property
    def admits_others(self) -> bool:
        """Whether members from other countries may join beyond the minimum conditions."""
        return self.proposal.rules.third_countries == "allowed"

    @cached_property
    def counted(self) -> list[Member]:
        """The members that count toward the minimum conditions: all, except members from
        other countries where the call admits them beyond the minimum (Horizon Europe,
        Interreg Europe), which never count (docs/sources.md)."""
        if self.allowed is None or not self.admits_others:
            return self.members
        return [m for m in self.members if m.cluster.country in self.allowed]

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
        """The docstring's first sentence (which may run over several lines), without its
        leading ``id:``: a listing shows whole sentences, never a line cut mid-clause."""
        paragraph = self.description.split("\n\n")[0].removeprefix(f"{self.id}:")
        return _FIRST_SENTENCE.split(" ".join(paragraph.split()), maxsplit=1)[0]


# A sentence ends at a full stop followed by a capital ("Art. 6" goes on).
_FIRST_SENTENCE = re.compile(r"(?<=[a-z)]\.)\s+(?=[A-Z])")


def describe(member: Member) -> str:
    """'Vestenergi Cluster Denmark (DK)', as a cluster manager would name it; a region
    that is part of a Member State shows both: 'Reunion Energy Cluster (RE (France))'."""
    from consortium.countries import country_label

    return f"{member.cluster.name} ({country_label(member.cluster.country)})"
