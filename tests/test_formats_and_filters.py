"""Issue 15, points 6-8: one format vocabulary, nothing silent, labels as they stand."""

from __future__ import annotations

import csv
import io
import json
from datetime import date
from pathlib import Path

import pytest
import yaml

from tests.conftest import EXAMPLE, REQUESTS, Cli

CLUSTERS = EXAMPLE / "clusters"
DAY = ("--today", "2020-11-27")
LISTS = {
    "requests list": ("requests", "list", "--dir", REQUESTS, "--all"),
    "deadlines": ("deadlines", REQUESTS),
    "calls list": ("calls", "list"),
    "clusters list": ("clusters", "list", "--dir", CLUSTERS),
    "rules": ("rules",),
    "match": (
        "match",
        "RDFR20201119001",
        "--dir",
        EXAMPLE / "requests",
        "--clusters",
        CLUSTERS,
    ),
    "match --cluster": (
        "match",
        "--cluster",
        "pl-krakdigital",
        "--dir",
        REQUESTS,
        "--clusters",
        CLUSTERS,
    ),
}
SHOWS = {
    "requests show": ("requests", "show", "RDFR20201119001", "--dir", REQUESTS),
    "calls show": ("calls", "show", "COS-CLUSTER-2020-3-03"),
    "clusters show": ("clusters", "show", "dk-vestenergi", "--dir", CLUSTERS),
    "rules ID": ("rules", "pic"),
}
OTHERS = {
    "check": ("check", EXAMPLE / "consortium.yaml"),
    "suggest": ("suggest", EXAMPLE / "consortium.yaml"),
}
EVERY = {**LISTS, **SHOWS, **OTHERS}


def _day(view: str) -> tuple[str, ...]:
    return () if view.startswith("rules") else DAY


# 6. One format vocabulary ------------------------------------------------------------------


@pytest.mark.parametrize("view", list(EVERY))
def test_text_and_table_are_one_format_on_every_command(cli: Cli, view: str) -> None:
    text = cli(*EVERY[view], "--format", "text", *_day(view))
    table = cli(*EVERY[view], "--format", "table", *_day(view))
    assert text.exit_code == table.exit_code and text.exit_code in (0, 1), text.stderr
    assert text.stdout.strip() and text.stdout == table.stdout


@pytest.mark.parametrize("view", list(EVERY))
def test_json_and_markdown_on_every_command(cli: Cli, view: str) -> None:
    data = cli(*EVERY[view], "--format", "json", *_day(view))
    assert data.exit_code in (0, 1), data.stderr
    json.loads(data.stdout)
    md = cli(*EVERY[view], "--format", "markdown", *_day(view))
    assert md.exit_code in (0, 1) and "|---|" in md.stdout, md.stderr


@pytest.mark.parametrize("view", list(LISTS))
def test_csv_on_every_list(cli: Cli, view: str) -> None:
    result = cli(*LISTS[view], "--format", "csv", *_day(view))
    assert result.exit_code == 0, result.stderr
    rows = list(csv.reader(io.StringIO(result.stdout)))
    assert len(rows) >= 2 and len({len(r) for r in rows}) == 1


@pytest.mark.parametrize(
    ("view", "accepted"),
    [
        ("requests list", "text (or table), json, csv or markdown"),
        ("match", "text (or table), json, csv or markdown"),
        ("rules ID", "text (or table), json or markdown"),
        ("check", "auto, text (or table), json, github, markdown, junit, sarif or html"),
        ("suggest", "text (or table), json or markdown"),
    ],
)
def test_an_unknown_format_lists_what_the_command_accepts(
    cli: Cli, view: str, accepted: str
) -> None:
    result = cli(*EVERY[view], "--format", "xml", *_day(view))
    assert result.exit_code == 2 and result.stdout == ""
    assert result.stderr.count("\n") == 1 and accepted in result.stderr, result.stderr


