"""Run every rule over a proposal and gather the verdict. No printing, no exiting."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from consortium.deadlines import Deadline
from consortium.problems import Problem
from consortium.proposal import Folders, Proposal, load_proposal
from consortium.rules import REGISTRY, Context, Finding


@dataclass(frozen=True)
class Report:
    """The outcome of a check: the findings, and the deadlines counted from ``now``."""

    proposal: Proposal
    now: datetime
    findings: list[Finding]

    @property
    def errors(self) -> list[Finding]:
        return [f for f in self.findings if f.severity == "error"]

    @property
    def warnings(self) -> list[Finding]:
        return [f for f in self.findings if f.severity == "warning"]

    @property
    def complete(self) -> bool:
        return not self.errors

    @property
    def deadlines(self) -> list[Deadline]:
        return self.proposal.deadlines

    def passes(self, strict: bool = False) -> bool:
        return self.complete and not (strict and self.warnings)


def run(proposal: Proposal, now: datetime, rules: list[str] | None = None) -> Report:
    """Apply the registered rules (or the ids in ``rules``) in registry order."""
    ctx = Context(proposal, now)
    findings = [
        f
        for rule_id, check in REGISTRY.items()
        if rules is None or rule_id in rules
        for f in check(ctx)
    ]
    return Report(proposal, now, findings)


def check_file(path: Path, now: datetime, folders: Folders | None = None) -> Report | list[Problem]:
    """Load and check a consortium file: the library's one-call entry point."""
    proposal = load_proposal(path, folders)
    return proposal if isinstance(proposal, list) else run(proposal, now)
