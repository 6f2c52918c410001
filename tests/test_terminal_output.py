"""Help that teaches, and output for terminals, logs and pipes (issue 15, points 11, 12)."""

from __future__ import annotations

import re

import pytest

from consortium.cli import command
from tests.conftest import EXAMPLE, Cli, command_tree

SEED = "consortium.yaml"


@pytest.fixture(autouse=True)
def _in_the_example(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(EXAMPLE)  # short paths: a path is one token, never wrapped


BEFORE = ("--today", "2021-01-10")
TOKENS = re.compile(r"\d{2} [A-Z][a-z]{2} \d{4} \d{2}:\d{2} CET|\d+ days ago|in \d+ days \d+ h")


def test_consortium_alone_prints_the_help(cli: Cli) -> None:
    result = cli()
    assert result.exit_code == 0 and "Usage: consortium" in result.stdout
    assert "consortium help COMMAND" in result.stdout


@pytest.mark.parametrize("words", [("check",), ("requests", "list"), ("requests",)])
def test_help_command(cli: Cli, words: tuple[str, ...]) -> None:
    asked = cli("help", *words)
    assert asked.exit_code == 0, asked.output
    assert asked.stdout == cli(*words, "--help").stdout
    assert f"Usage: consortium {' '.join(words)}" in asked.stdout


def test_every_command_ends_with_examples(cli: Cli) -> None:
    names = [(), *(n for n, _ in command_tree(command()))]
    assert ("calls", "show") in names
    for name in names:
        text = cli(*name, "--help").stdout
        tail = text[text.rindex("Examples") :]
        lines = [line.strip() for line in tail.splitlines()]
        shown = [line for line in lines if line.startswith("$ consortium")]
        assert 2 <= len(shown) <= 3, (name, tail)
        assert all(lines[lines.index(s) - 1].startswith("#") for s in shown), "line breaks kept"


@pytest.mark.parametrize("columns", [60, 61, 67, 72, 80, 97])
def test_no_token_is_split_on_a_narrow_terminal(cli: Cli, columns: int) -> None:
    for args in (("check", SEED, *BEFORE), ("suggest", SEED, *BEFORE)):
        result = cli(*args, env={"COLUMNS": str(columns)})
        lines = result.stdout.splitlines()
        assert lines and all(len(line.rstrip()) <= columns for line in lines), args
        joined = " ".join(line.strip() for line in lines)
        for token in TOKENS.findall(joined):
            assert token in result.stdout, f"{token!r} split at {columns} columns"


def test_wrapped_findings_keep_a_hanging_indent(cli: Cli) -> None:
    text = cli("check", SEED, *BEFORE, env={"COLUMNS": "60"}).stdout
    lines = text.splitlines()
    start = next(i for i, line in enumerate(lines) if line.startswith("error sought-partner"))
    body = lines[start + 1 : start + 4]
    assert len(body) == 3 and all(line.startswith("  ") for line in body), body


def test_a_pipe_gets_one_line_per_finding(cli: Cli) -> None:
    result = cli("check", SEED, *BEFORE, env={"COLUMNS": None})
    lines = result.stdout.splitlines()
    sought = lines[next(i for i, x in enumerate(lines) if x.startswith("error sought-partner")) + 1]
    assert sought.startswith("  request RDFR20201119001 seeks") and sought.endswith("add one")
    assert any(x.startswith("INCOMPLETE") and x.endswith("CET") for x in lines)
    suggested = cli("suggest", SEED, *BEFORE, env={"COLUMNS": None}).stdout.splitlines()
    assert suggested[1].startswith("   dk-vestenergi") and suggested[1].endswith("ECCP")
