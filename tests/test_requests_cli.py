"""`requests list`, `requests show` and `deadlines` on the bundled request files."""

from __future__ import annotations

import csv
import io
import json
from datetime import datetime
from pathlib import Path

from tests.conftest import REQUESTS, Cli, Write


def test_show_seed_counts_down_both_deadlines(cli: Cli) -> None:
    result = cli("requests", "show", "RDFR20201119001", "--dir", REQUESTS, "--today", "2020-11-27")
    assert result.exit_code == 0, result.output
    out = " ".join(result.stdout.split())
    assert "EOI deadline 20 Dec 2020 23:59 CET (in 23 days 23 h)" in out
    assert "Call deadline 02 Feb 2021 17:00 CET (in 67 days 17 h)" in out
    assert "COS-CLUSTER-2020-3-03" in out
    assert "Portuguese cluster (PT): interested" in out
    assert "gold label preferred" in out
    assert "closed" in out


def test_list_json_all_has_every_file_with_offset_datetimes(cli: Cli) -> None:
    result = cli(
        "requests", "list", "--dir", REQUESTS, "--all", "--format", "json", "--today", "2026-11-27"
    )
    assert result.exit_code == 0, result.stderr
    rows = json.loads(result.stdout)
    assert {r["reference"] for r in rows} == {p.stem for p in REQUESTS.glob("*.yaml")}
    seed = next(r for r in rows if r["reference"] == "RDFR20201119001")
    assert [d["name"] for d in seed["deadlines"]] == ["eoi", "call"]
    call = datetime.fromisoformat(seed["deadlines"][1]["at"])
    assert call.utcoffset() is not None and call.isoformat() == "2021-02-02T17:00:00+01:00"
    assert seed["deadlines"][1]["passed"] is True


def test_list_defaults_to_open_requests_soonest_deadline_first(cli: Cli) -> None:
    result = cli("requests", "list", "--dir", REQUESTS, "--format", "json", "--today", "2026-11-27")
    rows = json.loads(result.stdout)
    assert rows and all(r["open"] for r in rows)
    assert "RDFR20201119001" not in {r["reference"] for r in rows}
    firsts = [min(d["remaining_seconds"] for d in r["deadlines"]) for r in rows if r["deadlines"]]
    assert firsts == sorted(firsts)


def test_seed_was_open_before_its_eoi(cli: Cli) -> None:
    # A closed request stays closed: the seed's file says "closed for requests".
    result = cli("requests", "list", "--dir", REQUESTS, "--format", "json", "--today", "2020-11-27")
    assert "RDFR20201119001" not in {r["reference"] for r in json.loads(result.stdout)}


def test_filters_combine(cli: Cli) -> None:
    base = ("requests", "list", "--dir", REQUESTS, "--all", "--format", "json")
    by_country = json.loads(cli(*base, "--country", "fr").stdout)
    assert [r["reference"] for r in by_country] == ["RDFR20201119001"]
    cosme = json.loads(cli(*base, "--programme", "cosme").stdout)
    assert cosme and all("COSME" in r["programme"] for r in cosme)
    offers = json.loads(cli(*base, "--kind", "BO").stdout)
    assert offers and all(r["type"] == "BO" for r in offers)
    energy = json.loads(cli(*base, "--sector", "energy", "--call", "COS-CLUSTER-2020").stdout)
    assert "RDFR20201119001" in {r["reference"] for r in energy}
    assert all(r["call"].startswith("COS-CLUSTER-2020") for r in energy)


def test_sort_by_country(cli: Cli) -> None:
    rows = json.loads(
        cli(
            "requests", "list", "--dir", REQUESTS, "--all", "-f", "json", "--sort", "country"
        ).stdout
    )
    assert [r["country"] for r in rows] == sorted(r["country"] for r in rows)


def test_csv_is_plain_and_parses(cli: Cli) -> None:
    result = cli(
        "requests", "list", "--dir", REQUESTS, "--all", "--format", "csv", "--today", "2020-11-27"
    )
    rows = list(csv.DictReader(io.StringIO(result.stdout)))
    seed = next(r for r in rows if r["reference"] == "RDFR20201119001")
    assert seed["eoi"] == "2020-12-20T23:59:59+01:00"
    assert "\x1b[" not in result.stdout


def test_table_lists_the_open_ones(cli: Cli) -> None:
    result = cli("requests", "list", "--dir", REQUESTS, "--today", "2026-11-27")
    assert result.exit_code == 0
    assert "RDRDE20260914001" in result.stdout and "RDFR20201119001" not in result.stdout


def test_show_unknown_reference_is_one_line_exit_2(cli: Cli) -> None:
    result = cli("requests", "show", "RDFR20991119001", "--dir", REQUESTS)
    assert result.exit_code == 2
    assert result.stderr.count("\n") == 1 and "no request RDFR20991119001" in result.stderr


def test_deadlines_soonest_first_and_only_coming(cli: Cli) -> None:
    result = cli("deadlines", REQUESTS, "--format", "json", "--today", "2020-11-27")
    rows = json.loads(result.stdout)
    firsts = [(r["reference"], r["name"]) for r in rows[:2]]
    # the seed is closed: its EOI deadline shows only with --all (issue 12)
    assert firsts == [("RDIT20201015002", "call"), ("RDES20201125001", "call")]
    seconds = [r["remaining_seconds"] for r in rows]
    assert seconds == sorted(seconds) and min(seconds) > 0


def test_now_from_environment(cli: Cli) -> None:
    result = cli(
        "deadlines", REQUESTS, "-f", "json", env={"CONSORTIUM_NOW": "2021-02-02T16:59:00+01:00"}
    )
    first = json.loads(result.stdout)[0]
    assert (first["reference"], first["name"], first["remaining_seconds"]) == (
        "RDES20201125001",
        "call",
        60,
    )


def test_bad_today_is_a_usage_error(cli: Cli) -> None:
    result = cli("deadlines", REQUESTS, "--today", "27/11/2020")
    assert result.exit_code == 2 and "YYYY-MM-DD" in result.output


def test_one_bad_file_is_reported_and_the_rest_listed(
    cli: Cli, tmp_path: Path, write: Write
) -> None:
    folder = tmp_path / "requests"
    folder.mkdir()
    (folder / "RDFR20201119001.yaml").write_bytes((REQUESTS / "RDFR20201119001.yaml").read_bytes())
    write("requests/broken.yaml", "reference: RDFR20201119001\ntitle: [x\n")
    result = cli("requests", "list", "--dir", folder, "--all", "-f", "json")
    assert result.exit_code == 2
    assert [r["reference"] for r in json.loads(result.stdout)] == ["RDFR20201119001"]
    assert result.stderr.startswith(f"{folder / 'broken.yaml'}:3:")
