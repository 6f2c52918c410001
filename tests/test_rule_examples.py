"""Every rule's Passes and Fails examples, run as fixtures (yamllint's RuleTestCase, ruff's
fixture per rule): the rule fires on each Fails, and never on a Passes. The examples are the
ones `consortium rules ID` prints, read from the same files (consortium/check/rules/examples/)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from consortium.check.rule_examples import FOLDER, Example, examples_of, files
from consortium.check.rules import REGISTRY
from tests.conftest import Cli

CASES = [
    pytest.param(rule_id, kind, example, id=f"{rule_id}-{kind}-{n}")
    for rule_id in REGISTRY
    for kind in ("passes", "fails")
    for n, example in enumerate(getattr(examples_of(rule_id), kind), 1)
]


def fired(cli: Cli, root: Path, example: Example) -> set[str]:
    for name, text in files(example).items():
        (root / name).parent.mkdir(parents=True, exist_ok=True)
        (root / name).write_text(text, encoding="utf-8")
    result = cli("check", root / "consortium.yaml", "--format", "json", *example.instant)
    assert result.exit_code in (0, 1), result.output
    return {f["rule"] for f in json.loads(result.stdout)["findings"]}


@pytest.mark.parametrize(("rule_id", "kind", "example"), CASES)
def test_rule_example(cli: Cli, tmp_path: Path, rule_id: str, kind: str, example: Example) -> None:
    found = fired(cli, tmp_path, example)
    if kind == "fails":
        assert rule_id in found, f"{rule_id} should fire: {example.says}"
    else:
        assert rule_id not in found, f"{rule_id} should not fire: {example.says} ({found})"


@pytest.mark.parametrize("rule_id", list(REGISTRY))
def test_every_rule_has_a_passing_and_a_failing_example(rule_id: str) -> None:
    examples = examples_of(rule_id)
    assert examples.passes and examples.fails, f"consortium/check/rules/examples/{rule_id}.yaml"


def test_every_example_file_names_a_rule() -> None:
    names = {p.stem for p in FOLDER.glob("*.yaml")} - {"_profile"}
    assert names == set(REGISTRY)


def test_rules_show_prints_the_examples(cli: Cli) -> None:
    shown = cli("rules", "coordinator")
    assert shown.exit_code == 0
    examples = examples_of("coordinator")
    assert "Passes:" in shown.stdout and "Fails:" in shown.stdout
    for example in [*examples.passes, *examples.fails]:
        assert example.says in shown.stdout
    data = json.loads(cli("rules", "coordinator", "--format", "json").stdout)
    assert data["passes"] == [e.says for e in examples.passes]
    assert data["fails"] == [e.says for e in examples.fails]
