"""The check report for machines and CI: JSON, GitHub annotations, Markdown, JUnit XML."""

from __future__ import annotations

from typing import Any, TextIO

from consortium.checks import Report
from consortium.deadlines import stamp
from consortium.report.values import deadline_value, dump_json, label_text, when, where
from consortium.rules import REGISTRY


def report_value(report: Report) -> dict[str, Any]:
    """The JSON shape of DESIGN section 4."""
    return {
        "file": str(report.proposal.path),
        "call": report.proposal.call.id,
        "complete": report.complete,
        "errors": len(report.errors),
        "warnings": len(report.warnings),
        "deadlines": [deadline_value(d, report.now) for d in report.deadlines],
        "findings": [
            {
                "rule": f.rule,
                "severity": f.severity,
                "message": f.message,
                "file": str(f.path),
                "line": f.line,
            }
            for f in report.findings
        ],
    }


def write_json(report: Report, stream: TextIO) -> None:
    dump_json(report_value(report), stream)


def _escape_data(text: str) -> str:
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def _escape_property(text: str) -> str:
    return _escape_data(text).replace(":", "%3A").replace(",", "%2C")


def write_github(report: Report, stream: TextIO) -> None:
    """Workflow commands (at most 10 errors show as annotations), then the full plain list."""
    for f in report.findings:
        props = (
            f"file={_escape_property(str(f.path))},line={f.line},title={_escape_property(f.rule)}"
        )
        stream.write(f"::{f.severity} {props}::{_escape_data(f.message)}\n")
    write_plain(report, stream)


def write_plain(report: Report, stream: TextIO) -> None:
    verdict = "complete" if report.complete else "incomplete"
    stream.write(
        f"{report.proposal.path}: {verdict} for {report.proposal.call.id} "
        f"({len(report.errors)} error(s), {len(report.warnings)} warning(s))\n"
    )
    for f in report.findings:
        stream.write(f"{where(f)}: {f.severity} [{f.rule}] {f.message}\n")
    for d in report.deadlines:
        stream.write(f"{d.label}: {when(d, report.now)}\n")


def _cell(text: str) -> str:
    return text.replace("|", "\\|").replace("\n", " ")


def write_markdown(report: Report, stream: TextIO) -> None:
    proposal = report.proposal
    mark = "✅ Consortium complete" if report.complete else "❌ Consortium incomplete"
    lines = [
        f"## {mark}: {proposal.call.id}",
        "",
        f"`{proposal.path}`: {len(report.errors)} error(s), {len(report.warnings)} warning(s), "
        f"as of {stamp(report.now)}.",
        "",
        "| Member | Country | Role | Status | Label |",
        "|---|---|---|---|---|",
    ]
    for m in proposal.members:
        label = label_text(m.cluster.label, proposal.call_deadline)
        lines.append(
            f"| {_cell(m.cluster.name)} | {m.cluster.country} | {m.entry.role} | {m.entry.status} | {_cell(label)} |"
        )
    if report.findings:
        lines += ["", "| Severity | Rule | What to do | Where |", "|---|---|---|---|"]
        lines += [
            f"| {f.severity} | `{f.rule}` | {_cell(f.message)} | `{where(f)}` |"
            for f in report.errors + report.warnings
        ]
    lines += [""] + [f"- **{d.label}**: {when(d, report.now)}" for d in report.deadlines]
    stream.write("\n".join(lines) + "\n")


def write_junit(report: Report, stream: TextIO) -> None:
    """One test case per rule id: failures for errors, warnings as system-out."""
    from xml.etree import ElementTree as ET

    suite = ET.Element("testsuite", name="consortium check", tests=str(len(REGISTRY)))
    failures = 0
    for rule in REGISTRY:
        case = ET.SubElement(
            suite, "testcase", classname=f"consortium.{report.proposal.call.id}", name=rule
        )
        found = [f for f in report.findings if f.rule == rule]
        errors = [f for f in found if f.severity == "error"]
        if errors:
            failures += 1
            failure = ET.SubElement(case, "failure", message=errors[0].message, type="error")
            failure.text = "\n".join(f"{where(f)}: {f.message}" for f in errors)
        warnings = [f for f in found if f.severity == "warning"]
        if warnings:
            out = ET.SubElement(case, "system-out")
            out.text = "\n".join(f"warning {where(f)}: {f.message}" for f in warnings)
    suite.set("failures", str(failures))
    stream.write(ET.tostring(suite, encoding="unicode", xml_declaration=True) + "\n")
