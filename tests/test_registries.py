"""The registries of rules, commands and writers hold what they say: mypy checks the rule
modules and views statically; these check the lazily named targets and what `suggest`
reads of each rule."""

from __future__ import annotations

import typer

from consortium.check.rules import MODULES, REGISTRY
from consortium.cli import COMMANDS, GROUPS, load_command, load_group
from consortium.report.formats import VIEWS


def test_every_command_and_group_loads_as_what_it_is() -> None:
    assert all(isinstance(load_group(t), typer.Typer) for t in GROUPS.values())
    assert all(callable(load_command(t)) for t in COMMANDS.values())


def test_every_writer_named_exists() -> None:
    for formats in VIEWS.values():
        for name in formats.names:
            assert callable(formats.writer(name)), name


def test_each_rule_says_itself_whether_additions_fix_it() -> None:
    """The errors `suggest` cannot fix are declared by their rules, not in a table."""
    assert [m.ID for m in MODULES] == list(REGISTRY)
    always = {
        rule_id
        for rule_id, rule in REGISTRY.items()
        if rule.severity == "error" and rule.unfixable.__module__ == rule.check.__module__
    }
    assert {"max-partners", "member-type", "eccp", "duplicate-member", "call-deadline"} <= always