@pytest.mark.parametrize("view", ["requests list", "deadlines", "calls list", "clusters list"])
def test_json_lists_are_one_document_with_one_item_a_line(cli: Cli, view: str) -> None:
    out = cli(*LISTS[view], "--format", "json", *DAY).stdout
    items = json.loads(out)
    lines = out.splitlines()
    assert lines[0] == "[" and lines[-1] == "]" and len(lines) == len(items) + 2
    assert [json.loads(line.rstrip(",")) for line in lines[1:-1]] == items


def _deadlines(value: object) -> list[dict[str, object]]:
    """Every deadline object anywhere in a JSON document."""
    if isinstance(value, dict):
        found = [value] if "remaining_seconds" in value else []
        return found + [d for v in value.values() for d in _deadlines(v)]
    if isinstance(value, list):
        return [d for v in value for d in _deadlines(v)]
    return []


@pytest.mark.parametrize("view", ["requests list", "deadlines", "calls list", "check"])
def test_remaining_seconds_is_always_an_int(cli: Cli, view: str) -> None:
    found = _deadlines(json.loads(cli(*EVERY[view], "-f", "json", *DAY).stdout))
    known = [d for d in found if d["at"] is not None]
    assert known and all(type(d["remaining_seconds"]) is int for d in known)


def test_match_scores_are_ints_and_points_floats(cli: Cli) -> None:
    data = json.loads(cli(*LISTS["match"], "-f", "json", *DAY).stdout)
    scores = [c["score"] for c in data["candidates"]]
    points = [p["points"] for c in data["candidates"] + data["apart"] for p in c["parts"]]
    weights = [p["weight"] for c in data["candidates"] + data["apart"] for p in c["parts"]]
    assert scores and all(type(s) is int for s in scores)
    assert points and all(type(p) is float for p in points)
    assert all(type(w) is int for w in weights)


# 7. Nothing silent -------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("args", "sentence"),
    [
        (
            ("requests", "list", "--dir", REQUESTS, "--country", "it"),
            "no open request matches --country IT (--all shows closed and expired ones)",
        ),
        (
            ("requests", "list", "--dir", REQUESTS, "--all", "--kind", "TO"),
            "no request matches --kind TO",
        ),
        (("deadlines", REQUESTS, "--country", "SE"), "no coming deadline matches --country SE"),
        (
            ("clusters", "list", "--dir", CLUSTERS, "--country", "SE"),
            "no cluster matches --country SE",
        ),
    ],
)
def test_an_empty_result_is_a_sentence_not_bare_headers(
    cli: Cli, args: tuple[str | Path, ...], sentence: str
) -> None:
    people = cli(*args, *DAY)
    assert people.exit_code == 0 and people.stdout == ""
    assert people.stderr == f"consortium: {sentence}\n"
    machine = cli(*args, *DAY, "--format", "json")
    assert machine.exit_code == 0 and machine.stderr == people.stderr
    assert json.loads(machine.stdout) == []


def test_match_with_nothing_open_says_so(cli: Cli, tmp_path: Path) -> None:
    (tmp_path / "requests").mkdir()
    args = ("match", "--cluster", "pl-krakdigital", "--dir", tmp_path / "requests")
    people = cli(*args, "--clusters", CLUSTERS, *DAY)
    said = "no open request fits pl-krakdigital (0 kept apart by a hard criterion, 0 not open)"
    assert people.exit_code == 0 and people.stdout == ""
    assert people.stderr == f"consortium: {said}\n"
    machine = cli(*args, "--clusters", CLUSTERS, *DAY, "-f", "json")
    assert json.loads(machine.stdout)["requests"] == [] and said in machine.stderr


def test_an_empty_folder_says_where_it_looked(cli: Cli, tmp_path: Path) -> None:
    (tmp_path / "requests").mkdir()
    result = cli("requests", "list", "--dir", tmp_path / "requests", "--all", *DAY)
    assert result.exit_code == 0 and result.stdout == ""
    assert f"no request in {tmp_path / 'requests'}/" in result.stderr


