"""The check report for machines and CI: JSON, GitHub annotations, Markdown, JUnit XML."""

from __future__ import annotations

from typing import Any, TextIO

from consortium.checks import Report
from consortium.deadlines import stamp
from consortium.report.values import (
    deadline_value,
    dump_json,
    is_utf,
    label_text,
    when,
    where,
)
from consortium.rules import REGISTRY
from consortium.text import neutralise, path_text, visible, xml_safe


def report_value(report: Report) -> dict[str, Any]:
    """The JSON shape documented in docs/formats.md."""
    return {
        "file": path_text(report.proposal.path),
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
                "file": path_text(f.path),
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
    """Workflow commands (at most 10 errors show as annotations), then the full plain list.

    Every annotation is built here, its properties and message escaped; every other line
    is plain text that the runner cannot read as a command (``text.neutralise``).
    """
    for f in report.findings:
        props = (
            f"file={_escape_property(path_text(f.path))},line={f.line},"
            f"title={_escape_property(f.rule)}"
        )
        stream.write(f"::{f.severity} {props}::{_escape_data(neutralise(visible(f.message)))}\n")
    write_plain(report, stream)


def write_plain(report: Report, stream: TextIO) -> None:
    """One finding a line, every line visible text that starts no workflow command."""
    verdict = "complete" if report.complete else "incomplete"
    lines = [
        f"{path_text(report.proposal.path)}: {verdict} for {visible(report.proposal.call.id)} "
        f"({len(report.errors)} error(s), {len(report.warnings)} warning(s))",
        *(f"{where(f)}: {f.severity} [{f.rule}] {visible(f.message)}" for f in report.findings),
        *(f"{d.title}: {when(d, report.now)}" for d in report.deadlines),
    ]
    stream.write("".join(f"{neutralise(line)}\n" for line in lines))


def _cell(text: str) -> str:
    """Visible text that stays in its table cell."""
    return visible(text).replace("|", "\\|")


def write_markdown(report: Report, stream: TextIO) -> None:
    proposal = report.proposal
    ok, bad = ("✅", "❌") if is_utf(stream) else ("[OK]", "[X]")
    mark = f"{ok} Consortium complete" if report.complete else f"{bad} Consortium incomplete"
    lines = [
        f"## {mark}: {_cell(proposal.call.id)}",
        "",
        f"`{_cell(path_text(proposal.path))}`: {len(report.errors)} error(s), {len(report.warnings)} warning(s), "
        f"as of {stamp(report.now)}.",
        "",
        "| Member | Country | Role | Status | Label |",
        "|---|---|---|---|---|",
    ]
    for m in proposal.members:
        label = label_text(m.cluster.label, proposal.call_deadline)
        lines.append(
            f"| {_cell(m.cluster.name)} | {m.cluster.country} | {m.spec.role} | {m.spec.status} | {_cell(label)} |"
        )
    if report.findings:
        lines += ["", "| Severity | Rule | What to do | Where |", "|---|---|---|---|"]
        lines += [
            f"| {f.severity} | `{f.rule}` | {_cell(f.message)} | `{_cell(where(f))}` |"
            for f in report.errors + report.warnings
        ]
    lines += [""] + [f"- **{d.title}**: {when(d, report.now)}" for d in report.deadlines]
    stream.write("\n".join(lines) + "\n")


def _xml(text: str) -> str:
    """Text from files for XML: visible (no terminal escapes in a CI log) and parseable."""
    return xml_safe(visible(text))


def write_junit(report: Report, stream: TextIO) -> None:
    """One test case per rule id: failures for errors, warnings as system-out."""
    from xml.etree import ElementTree as ET

    suite = ET.Element("testsuite", name="consortium check", tests=str(len(REGISTRY)))
    failures = 0
    call_id = _xml(report.proposal.call.id)
    for rule in REGISTRY:
        case = ET.SubElement(suite, "testcase", classname=f"consortium.{call_id}", name=rule)
        found = [f for f in report.findings if f.rule == rule]
        errors = [f for f in found if f.severity == "error"]
        if errors:
            failures += 1
            failure = ET.SubElement(case, "failure", message=_xml(errors[0].message), type="error")
            failure.text = "\n".join(f"{where(f)}: {_xml(f.message)}" for f in errors)
        warnings = [f for f in found if f.severity == "warning"]
        if warnings:
            out = ET.SubElement(case, "system-out")
            out.text = "\n".join(f"warning {where(f)}: {_xml(f.message)}" for f in warnings)
    suite.set("failures", str(failures))
    stream.write(ET.tostring(suite, encoding="unicode", xml_declaration=True) + "\n")
