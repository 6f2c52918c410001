"""The views of `consortium rules`: every rule with its default severity, or one in full."""

from __future__ import annotations

import csv
import re
from typing import Any, TextIO

from consortium.report.layout import Column
from consortium.report.layout import write_table as draw
from consortium.report.values import dump_json, markdown_table
from consortium.rules import Rule
from consortium.views import RuleList, RuleView


def plain(text: str) -> str:
    """A docstring as a person reads it: no ````code```` marks and no module names (a
    ``(consortium.fit)`` pointer is for developers)."""
    return _MODULE.sub("", text).replace("``", "")


_MODULE = re.compile(r" ?\(``consortium(?:\.\w+)+``\)|``consortium(?:\.\w+)+``")


def rule_value(rule: Rule) -> dict[str, Any]:
    return {
        "id": rule.id,
        "severity": rule.severity,
        "summary": rule.summary,
        "description": rule.description,
    }


def write_json(view: RuleList, stream: TextIO) -> None:
    dump_json([rule_value(r) for r in view.rules], stream)


def write_csv(view: RuleList, stream: TextIO) -> None:
    writer = csv.writer(stream, lineterminator="\n")
    writer.writerow(["id", "severity", "summary"])
    for rule in view.rules:
        writer.writerow([rule.id, rule.severity, rule.summary])


def write_table(view: RuleList, stream: TextIO) -> None:
    ids = Column("Rule", [r.id for r in view.rules])
    severity = Column("Severity", [r.severity for r in view.rules])
    summary = Column("What it checks", [plain(r.summary) for r in view.rules], elastic=True)
    records = [[f"{r.id} ({r.severity})", plain(r.summary)] for r in view.rules]
    footer = "consortium rules ID shows a rule in full: why, its source and examples"
    draw(stream, "Rules of consortium check", [[ids, severity, summary]], records, footer)


def write_markdown(view: RuleList, stream: TextIO) -> None:
    rows = [
        [f"`{r.id}`", r.severity, _MODULE.sub("", r.summary).replace("``", "`")] for r in view.rules
    ]
    stream.write(markdown_table(["rule", "severity", "what it checks"], rows))


def show_json(view: RuleView, stream: TextIO) -> None:
    dump_json(rule_value(view.rule), stream)


def show_text(view: RuleView, stream: TextIO) -> None:
    rule = view.rule
    stream.write(f"{rule.id} (default severity: {rule.severity})\n\n{plain(rule.description)}\n")
