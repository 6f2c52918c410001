"""The views of `consortium rules`: every rule with its default severity, or one in full."""

from __future__ import annotations

import re
from typing import Any, TextIO

from consortium.check.rules import Rule
from consortium.report.layout import Column
from consortium.report.layout import write_table as draw
from consortium.report.values import (
    Code,
    csv_document,
    dump_json,
    json_lines,
    markdown_fields,
    markdown_table,
)
from consortium.report.views import RuleList, RuleView


def plain(text: str) -> str:
    """A docstring as a person reads it: no ````code```` marks and no module names (a
    ``(consortium.check.fit)`` pointer is for developers)."""
    return _MODULE.sub("", text).replace("``", "")


_MODULE = re.compile(r" ?\(``consortium(?:\.\w+)+``\)|``consortium(?:\.\w+)+``")


def rule_value(rule: Rule) -> dict[str, Any]:
    return {
        "id": rule.id,
        "severity": rule.severity,
        "summary": rule.summary,
        "description": rule.description,
    }


def example_lines(rule: Rule) -> str:
    """'Passes:' and 'Fails:', one example a line, from the fixtures the tests run
    (``consortium.check.rule_examples``)."""
    from consortium.check.rule_examples import examples_of

    examples = examples_of(rule.id)
    lines = [
        f"{title}:\n" + "".join(f"  - {e.says}\n" for e in shown)
        for title, shown in (("Passes", examples.passes), ("Fails", examples.fails))
    ]
    return "".join(lines)


def _shown_value(rule: Rule) -> dict[str, Any]:
    from consortium.check.rule_examples import examples_of

    examples = examples_of(rule.id)
    return {
        **rule_value(rule),
        "passes": [e.says for e in examples.passes],
        "fails": [e.says for e in examples.fails],
    }


def write_json(view: RuleList, stream: TextIO) -> None:
    stream.write(json_lines(map(rule_value, view.rules), stream) + "\n")


def write_csv(view: RuleList, stream: TextIO) -> None:
    rows = ([rule.id, rule.severity, rule.summary] for rule in view.rules)
    csv_document(stream, ["id", "severity", "summary"], rows)


def write_table(view: RuleList, stream: TextIO) -> None:
    ids = Column("Rule", [r.id for r in view.rules])
    severity = Column("Severity", [r.severity for r in view.rules])
    summary = Column("What it checks", [plain(r.summary) for r in view.rules], elastic=True)
    records = [[f"{r.id} ({r.severity})", plain(r.summary)] for r in view.rules]
    footer = "consortium rules ID shows a rule in full: why, its source and examples"
    draw(stream, "Rules of consortium check", [[ids, severity, summary]], records, footer)


def write_markdown(view: RuleList, stream: TextIO) -> None:
    rows = [[Code(r.id), r.severity, plain(r.summary)] for r in view.rules]
    stream.write(markdown_table(["rule", "severity", "what it checks"], rows))


def show_json(view: RuleView, stream: TextIO) -> None:
    dump_json(_shown_value(view.rule), stream)


def show_text(view: RuleView, stream: TextIO) -> None:
    rule = view.rule
    stream.write(f"{rule.id} (default severity: {rule.severity})\n\n{plain(rule.description)}\n")
    stream.write(f"\n{example_lines(rule)}")


def show_markdown(view: RuleView, stream: TextIO) -> None:
    rule = view.rule
    rows = [
        ("Severity", rule.severity),
        ("Checks", plain(rule.summary)),
        ("Description", plain(rule.description)),
        ("Passes", "; ".join(_shown_value(rule)["passes"])),
        ("Fails", "; ".join(_shown_value(rule)["fails"])),
    ]
    markdown_fields(rule.id, [(k, " ".join(v.split())) for k, v in rows], stream)


NOT_CHECKABLE_SECTION = (
    "## not-checkable\n\n"
    "Severity: error. Not a rule of the consortium: a problem with a file itself (unreadable,\n"
    "not YAML, a field the format does not allow), reported where it is. Fix the file, then\n"
    "the check can run; `consortium validate PATH` lists every such problem.\n"
)


def write_document(view: RuleList, stream: TextIO) -> None:
    """docs/rules.md: a section per rule, titled by its id so that ``#<id>`` is its anchor
    (SARIF's ``helpUri`` links there); a test keeps the file equal to this output."""
    stream.write(
        "# The rules of `consortium check`\n\n"
        "Generated from the rule registry (`consortium/check/rules/`); `consortium rules ID`\n"
        "prints the same text. Each section's title is the rule id that findings carry.\n"
    )
    for rule in view.rules:
        stream.write(f"\n## {rule.id}\n\nSeverity: {rule.severity}.\n\n{plain(rule.description)}\n")
        stream.write(f"\n{example_lines(rule)}")
    stream.write(f"\n{NOT_CHECKABLE_SECTION}")
