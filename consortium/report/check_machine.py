"""The check report for machines and CI: JSON, GitHub annotations, Markdown, JUnit XML.

Each writer takes a ``Checked``: a ``Report``, or an ``Unchecked`` file whose located
problems are findings of the ``not-checkable`` rule. Both say the same things (verdict,
findings, members, deadlines), so each writer has one path, and every machine format still
prints its document for a file that could not be checked (a YAML typo is the most common
CI failure).
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, TextIO

from consortium.check.context import NOT_CHECKABLE, Finding
from consortium.check.runner import Checked
from consortium.display.logsafe import WorkflowCommand, hash_free
from consortium.display.text import neutralise, path_text, visible, xml_safe
from consortium.facts.countries import country_label
from consortium.facts.deadlines import stamp
from consortium.report.values import (
    Code,
    deadline_lines,
    deadline_values,
    dump_json,
    is_utf,
    label_text,
    markdown_table,
    md,
    where,
    within_summary,
)

if TYPE_CHECKING:
    from xml.etree.ElementTree import Element


def report_value(report: Checked) -> dict[str, Any]:
    """The JSON shape documented in docs/formats.md; the problems of a file that could not
    be checked are its ``not-checkable`` findings, also listed as ``problems``."""
    return {
        "file": path_text(report.path),
        "call": report.call_id,
        "complete": report.complete,
        "provisional": report.provisional,
        "rules_verified": report.rules_verified,
        "strict": report.strict,
        "verdict": report.verdict,
        "summary": report.summary,
        "errors": len(report.errors),
        "warnings": len(report.warnings),
        "deadlines": deadline_values(report.deadlines, report.now),
        "findings": [
            {
                "rule": f.rule,
                "severity": f.severity,
                "message": f.message,
                "file": path_text(f.path),
                "line": f.line,
            }
            for f in report.findings
        ],
        "problems": [_problem_value(f) for f in report.findings if f.rule == NOT_CHECKABLE],
    }


def _problem_value(problem: Finding) -> dict[str, Any]:
    return {
        "file": path_text(problem.path),
        "line": problem.line or None,
        "column": problem.column or None,
        "message": problem.message,
    }


def write_json(report: Checked, stream: TextIO) -> None:
    dump_json(report_value(report), stream)


def _escape_data(text: str) -> str:
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def _escape_property(text: str) -> str:
    return _escape_data(text).replace(":", "%3A").replace(",", "%2C")


def annotation(
    severity: str, path: str, line: int, column: int, title: str, text: str
) -> WorkflowCommand:
    """A workflow command built here: properties and message escaped, message visible."""
    place = f"file={_escape_property(path)}"
    place += f",line={line}" if line else ""
    place += f",col={column}" if column else ""
    message = _escape_data(neutralise(visible(text)))
    command = f"::{severity} {place},title={_escape_property(title)}::{message}\n"
    return WorkflowCommand(hash_free(command))


def write_github(report: Checked, stream: TextIO) -> None:
    """Workflow commands (at most 10 errors show as annotations), then the full plain list.

    Every annotation is built here, its properties and message escaped; every other line
    is plain text that the runner cannot read as a command (``text.neutralise``).
    """
    for f in report.findings:
        stream.write(annotation(f.severity, path_text(f.path), f.line, f.column, f.rule, f.message))
    write_plain(report, stream)


def write_plain(report: Checked, stream: TextIO) -> None:
    """One finding a line, every line visible text that starts no workflow command."""
    call = f" for {visible(report.call_id)}" if report.call_id else ""
    lines = [
        f"{path_text(report.path)}: {report.summary}{call} "
        f"({len(report.errors)} error(s), {len(report.warnings)} warning(s))",
        *(f"{where(f)}: {f.severity} [{f.rule}] {visible(f.message)}" for f in report.findings),
        *(f"{title}: {shown}" for title, shown in deadline_lines(report)),
    ]
    stream.write("".join(f"{neutralise(line)}\n" for line in lines))


def write_markdown(report: Checked, stream: TextIO) -> None:
    """The job summary: every value through ``values.md``, at most ``SUMMARY_BYTES``."""
    ok, bad, warn = ("✅", "❌", "⚠️") if is_utf(stream) else ("[OK]", "[X]", "[!]")
    deadline = report.call_deadline
    mark = {True: ok if report.rules_verified else warn, False: bad, None: warn}[report.complete]
    members = [
        [
            m.cluster.name,
            country_label(m.cluster.country),
            m.spec.role,
            m.spec.status,
            label_text(m.cluster.label, deadline),
        ]
        for m in report.members
    ]
    call = f": {md(report.call_id)}" if report.call_id else ""
    lines = [
        f"## {mark} Consortium {md(report.summary)}{call}",
        "",
        f"{md(Code(path_text(report.path)))}: {len(report.errors)} error(s), "
        f"{len(report.warnings)} warning(s), as of {stamp(report.now)}"
        + (" (strict: warnings fail)" if report.strict else "")
        + ".",
        "",
    ]
    if report.checked:
        lines.append(markdown_table(["Member", "Country", "Role", "Status", "Label"], members))
    if report.findings:
        findings = [
            [f.severity, Code(f.rule), f.message, Code(where(f))]
            for f in report.errors + report.warnings
        ]
        lines.append(markdown_table(["Severity", "Rule", "What to do", "Where"], findings))
    lines += [f"- **{title}**: {md(shown)}" for title, shown in deadline_lines(report)]
    stream.write("\n".join(within_summary("\n".join(lines).splitlines())) + "\n")


def _xml_document(suite: Element) -> str:
    """The XML text of ``suite``, every attribute and text made visible and XML-safe here,
    in one place: no terminal escape in a CI log, no character (U+FFFF, NUL) that XML 1.0
    forbids, so GitHub and every JUnit parser read it."""
    from xml.etree import ElementTree as ET

    for element in suite.iter():
        for key, value in element.attrib.items():
            element.set(key, xml_safe(visible(value)))
        if element.text:
            element.text = xml_safe(visible(element.text, keep_lines=True))
    text = ET.tostring(suite, encoding="unicode", xml_declaration=True) + "\n"
    # '##[' as a character reference: the same text for an XML reader, none for a runner.
    return text.replace("##[", "#&#35;[").replace("##vso[", "#&#35;vso[")


def write_junit(report: Checked, stream: TextIO) -> None:
    """One test case per rule id: failures for errors (and, under --strict, warnings),
    other warnings as system-out; a file that could not be checked, one errored case per
    problem."""
    from xml.etree import ElementTree as ET

    suite = ET.Element("testsuite", name="consortium check", tests=str(len(report.ran)))
    failures = 0
    failing = ("error", "warning") if report.strict else ("error",)
    for rule in report.ran:
        case = ET.SubElement(suite, "testcase", classname=f"consortium.{report.call_id}", name=rule)
        found = [f for f in report.findings if f.rule == rule]
        failed = [f for f in found if f.severity in failing]
        if failed:
            failures += 1
            failure = ET.SubElement(
                case, "failure", message=failed[0].message, type=failed[0].severity
            )
            failure.text = "\n".join(f"{where(f)}: {visible(f.message)}" for f in failed)
        others = [f for f in found if f.severity not in failing]
        if others:
            out = ET.SubElement(case, "system-out")
            out.text = "\n".join(f"warning {where(f)}: {visible(f.message)}" for f in others)
    unchecked = [f for f in report.findings if f.rule == NOT_CHECKABLE]
    for f in unchecked:
        case = ET.SubElement(suite, "testcase", classname="consortium", name=where(f))
        ET.SubElement(case, "error", message=f.message, type=NOT_CHECKABLE)
    suite.set("tests", str(len(report.ran) + len(unchecked)))
    if unchecked:
        suite.set("errors", str(len(unchecked)))
    suite.set("failures", str(failures))
    stream.write(_xml_document(suite))
