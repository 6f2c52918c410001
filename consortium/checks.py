"""Run every rule over a proposal and gather the verdict. No printing, no exiting."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from consortium.deadlines import Deadline
from consortium.problems import Problem
from consortium.proposal import Folders, Proposal, load_proposal
from consortium.rules import REGISTRY, Context, Finding, Rule
from consortium.text import did_you_mean, shorten


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


def run(proposal: Proposal, now: datetime, rules: Iterable[Rule] | None = None) -> Report:
    """Apply ``rules`` (every registered rule by default), stamping each hit with its rule."""
    ctx = Context(proposal, now)
    findings = [
        Finding(rule.id, hit.severity or rule.severity, hit.message, proposal.path, hit.line)
        for rule in (REGISTRY.values() if rules is None else rules)
        for hit in rule.check(ctx)
    ]
    return Report(proposal, now, findings)


def check_file(
    path: Path,
    now: datetime,
    folders: Folders | None = None,
    rules: Iterable[Rule] | None = None,
) -> Report | list[Problem]:
    """Load and check a consortium file: the library's one-call entry point."""
    proposal = load_proposal(path, folders)
    return proposal if isinstance(proposal, list) else run(proposal, now, rules)