@pytest.mark.parametrize(
    "args",
    [
        ("requests", "list", "--dir", REQUESTS),
        ("deadlines", REQUESTS),
        ("clusters", "list", "--dir", CLUSTERS),
    ],
)
@pytest.mark.parametrize(
    ("given", "hint"),
    [("Italy", "write IT for Italy"), ("germany", "write DE for Germany"), ("EL", "write GR")],
)
def test_a_country_name_is_an_error_with_its_code(
    cli: Cli, args: tuple[str | Path, ...], given: str, hint: str
) -> None:
    result = cli(*args, "--country", given, *DAY)
    assert result.exit_code == 2 and result.stdout == ""
    assert result.stderr.count("\n") == 1 and hint in result.stderr, result.stderr


def test_an_unknown_label_names_the_closest(cli: Cli) -> None:
    result = cli("clusters", "list", "--dir", CLUSTERS, "--label", "gld", *DAY)
    assert result.exit_code == 2 and result.stderr.count("\n") == 1
    assert "did you mean gold?" in result.stderr


@pytest.mark.parametrize(
    "args", [("requests", "list", "--dir", REQUESTS), ("clusters", "list", "--dir", CLUSTERS)]
)
def test_an_unknown_sector_names_the_closest(cli: Cli, args: tuple[str | Path, ...]) -> None:
    result = cli(*args, "--sector", "enrgy", *DAY)
    assert result.exit_code == 2 and result.stderr.count("\n") == 1
    assert "did you mean energy?" in result.stderr
    known = cli(*args, "--sector", "aerospace", *DAY)  # in the vocabulary, in no file
    assert known.exit_code == 0 and known.stderr.startswith("consortium: no ")


def test_an_unknown_kind_is_an_error(cli: Cli) -> None:
    result = cli("requests", "list", "--dir", REQUESTS, "--kind", "XY", *DAY)
    assert result.exit_code == 2 and "write RD, BO, BR, TO or TR" in result.stderr


def _closed_eoi_coming(cli: Cli, day: str) -> int:
    """Coming EOI deadlines of closed requests, counted from what --all lists."""
    listed = cli("requests", "list", "--dir", REQUESTS, "--all", "-f", "json", "--today", day)
    closed = {r["reference"] for r in json.loads(listed.stdout) if r["status"] == "closed"}
    rows = cli("deadlines", REQUESTS, "--all", "-f", "json", "--today", day).stdout
    return sum(
        1
        for r in json.loads(rows)
        if r["reference"] in closed and r["name"] == "eoi" and not r["passed"]
    )


@pytest.mark.parametrize("ics", [False, True])
def test_a_hidden_deadline_says_why(cli: Cli, tmp_path: Path, ics: bool) -> None:
    hidden = _closed_eoi_coming(cli, "2020-11-20")
    assert hidden > 0
    extra = ("--ics", tmp_path / "d.ics") if ics else ()
    result = cli("deadlines", REQUESTS, "--today", "2020-11-20", *extra)
    said = (
        "1 deadline of a closed request hidden; --all shows it"
        if hidden == 1
        else f"{hidden} deadlines of closed requests hidden; --all shows them"
    )
    assert result.exit_code == 0 and f"consortium: {said}\n" in result.stderr
    shown = cli("deadlines", REQUESTS, "--today", "2020-11-20", "--all", *extra, "--force")
    assert shown.exit_code == 0 and "--all shows" not in shown.stderr


def test_one_hidden_deadline_is_said_in_the_singular(cli: Cli, tmp_path: Path) -> None:
    closed = tmp_path / "requests"
    closed.mkdir()
    source = REQUESTS / "RDFR20201119001.yaml"
    assert "status: closed" in source.read_text(encoding="utf-8")
    (closed / source.name).write_bytes(source.read_bytes())
    result = cli("deadlines", closed, "--today", "2020-11-20")
    assert "consortium: 1 deadline of a closed request hidden; --all shows it\n" in result.stderr


