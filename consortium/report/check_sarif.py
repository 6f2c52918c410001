"""The check report as SARIF 2.1.0, for GitHub code scanning and other SARIF viewers.

Rules come from the registry with their descriptions; each finding is a result on its file
and line; a file that could not be checked gives one error result per problem (rule
``not-checkable``), so code scanning shows a YAML typo where it is.
Reference: OASIS SARIF 2.1.0 (docs.oasis-open.org/sarif/sarif/v2.1.0), GitHub's "SARIF
support for code scanning" (required: version, runs[].tool.driver.name, results[].message
and ruleId, locations with artifactLocation.uri and region.startLine >= 1).
"""

from __future__ import annotations

import os
from pathlib import Path, PurePath
from typing import Any, TextIO

from consortium import HOME, __version__
from consortium.check.rules import REGISTRY
from consortium.check.runner import Checked
from consortium.report.values import dump_json

SCHEMA = "https://json.schemastore.org/sarif-2.1.0.json"
RULES_DOC = "docs/rules.md"


def help_uri(rule_id: str) -> str:
    """The rule's section of docs/rules.md (generated from the registry, a test keeps it
    so) at the release's tag, where code scanning's "learn more" link leads."""
    return f"{HOME}/blob/v{__version__}/{RULES_DOC}#{rule_id}"


NOT_CHECKABLE = {
    "id": "not-checkable",
    "name": "NotCheckable",
    "shortDescription": {"text": "the file could not be read or validated"},
    "fullDescription": {"text": "A problem with the file itself: fix it before the check can run."},
    "defaultConfiguration": {"level": "error"},
    "helpUri": help_uri("not-checkable"),
}


def _rules() -> list[dict[str, Any]]:
    rules = [
        {
            "id": rule.id,
            "name": "".join(word.capitalize() for word in rule.id.split("-")),
            "shortDescription": {"text": rule.summary or rule.id},
            "fullDescription": {"text": rule.description or rule.id},
            "defaultConfiguration": {"level": rule.severity},
            "helpUri": help_uri(rule.id),
        }
        for rule in REGISTRY.values()
    ]
    return [*rules, NOT_CHECKABLE]


def _uri(path: Path) -> str:
    """A URI reference (RFC 3986): relative as given (code scanning resolves it from the
    checkout), forward slashes, and every byte of the file name that a URI cannot hold
    percent-encoded (``a b#?.yaml`` is ``a%20b%23%3F.yaml``), so GitHub finds the file."""
    from urllib.parse import quote

    return quote(os.fsencode(PurePath(path).as_posix()), safe="/")


def _result(
    rule: str, level: str, text: str, path: Path, line: int, column: int = 0
) -> dict[str, Any]:
    location: dict[str, Any] = {"artifactLocation": {"uri": _uri(path)}}
    if line >= 1:
        location["region"] = {"startLine": line, **({"startColumn": column} if column >= 1 else {})}
    index = [r["id"] for r in _rules()].index(rule)
    return {
        "ruleId": rule,
        "ruleIndex": index,
        "level": level,
        "message": {"text": text},
        "locations": [{"physicalLocation": location}],
    }


def write_sarif(report: Checked, stream: TextIO) -> None:
    """Every finding a result on its file and line, those of the ``not-checkable`` rule
    too; the verdict, as every other format says it, in a property bag (SARIF has no
    field for it)."""
    results = [
        _result(f.rule, f.severity, f.message, f.path, f.line, f.column) for f in report.findings
    ]
    invocation = {
        "executionSuccessful": report.checked,
        "properties": {"verdict": report.verdict, "summary": report.summary},
    }
    run = {
        "tool": {
            "driver": {
                "name": "consortium",
                "version": __version__,
                "informationUri": HOME,
                "rules": _rules(),
            }
        },
        "invocations": [invocation],
        "results": results,
    }
    dump_json({"$schema": SCHEMA, "version": "2.1.0", "runs": [run]}, stream)
