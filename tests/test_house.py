"""Issue 8: a house ready to grow. Docs that cannot drift, formats that parse, tables that
fit, a registry that owns its rules, a library usable without the CLI."""

from __future__ import annotations

import csv
import io
import json
import re
from datetime import date
from pathlib import Path
from xml.etree import ElementTree as ET

import pytest

from consortium.catalogue.requests import Filter, deadline_rows, find, load_catalogue
from consortium.check.context import Finding
from consortium.check.fit import fit
from consortium.check.rules import REGISTRY
from consortium.check.runner import check_file, run, selection
from consortium.cli import command
from consortium.models import Cluster, Seeking
from consortium.report.formats import VIEWS
from tests.conftest import EXAMPLE, REQUESTS, ROOT, Cli, command_tree, now_of

README = (ROOT / "README.md").read_text(encoding="utf-8")
COMMAND_CELLS = [
    line.split("|")[1]
    for line in README[README.index("| command | what it does |") :]
    .split("\n\n")[0]
    .splitlines()[2:]
]
SEED = EXAMPLE / "consortium.yaml"
COMPLETE = EXAMPLE / "consortium-complete.yaml"
NOW = now_of("2020-11-27")
assert NOW is not None


COMMANDS = list(command_tree(command()))


# Docs that cannot drift ------------------------------------------------------------------


@pytest.mark.parametrize("name", [" ".join(n) for n, _ in COMMANDS])
def test_every_command_has_help_and_a_readme_row(cli: Cli, name: str) -> None:
    sub = dict((" ".join(n), c) for n, c in COMMANDS)[name]
    assert (sub.help or "").strip(), f"{name} has no help text"
    if not hasattr(sub, "commands"):
        assert any(
            f"`consortium {name}" in cell or f"`{name} " in cell or f"`{name}`" in cell
            for cell in COMMAND_CELLS
        ), f"{name} is missing from the README's command table"
    shown = cli(*name.split(), "--help")
    assert shown.exit_code == 0
    assert not re.search(r"<(bool|str|int|path|dir|list\[\w+\])>", shown.stdout), shown.stdout


def test_readme_rule_table_is_the_registry() -> None:
    table = README[README.index("| rule | severity | what it checks |") :].split("\n\n")[0]
    rows = {}
    for line in table.splitlines()[2:]:
        cells = [c.strip() for c in line.strip("|").split("|")]
        rows[cells[0].strip("`")] = cells[1].split()[0]
    assert rows == {rule.id: rule.severity for rule in REGISTRY.values()}


def test_rules_command_lists_and_explains(cli: Cli) -> None:
    listed = cli("rules", "--format", "json")
    assert [r["id"] for r in json.loads(listed.stdout)] == list(REGISTRY)
    one = cli("rules", "label-expiry")
    assert one.exit_code == 0 and "Source:" in one.stdout and "Passes:" in one.stdout
    wrong = cli("rules", "label-expire")
    assert wrong.exit_code == 2 and "did you mean 'label-expiry'" in wrong.stderr


def test_docs_point_only_into_the_repository() -> None:
    texts = [README, *(p.read_text() for p in (ROOT / "consortium").rglob("*.py"))]
    for text in texts:
        assert "DESIGN" not in text and "../shared" not in text
    for link in re.findall(r"\]\(([^)#:]+)\)", README):
        assert (ROOT / link).exists(), link


# Every format of every view parses ------------------------------------------------------

VIEW_ARGS = {
    "check": ("check", COMPLETE),
    "requests list": ("requests", "list", "--all", "--dir", REQUESTS),
    "requests show": ("requests", "show", "RDFR20201119001", "--dir", REQUESTS),
    "deadlines": ("deadlines", REQUESTS, "--all"),
    "calls list": ("calls", "list"),
    "calls show": ("calls", "show", "COS-CLUSTER-2020-3-03"),
    "rules": ("rules",),
    "rules ID": ("rules", "pic"),
    "match": (
        "match",
        "RDFR20201119001",
        "--dir",
        EXAMPLE / "requests",
        "--clusters",
        EXAMPLE / "clusters",
    ),
    "match --cluster": (
        "match",
        "--cluster",
        "pl-krakdigital",
        "--dir",
        REQUESTS,
        "--clusters",
        EXAMPLE / "clusters",
    ),
    "suggest": ("suggest", EXAMPLE / "consortium.yaml"),
    "clusters list": ("clusters", "list", "--dir", EXAMPLE / "clusters"),
    "clusters show": ("clusters", "show", "dk-vestenergi", "--dir", EXAMPLE / "clusters"),
    "validate": ("validate", EXAMPLE),
}


