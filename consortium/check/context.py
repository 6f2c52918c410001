"""What every rule shares: the rule as registered, the hit it yields, the context it reads.

As in yamllint, a rule module carries its ``ID`` and default ``SEVERITY`` and yields hits
that say what and where; the runner (``checks.run``) stamps each with the rule's id, so
no rule repeats its id as a string and no finding can carry an id the registry lacks.
A rule module is typed by ``RuleModule``: mypy checks every registered one against it.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from datetime import date, datetime
from functools import cached_property
from pathlib import Path
from typing import NamedTuple, Protocol

from consortium.check.predicates import Severity as Severity
from consortium.check.predicates import Terms, Wanted, counts, judged_day, wanted_label
from consortium.facts.eligibility import Scope
from consortium.models import Seeking
from consortium.proposal.member import Member
from consortium.proposal.resolve import Proposal

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
        from consortium.check.rules import REGISTRY

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

    @cached_property
    def terms(self) -> Terms:
        """What the call admits on the day judged: the one value `match` judges by too."""
        proposal = self.proposal
        on = judged_day(proposal.call_deadline, self.now)
        return Terms(proposal.call, proposal.rules, on, proposal.call_deadline is not None)

    @property
    def judged_on(self) -> date:
        """The day eligibility and labels are judged on: the call deadline, else today."""
        return self.terms.on

    @property
    def judged_when(self) -> str:
        """How the day judged on is named in messages: the call deadline, or today's date
        when no deadline is known (and how to give one)."""
        if self.terms.deadline_known:
            return self.terms.when
        return (
            f"today ({self.judged_on}; the call deadline is unknown: give deadlines: call "
            "in the request or consortium file)"
        )

    @cached_property
    def wanted_label(self) -> Wanted | None:
        """The coordinator label the call or request asks for (``predicates.wanted_label``)."""
        request = self.proposal.request
        reference = request.reference if request else ""
        return wanted_label(self.proposal.rules, self.seeking, reference)

    @property
    def coordinators(self) -> list[Member]:
        return [m for m in self.members if m.is_coordinator]

    @property
    def scope(self) -> Scope:
        return self.terms.scope

    @property
    def allowed(self) -> frozenset[str] | None:
        return self.terms.allowed

    @property
    def admits_others(self) -> bool:
        return self.terms.admits_others

    @cached_property
    def counted(self) -> list[Member]:
        """The members that count toward the minimum conditions (``predicates.counts``)."""
        return [m for m in self.members if counts(m.cluster, self.terms)]

    def at_member(self, member: Member, message: str, severity: Severity | None = None) -> Hit:
        return Hit(message, member.line, severity)

    def at_key(self, message: str, *loc: str | int, severity: Severity | None = None) -> Hit:
        return Hit(message, self.proposal.line_of(*loc) if loc else 1, severity)


Check = Callable[[Context], Iterable[Hit]]
Unfixable = Callable[[Context], "str | None"]


class RuleModule(Protocol):
    """What a rule module declares: its id, default severity, check, what an added
    member can do for it (``unfixable``: why no addition fixes its errors, or None where
    one can; asked only when it reports an error). Its passing and failing examples are
    data, ``examples/<id>.yaml``, run by one test over the registry."""

    @property
    def ID(self) -> str: ...

    @property
    def SEVERITY(self) -> Severity: ...

    def check(self, ctx: Context, /) -> Iterable[Hit]: ...

    def unfixable(self, ctx: Context, /) -> str | None: ...


def fixed_by_adding(ctx: Context) -> str | None:
    """``unfixable`` of a rule whose errors an added member can fix (or that has none)."""
    return None


class Rule(NamedTuple):
    """A registered rule: its id, default severity, check and what additions do for it;
    its docs are the check's docstring (first line: what it checks; then why and its
    source)."""

    id: str
    severity: Severity
    check: Check
    unfixable: Unfixable = fixed_by_adding

    @classmethod
    def of(cls, module: RuleModule) -> Rule:
        return cls(module.ID, module.SEVERITY, module.check, module.unfixable)

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
    from consortium.facts.countries import country_label

    return f"{member.cluster.name} ({country_label(member.cluster.country)})"