def test_ics_dash_writes_the_calendar_to_stdout(
    cli: Cli, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    result = cli("deadlines", REQUESTS, "--ics", "-", *DAY)
    assert result.exit_code == 0 and result.stdout.startswith("BEGIN:VCALENDAR")
    assert result.stdout.rstrip().endswith("END:VCALENDAR") and not (tmp_path / "-").exists()


@pytest.mark.parametrize("view", [v for v in EVERY if not v.startswith("rules")])
def test_today_with_now_is_an_error_on_every_command(cli: Cli, view: str) -> None:
    result = cli(*EVERY[view], "--today", "2020-11-27", "--now", "2020-11-27T10:00")
    assert result.exit_code == 2 and result.stdout == ""
    assert result.stderr.count("\n") == 1 and "--today and --now" in result.stderr


# 8. Labels as they stand -------------------------------------------------------------------


def _labels() -> dict[str, tuple[str, date]]:
    """Each example profile's label level and valid_until, read from the files."""
    labels = {}
    for path in CLUSTERS.glob("*.yaml"):
        label = yaml.safe_load(path.read_text(encoding="utf-8")).get("label")
        if label:
            labels[path.stem] = (label["level"], label["valid_until"])
    return labels


def test_list_and_show_mark_a_lapsed_label(cli: Cli) -> None:
    level, until = _labels()["dk-vestenergi"]
    later = ("--today", (until.replace(year=until.year + 1)).isoformat())
    listed = cli("clusters", "list", "--dir", CLUSTERS, *later).stdout
    shown = cli(*SHOWS["clusters show"], *later).stdout
    assert f"{level}, lapsed {until}" in listed and f"{level}, lapsed {until}" in shown
    before = ("--today", (until.replace(year=until.year - 1)).isoformat())
    assert f"{level} until {until}" in cli(*SHOWS["clusters show"], *before).stdout
    assert "lapsed" not in cli(*SHOWS["clusters show"], *before).stdout


def test_a_narrow_list_still_marks_a_lapsed_label(cli: Cli) -> None:
    result = cli(
        "clusters", "list", "--dir", CLUSTERS, "--today", "2030-01-01", env={"COLUMNS": "60"}
    )
    assert result.exit_code == 0 and "(lapsed)" in result.stdout


@pytest.mark.parametrize("day", ["2021-06-01", "2022-07-01", "2030-01-01"])
def test_label_filter_says_how_many_lapsed_ones_it_left_out(cli: Cli, day: str) -> None:
    lapsed = sum(
        1 for lv, until in _labels().values() if lv == "gold" and until < date.fromisoformat(day)
    )
    result = cli("clusters", "list", "--dir", CLUSTERS, "--label", "gold", "--today", day)
    said = f"left out {lapsed} cluster(s) whose gold label or better lapsed before {day}"
    assert (said in result.stderr) == (lapsed > 0), result.stderr


def test_a_consortium_without_members_says_so_instead_of_bare_headers(
    cli: Cli, tmp_path: Path
) -> None:
    (tmp_path / "consortium.yaml").write_text("call: COS-CLUSTER-2020-3-03\nmembers: []\n")
    result = cli("check", tmp_path / "consortium.yaml", "--today", "2020-11-20")
    assert result.exit_code == 1
    assert "Members: none yet" in result.stdout
    assert "Cluster" not in result.stdout  # no header row of an empty table


def test_the_clock_is_read_in_brussels_time_as_today_is(cli: Cli) -> None:
    """Without --today, --now or CONSORTIUM_NOW the header says Brussels time, as with
    them: "today" is one day whichever way it comes (past 23:00 UTC in winter, the UTC
    date is already yesterday in Brussels)."""
    from consortium.cli.common import resolve_now

    assert str(resolve_now(None, None).tzinfo) == "Europe/Brussels"
    shown = cli("requests", "list", "--all").stdout.splitlines()[0]
    assert shown.endswith((" CET", " CEST")), shown