@pytest.mark.parametrize(
    ("view", "fmt"), [(v, f) for v, formats in VIEWS.items() for f in formats.names]
)
def test_every_format_parses(cli: Cli, view: str, fmt: str) -> None:
    today = () if view.startswith(("rules", "validate")) else ("--today", "2020-11-27")
    result = cli(*VIEW_ARGS[view], "--format", fmt, *today)
    assert result.exit_code == 0, result.stderr
    # validate's text report is for people: on stderr, as its problems are
    out = result.stdout + (result.stderr if view == "validate" else "")
    if fmt in ("json", "sarif"):
        json.loads(out)
    elif fmt == "csv":
        rows = list(csv.reader(io.StringIO(out)))
        assert len(rows) >= 2 and len({len(r) for r in rows}) == 1
    elif fmt == "junit":
        ET.fromstring(out)
    elif fmt == "markdown":
        assert re.search(r"^\|( [^|]+ \|)+$\n^\|(---\|)+$", out, re.M), out
    elif fmt == "github":
        assert all(ln.startswith("::") or not ln.startswith(":") for ln in out.splitlines())
    else:
        assert out.strip()


# Tables a terminal can read -------------------------------------------------------------

TOKENS = {
    "requests list": ["RDFR20201119001", "RDRPL20241031001", "20 Dec 2020", "closed", "open"],
    "deadlines": ["RDFR20201119001", "RDRSI20261102001", "02 Feb 2021", "28 May 2027"],
    "calls list": ["COS-CLUSTER-2020-3-03", "SMP-COSME-2024-CLUSTER-01", "02 Feb 2021"],
    "check": ["at-upper-austria-energy", "fr-energy-transition", "coordinator", "confirmed"],
    "clusters list": ["at-upper-austria-energy", "it-edilnova-construction", "silver", "PT"],
}


@pytest.mark.parametrize("columns", [60, 80, 120])
@pytest.mark.parametrize("view", list(TOKENS))
def test_tables_keep_tokens_whole(cli: Cli, view: str, columns: int) -> None:
    args = {**VIEW_ARGS, "deadlines": ("deadlines", REQUESTS)}[view]
    result = cli(*args, "--today", "2020-11-27", env={"COLUMNS": str(columns)})
    assert result.exit_code == 0, result.stderr
    lines = result.stdout.splitlines()
    assert all(len(line.rstrip()) <= columns for line in lines), "\n".join(lines)
    for token in TOKENS[view]:
        assert any(token in line for line in lines), (token, columns, result.stdout)


# The registry, the matcher and the library ------------------------------------------------


def test_a_finding_with_an_unregistered_rule_cannot_exist(tmp_path: Path) -> None:
    with pytest.raises(ValueError, match="no rule 'sought-partnr'"):
        Finding("sought-partnr", "error", "x", tmp_path, 1)


def test_select_and_ignore_use_the_registry(cli: Cli) -> None:
    only = cli(
        "check", SEED, "--select", "coordinator", "--format", "json", "--today", "2020-11-27"
    )
    assert {f["rule"] for f in json.loads(only.stdout)["findings"]} == {"coordinator"}
    rest = cli("check", SEED, "--ignore", "coordinator,sought-partner", "--today", "2020-11-27")
    assert rest.exit_code == 0, rest.stdout
    typo = cli("check", SEED, "--select", "cordinator")
    assert typo.exit_code == 2 and "did you mean 'coordinator'" in typo.stderr
    with pytest.raises(ValueError):
        selection(["nope"])


def test_library_check_file_and_runner() -> None:
    report = check_file(SEED, NOW)
    assert not isinstance(report, list)
    assert {f.rule for f in report.errors} == {"coordinator", "sought-partner"}
    only = run(report.proposal, NOW, selection(["unconfirmed-member"]))
    assert [f.rule for f in only.findings] == ["unconfirmed-member"] * 2


def test_library_catalogue() -> None:
    items, problems = load_catalogue(REQUESTS)
    assert problems == [] and len(items) == 10
    seed = find(items, " rdfr20201119001 ")
    assert seed is not None and seed.request.country == "FR"
    chosen = Filter.of(open_only=False, countries=["fr", " es"], kinds=["rdr"])
    assert sorted(i.request.reference for i in items if chosen.keeps(i, NOW)) == [
        "RDES20201125001",
        "RDFR20201119001",
    ]
    rows = deadline_rows(items, NOW)
    assert rows[0].deadline.at <= rows[-1].deadline.at and not any(
        r.deadline.passed(NOW) for r in rows
    )


def test_one_matcher_says_every_criterion() -> None:
    seeking = Seeking(
        type="cluster",
        sectors=["energy"],
        role="coordinator",
        label="gold",
        label_required=True,
        experience=["COSME"],
    )
    lapsing = Cluster(
        name="Lapsing",
        country="DK",
        sectors=["energy efficiency"],
        roles=["partner"],
        label={"level": "gold", "valid_until": "2021-01-15"},
    )
    result = fit(lapsing, seeking, date(2021, 2, 2))
    assert not result.fits
    reasons = {c.name: (c.met, c.reason) for c in result.criteria}
    assert reasons["role"] == (False, "does not take the coordinator role")
    assert reasons["sector"] == (True, "works in energy")
    assert reasons["label"][0] is False and "lapses on 2021-01-15" in reasons["label"][1]
    assert reasons["experience"] == (False, "has no COSME experience")
