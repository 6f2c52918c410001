"""Words for people, not parsers: shape mistakes, indentation, option values, rule texts,
lists and verbs as a reader writes them (issue 15, point 10)."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from consortium.display.text import agreeing
from tests.conftest import EXAMPLE, Cli, Write

SHAPES = {
    "label: gold": (
        "label needs level and valid_until: write label: {level: gold, valid_until: 2022-06-30}"
    ),
    "roles: coordinator": "roles takes a list: write roles: [coordinator]",
    "experience: COSME": (
        "experience takes a list: write experience: [{programme: COSME, year: 2019}]"
    ),
    "region: AT31": "region needs nuts and category: write region: {nuts: AT31, category:",
    "roles: [Coordinater]": "write coordinator or partner, not 'Coordinater' (did you mean",
    "eccp: 'true'": "eccp takes true or false, not 'true': write it without quotes",
}


@pytest.mark.parametrize("line", list(SHAPES))
def test_shape_mistakes_say_what_to_write(cli: Cli, write: Write, line: str) -> None:
    path = write("clusters/x.yaml", f"name: X\ncountry: AT\n{line}\n")
    result = cli("validate", path)
    assert result.exit_code == 2
    assert result.stderr.startswith(f"{path}:3:")
    assert SHAPES[line] in result.stderr
    for jargon in ("input should", "instance of", "dictionary"):
        assert jargon not in result.stderr.lower()


INDENTS = {
    "a key indented too far": (
        "name: X\n  country: AT\n",
        2,
        "indented more than the key above it",
    ),
    "a key between two levels": (
        "name: X\ncountry: AT\nlabel:\n  level: gold\n valid_until: 2022-06-30\n",
        5,
        "indentation (column 2) matches nothing above it: YAML expected a key in column 1",
    ),
}


@pytest.mark.parametrize("case", list(INDENTS))
def test_bad_indentation_names_the_line_and_what_yaml_expected(
    cli: Cli, write: Write, case: str
) -> None:
    text, line, said = INDENTS[case]
    path = write("clusters/x.yaml", text)
    result = cli("validate", path)
    assert result.exit_code == 2
    assert result.stderr.startswith(f"{path}:{line}:"), result.stderr
    assert said in result.stderr and "YAML syntax error" not in result.stderr


@pytest.mark.parametrize(
    ("args", "said"),
    [
        (["match", "RDFR20201119001", "--top", "0"], "--top must be 1 or more"),
        (["match", "RDFR20201119001", "--top", "x"], "--top takes a whole number"),
        (["suggest", "--apply", "0"], "--apply must be 1 or more"),
    ],
)
def test_option_values_in_plain_words(cli: Cli, args: list[str], said: str) -> None:
    result = cli(*args)
    assert result.exit_code == 2
    assert said in result.stderr and "Input should" not in result.stderr


def test_rules_are_plain_text_with_whole_sentences(cli: Cli) -> None:
    listing = cli("rules").stdout
    assert "``" not in listing and "`" not in listing
    assert "such members beyond the minimum conditions, is named" in " ".join(listing.split())
    shown = cli("rules", "sought-partner").stdout
    assert "``" not in shown and "consortium.check.fit" not in shown
    assert "seeking:" in shown


def test_calls_show_lists_as_lists(cli: Cli) -> None:
    text = cli("calls", "show", "COS-CLUSTER-2020-3-03").stdout
    assert "cluster, business-network" in text
    assert "[" not in text and "'" not in text.split("Notes")[0]


def test_verbs_agree_with_their_subjects(cli: Cli, tmp_path: Path) -> None:
    assert agreeing(["PT"], "confirm") == "PT confirms"
    assert agreeing(["PT", "AT"], "confirm") == "PT and AT confirm"
    one = (
        (EXAMPLE / "consortium.yaml")
        .read_text()
        .replace("status: interested}", "status: confirmed}", 1)
    )
    (tmp_path / "consortium.yaml").write_text(one)
    for folder in ("clusters", "requests"):
        shutil.copytree(EXAMPLE / folder, tmp_path / folder)
    result = cli("check", tmp_path / "consortium.yaml", "--today", "2021-01-10")
    assert "complete once AT confirms" in result.stdout, result.output


def test_a_quoted_value_yaml_cannot_read_unquoted_is_still_one_line(
    cli: Cli, tmp_path: Path
) -> None:
    """'0000-01-01' and an offset of days are no dates to PyYAML (it raises): the hint
    about quotes is skipped, never a crash (found by the property test)."""
    for value in ("'0000-01-01'", "'2001-01-01 00:00:00+99:00'", "'&a [*a]'"):
        call = tmp_path / "calls" / "X-2025.yaml"
        call.parent.mkdir(exist_ok=True)
        call.write_text(
            "id: X-2025\nprogramme: HORIZON\ntitle: t\ndeadline: 2025-01-01\n"
            f"work_programme: {value}\n"
        )
        result = cli("validate", call)
        assert result.exit_code == 2, result.output
        assert "internal error" not in result.stderr
        assert "work_programme" in result.stderr
