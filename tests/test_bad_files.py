"""Every user mistake in a file: one line with path and line, exit 2, no traceback."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.conftest import Cli, Write

VALID = "reference: RDFR20201119001\ntitle: Energy cluster sought\ncountry: FR\n"

CASES = {
    "typo": (VALID + "statuss: open\n", 4, "unknown key 'statuss': did you mean 'status'?"),
    "syntax": ("reference: RDFR20201119001\ntitle: [x\ncountry: FR\n", 3, "YAML syntax error"),
    "impossible date": (
        VALID + "deadlines:\n  eoi: 31/02/2021\n",
        5,
        "deadlines.eoi: '31/02/2021' is not a real date (February 2021 has 28 days)",
    ),
    "unknown country": (
        VALID + "consortium:\n  - {country: ZZ}\n",
        5,
        "consortium.0.country: unknown country code 'ZZ'",
    ),
    "unquoted NO": (VALID + "consortium:\n  - country: NO\n", 5, 'quote it, e.g. country: "NO"'),
    "empty": ("", 1, "is empty"),
    "duplicate key": (VALID + "title: again\n", 4, "duplicate key 'title' (first on line 2)"),
    "missing key": ("reference: RDFR20201119001\ncountry: FR\n", 1, "missing required key 'title'"),
    "bad reference": (VALID.replace("20201119", "20201319"), 1, "holds no real date"),
    "country differs": (
        VALID.replace("country: FR", "country: ES"),
        3,
        "differs from the reference",
    ),
    "alias": (VALID + "keywords: &k [a]\nsummary: *k\n", 4, "aliases (*name) are not allowed"),
    "top-level list": ("- a\n- b\n", 1, "expected a mapping of keys at the top level"),
}


@pytest.mark.parametrize("name", list(CASES))
def test_bad_request_file(cli: Cli, write: Write, name: str) -> None:
    text, line, message = CASES[name]
    path = write("requests/RDFR20201119001.yaml", text)
    for args in (("validate", path), ("requests", "list", "--dir", path.parent, "--all")):
        result = cli(*args)
        assert result.exit_code == 2, result.output
        first = result.stderr.splitlines()[0]
        assert first.startswith(f"{path}:{line}:"), first
        assert message in first
        assert "Traceback" not in result.output


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("20/12/2020", "2020-12-20"),
        ("20.12.2020", "2020-12-20"),
        ("20 December 2020", "2020-12-20"),
        ("2020-12-20", "2020-12-20"),
        ("'2020-02-01'", "2020-02-01"),  # ISO stays ISO: never day-first
    ],
)
def test_date_forms_people_type(cli: Cli, write: Write, text: str, expected: str) -> None:
    path = write("requests/RDFR20201119001.yaml", VALID + f"deadlines: {{eoi: {text}}}\n")
    result = cli("requests", "list", "--dir", path.parent, "--all", "-f", "json")
    assert result.exit_code == 0, result.stderr
    assert result.stdout.count(f'"at": "{expected}T23:59:59+01:00"') == 1


def test_missing_path_is_one_line(cli: Cli, tmp_path: Path) -> None:
    result = cli("validate", tmp_path / "nope.yaml")
    assert result.exit_code == 2
    assert (
        result.stderr.splitlines()[0] == f"{tmp_path / 'nope.yaml'}: no such file: check the path"
    )


def test_validate_detects_kinds_and_accepts_bundled_data(cli: Cli) -> None:
    from tests.conftest import EXAMPLE, REQUESTS

    result = cli("validate", REQUESTS, EXAMPLE)
    assert result.exit_code == 0, result.stderr
    assert "0 of" not in result.stderr and "file(s) valid" in result.stderr


def test_cluster_typo_is_located(cli: Cli, write: Write) -> None:
    path = write("clusters/x.yaml", "name: X\ncountry: AT\nlabel: {level: platinum}\n")
    result = cli("validate", path)
    assert result.exit_code == 2
    assert result.stderr.startswith(f"{path}:3:")
    assert "label.level: write bronze, silver or gold, not 'platinum'" in result.stderr
