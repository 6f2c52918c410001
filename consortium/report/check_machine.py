"""The check report for machines and CI: JSON, GitHub annotations, Markdown, JUnit XML.

Each writer takes a ``Report`` or, when the file could not be checked, an ``Unchecked``
with its located problems: every machine format then still prints its document, so CI
always has something to show (a YAML typo is the most common CI failure).
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, TextIO

from consortium.checks import Report, Unchecked
from consortium.countries import country_label
from consortium.deadlines import stamp
from consortium.logsafe import WorkflowCommand, hash_free
from consortium.problems import Problem
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
from consortium.rules import REGISTRY
from consortium.text import neutralise, path_text, visible, xml_safe

if TYPE_CHECKING:
    from xml.etree.ElementTree import Element

Checked = Report | Unchecked


def report_value(report: Checked) -> dict[str, Any]:
    """The JSON shape documented in docs/formats.md."""
    if isinstance(report, Unchecked):
        return {
            "file": path_text(report.path),
            "call": None,
            "complete": None,
            "verdict": "not-checkable",
            "problems": [_problem_value(p) for p in report.problems],
            "findings": [],
            "deadlines": [],
        }
    return {
        "file": path_text(report.proposal.path),
        "call": report.proposal.call.id,
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
    }


def _problem_value(problem: Problem) -> dict[str, Any]:
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
    if isinstance(report, Unchecked):
        for p in report.problems:
            stream.write(
                annotation("error", path_text(p.path), p.line, p.column, "not-checkable", p.message)
            )
    else:
        for f in report.findings:
            stream.write(annotation(f.severity, path_text(f.path), f.line, 0, f.rule, f.message))
    write_plain(report, stream)


def write_plain(report: Checked, stream: TextIO) -> None:
    """One finding a line, every line visible text that starts no workflow command."""
    if isinstance(report, Unchecked):
        lines = [
            f"{path_text(report.path)}: could not be checked ({len(report.problems)} problem(s))"
        ]
        lines += [str(p) for p in report.problems]
    else:
        lines = [
            f"{path_text(report.proposal.path)}: {report.summary} for "
            f"{visible(report.proposal.call.id)} "
            f"({len(report.errors)} error(s), {len(report.warnings)} warning(s))",
            *(f"{where(f)}: {f.severity} [{f.rule}] {visible(f.message)}" for f in report.findings),
            *(f"{title}: {shown}" for title, shown in deadline_lines(report)),
        ]
    stream.write("".join(f"{neutralise(line)}\n" for line in lines))


def write_markdown(report: Checked, stream: TextIO) -> None:
    """The job summary: every value through ``values.md``, at most ``SUMMARY_BYTES``."""
    ok, bad, warn = ("✅", "❌", "⚠️") if is_utf(stream) else ("[OK]", "[X]", "[!]")
    if isinstance(report, Unchecked):
        lines = [
            f"## {warn} Consortium not checked: {md(Code(path_text(report.path)))}",
            "",
            markdown_table(
                ["Where", "Problem"], [[Code(_where(p)), p.message] for p in report.problems]
            ),
        ]
        stream.write("\n".join(within_summary("\n".join(lines).splitlines())) + "\n")
        return
    proposal = report.proposal
    mark = (ok if report.rules_verified else warn) if report.complete else bad
    members = [
        [
            m.cluster.name,
            country_label(m.cluster.country),
            m.spec.role,
            m.spec.status,
            label_text(m.cluster.label, proposal.call_deadline),
        ]
        for m in proposal.members
    ]
    lines = [
        f"## {mark} Consortium {md(report.summary)}: {md(proposal.call.id)}",
        "",
        f"{md(Code(path_text(proposal.path)))}: {len(report.errors)} error(s), "
        f"{len(report.warnings)} warning(s), as of {stamp(report.now)}"
        + (" (strict: warnings fail)" if report.strict else "")
        + ".",
        "",
        markdown_table(["Member", "Country", "Role", "Status", "Label"], members),
    ]
    if report.findings:
        findings = [
            [f.severity, Code(f.rule), f.message, Code(where(f))]
            for f in report.errors + report.warnings
        ]
        lines.append(markdown_table(["Severity", "Rule", "What to do", "Where"], findings))
    lines += [f"- **{title}**: {md(shown)}" for title, shown in deadline_lines(report)]
    stream.write("\n".join(within_summary("\n".join(lines).splitlines())) + "\n")


def _where(problem: Problem) -> str:
    return str(problem).removesuffix(f": {visible(problem.message)}")


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

    if isinstance(report, Unchecked):
        suite = ET.Element(
            "testsuite",
            name="consortium check",
            tests=str(len(report.problems)),
            errors=str(len(report.problems)),
            failures="0",
        )
        for p in report.problems:
            case = ET.SubElement(suite, "testcase", classname="consortium", name=_where(p))
            ET.SubElement(case, "error", message=p.message, type="not-checkable")
        stream.write(_xml_document(suite))
        return
    suite = ET.Element("testsuite", name="consortium check", tests=str(len(REGISTRY)))
    failures = 0
    call_id = report.proposal.call.id
    failing = ("error", "warning") if report.strict else ("error",)
    for rule in REGISTRY:
        case = ET.SubElement(suite, "testcase", classname=f"consortium.{call_id}", name=rule)
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
    suite.set("failures", str(failures))
    stream.write(_xml_document(suite))
