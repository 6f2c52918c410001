"""Run every rule over a proposal and gather the verdict. No printing, no exiting."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import datetime
from pathlib import Path
from typing import NamedTuple

from consortium.check.context import NOT_CHECKABLE
from consortium.check.rules import REGISTRY, Context, Finding, Rule
from consortium.check.rules.unconfirmed_member import once_confirmed
from consortium.display.text import did_you_mean, shorten
from consortium.facts.deadlines import Deadline
from consortium.files.problems import Problem
from consortium.proposal.member import Member
from consortium.proposal.resolve import Folders, Proposal, load_proposal


class Report(NamedTuple):
    """The outcome of a check: the findings, and the deadlines counted from ``now``.

    One verdict, said the same way by every format and by the exit code: ``complete``;
    ``provisional`` (complete once the members not yet confirmed confirm, or only as far
    as the encoded rules go where the call's conditions are not encoded); ``incomplete``
    (an error); ``incomplete-strict`` (no error, but warnings fail under ``strict``).
    """

    proposal: Proposal
    now: datetime
    findings: list[Finding]
    strict: bool = False

    @property
    def checked(self) -> bool:
        """True: the proposal was read, its members, call and deadlines are known."""
        return True

    @property
    def path(self) -> Path:
        return self.proposal.path

    @property
    def call_id(self) -> str | None:
        return self.proposal.call.id

    @property
    def members(self) -> list[Member]:
        return self.proposal.members

    @property
    def call_deadline(self) -> datetime | None:
        return self.proposal.call_deadline

    @property
    def ran(self) -> list[str]:
        """The ids of the rules a JUnit report lists as test cases."""
        return list(REGISTRY)

    @property
    def errors(self) -> list[Finding]:
        return [f for f in self.findings if f.severity == "error"]

    @property
    def warnings(self) -> list[Finding]:
        return [f for f in self.findings if f.severity == "warning"]

    @property
    def unconfirmed(self) -> list[Member]:
        return [m for m in self.proposal.members if m.spec.status != "confirmed"]

    @property
    def verdict(self) -> str:
        if self.errors:
            return "incomplete"
        if self.strict and self.warnings:
            return "incomplete-strict"
        provisional = self.unconfirmed or not self.rules_verified
        return "provisional" if provisional else "complete"

    @property
    def rules_verified(self) -> bool:
        """Whether the call's consortium conditions are encoded as its call document
        states them; where not, no check passes as complete (docs/sources.md,
        "Euroclusters")."""
        return self.proposal.call.rules_verified

    @property
    def complete(self) -> bool:
        """Complete, perhaps provisionally: the check passes (exit 0)."""
        return self.verdict in ("complete", "provisional")

    @property
    def provisional(self) -> bool:
        return self.verdict == "provisional"

    @property
    def exit_code(self) -> int:
        return 0 if self.complete else 1

    @property
    def summary(self) -> str:
        """The verdict in words: 'complete once PT and AT confirm (the coordinator DK is
        only invited)', 'incomplete (strict: 2 warning(s) fail)'."""
        if self.verdict == "incomplete-strict":
            return f"incomplete (strict: {len(self.warnings)} warning(s) fail)"
        if self.verdict != "provisional":
            return self.verdict
        said = "complete"
        if self.unconfirmed:
            said += f" {once_confirmed(self.unconfirmed)}"
            for m in self.unconfirmed:
                if m.is_coordinator:
                    said += f" (the coordinator {m.cluster_id} is only {m.spec.status})"
        if not self.rules_verified:
            said += ", " if self.unconfirmed else " "
            said += (
                "as far as the encoded rules go: this call's consortium conditions are "
                "not encoded, see its call document"
            )
        return said

    @property
    def deadlines(self) -> list[Deadline]:
        return self.proposal.deadlines

    def passes(self, strict: bool = False) -> bool:
        return self.complete and not (strict and self.warnings)


class Unchecked(NamedTuple):
    """A consortium file that could not be checked, as a report like any other: each located
    problem is a finding of the ``not-checkable`` rule, so every writer has one path and
    every machine format still prints its document (CI always has something to show)."""

    path: Path
    problems: list[Problem]
    now: datetime
    strict: bool = False

    @property
    def checked(self) -> bool:
        return False

    @property
    def verdict(self) -> str:
        return NOT_CHECKABLE

    @property
    def summary(self) -> str:
        return "not checked"

    @property
    def exit_code(self) -> int:
        return 2

    @property
    def call_id(self) -> None:
        return None

    @property
    def call_deadline(self) -> None:
        return None

    @property
    def complete(self) -> None:
        return None

    @property
    def provisional(self) -> None:
        return None

    @property
    def rules_verified(self) -> None:
        return None

    @property
    def findings(self) -> list[Finding]:
        return [
            Finding(NOT_CHECKABLE, p.severity, p.message, p.path or self.path, p.line, p.column)
            for p in self.problems
        ]

    @property
    def errors(self) -> list[Finding]:
        return [f for f in self.findings if f.severity == "error"]

    @property
    def warnings(self) -> list[Finding]:
        return [f for f in self.findings if f.severity == "warning"]

    @property
    def members(self) -> list[Member]:
        return []

    @property
    def deadlines(self) -> list[Deadline]:
        return []

    @property
    def ran(self) -> list[str]:
        return []


# What every writer of `check` takes: a report, or a file that could not be checked.
Checked = Report | Unchecked


def selection(
    select: Iterable[str] | None = None, ignore: Iterable[str] | None = None
) -> list[Rule]:
    """The rules to run, in registry order: ``select`` (all when None) less ``ignore``.

    Raises ValueError naming an unknown id and the closest registered one.
    """
    for rule_id in [*(select or []), *(ignore or [])]:
        if rule_id not in REGISTRY:
            raise ValueError(f"no rule '{shorten(rule_id)}'{did_you_mean(rule_id, REGISTRY)}")
    chosen = set(REGISTRY if select is None else select) - set(ignore or [])
    return [rule for rule_id, rule in REGISTRY.items() if rule_id in chosen]


def run(
    proposal: Proposal, now: datetime, rules: Iterable[Rule] | None = None, strict: bool = False
) -> Report:
    """Apply ``rules`` (every registered rule by default), stamping each hit with its rule;
    under ``strict`` warnings fail the verdict too."""
    ctx = Context(proposal, now)
    findings = [
        Finding(rule.id, hit.severity or rule.severity, hit.message, proposal.path, hit.line)
        for rule in (REGISTRY.values() if rules is None else rules)
        for hit in rule.check(ctx)
    ]
    return Report(proposal, now, findings, strict)


def check_file(
    path: Path,
    now: datetime,
    folders: Folders | None = None,
    rules: Iterable[Rule] | None = None,
    strict: bool = False,
) -> Report | list[Problem]:
    """Load and check a consortium file: the library's one-call entry point."""
    proposal = load_proposal(path, folders)
    return proposal if isinstance(proposal, list) else run(proposal, now, rules, strict)
