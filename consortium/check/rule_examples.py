"""Each rule's Passes and Fails examples, as data: ``rules/examples/<rule-id>.yaml``.

A file holds ``passes`` and ``fails``, each a list of small proposals: ``says`` (the example
in one line, as `consortium rules ID` prints it), the ``consortium`` file, its ``clusters``
by id (each starts from ``_profile.yaml``, a cluster that passes every rule of
COS-CLUSTER-2020-3-03, and gives only what it changes), and where needed a ``request``,
``calls`` and the instant checked (``today`` or ``now``; else 2020-11-27). As ruff keeps a
fixture per rule, tests/test_rule_examples.py builds each proposal and checks that the rule
fires on every Fails and on no Passes. The files are package data, read by the installed
tool and by the tests alike.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

FOLDER = Path(__file__).parent / "rules" / "examples"
TODAY = "2020-11-27"


@dataclass(frozen=True)
class Example:
    """One small proposal and what it shows."""

    says: str
    consortium: dict[str, Any]
    clusters: dict[str, dict[str, Any]]
    request: dict[str, Any] | None = None
    calls: list[dict[str, Any]] = field(default_factory=list)
    today: str | None = None
    now: str | None = None

    @property
    def instant(self) -> tuple[str, str]:
        """The option that fixes the instant checked: ``--now`` or ``--today``."""
        return ("--now", self.now) if self.now else ("--today", self.today or TODAY)


@dataclass(frozen=True)
class Examples:
    passes: list[Example]
    fails: list[Example]


def examples_of(rule_id: str) -> Examples:
    """The examples of ``rule_id``; none when it has no file (a test requires one)."""
    import yaml

    path = FOLDER / f"{rule_id}.yaml"
    data = yaml.safe_load(path.read_text(encoding="utf-8")) if path.is_file() else {}
    return Examples(
        [_example(item) for item in data.get("passes", [])],
        [_example(item) for item in data.get("fails", [])],
    )


def _example(item: dict[str, Any]) -> Example:
    return Example(
        says=str(item["says"]),
        consortium=item["consortium"],
        clusters={str(k): v for k, v in item.get("clusters", {}).items()},
        request=item.get("request"),
        calls=item.get("calls", []),
        today=None if item.get("today") is None else str(item["today"]),
        now=None if item.get("now") is None else str(item["now"]),
    )


def profile(cluster_id: str, given: dict[str, Any]) -> dict[str, Any]:
    """The full profile of an example's cluster: ``_profile.yaml`` with ``given`` over it."""
    import yaml

    base = yaml.safe_load((FOLDER / "_profile.yaml").read_text(encoding="utf-8"))
    merged = {"name": f"{cluster_id} cluster", **base, **given}
    return {k: v for k, v in merged.items() if v is not None}


def files(example: Example) -> dict[str, str]:
    """The proposal's files, relative path to text, written by the one YAML writer."""
    from consortium.files.yamlwriter import block_mapping

    def text(data: dict[str, Any]) -> str:
        return "\n".join(block_mapping(data)) + "\n"

    out = {"consortium.yaml": text(example.consortium)}
    for cluster_id, given in example.clusters.items():
        out[f"clusters/{cluster_id}.yaml"] = text(profile(cluster_id, given))
    if example.request is not None:
        out[f"requests/{example.request['reference']}.yaml"] = text(example.request)
    for call in example.calls:
        out[f"calls/{call['id']}.yaml"] = text(call)
    return out
