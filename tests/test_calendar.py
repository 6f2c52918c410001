"""Issue 12: `deadlines --ics` (an iCalendar file read back with icalendar) and the
`deadlines` filters: --within, --country, --call, closed requests' EOI deadlines."""

from __future__ import annotations

import json
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from icalendar import Calendar, Component

from consortium.catalogue.agenda import parse_within
from tests.conftest import REQUESTS, Cli


def _events(path: Path) -> tuple[dict[str, Component], Calendar]:
    cal = Calendar.from_ical(path.read_bytes())
    return {str(e["UID"]): e for e in cal.walk("VEVENT")}, cal


def test_ics_holds_the_seed_call_deadline_at_16_utc(cli: Cli, tmp_path: Path) -> None:
    target = tmp_path / "deadlines.ics"
    result = cli("deadlines", REQUESTS, "--ics", target, "--today", "2020-11-20")
    assert result.exit_code == 0, result.stderr
    assert result.stdout == "" and "deadline(s) to" in result.stderr
    events, cal = _events(target)
    call = events["RDFR20201119001-call@consortium"]
    start = call.decoded("DTSTART")
    assert start.astimezone(UTC) == datetime(2021, 2, 2, 16, 0, tzinfo=UTC)
    assert str(start.tzinfo) == "Europe/Brussels" and (start.hour, start.minute) == (17, 0)
    assert "TZID=Europe/Brussels" in target.read_text()
    assert [tz["TZID"] for tz in cal.walk("VTIMEZONE")] == ["Europe/Brussels"]
    triggers = sorted(a.decoded("TRIGGER") for a in call.walk("VALARM"))
    assert triggers == [timedelta(days=-7), timedelta(days=-1)]
    assert "COS-CLUSTER-2020-3-03" in str(call["SUMMARY"])


def test_ics_uids_are_stable_and_dtstamp_is_the_given_day(cli: Cli, tmp_path: Path) -> None:
    first, second = tmp_path / "a.ics", tmp_path / "b.ics"
    cli("deadlines", REQUESTS, "--all", "--ics", first, "--today", "2020-11-20")
    cli("deadlines", REQUESTS, "--all", "--ics", second, "--today", "2020-11-20")
    assert first.read_bytes() == second.read_bytes()
    events, _ = _events(first)
    assert len(events) == 14
    assert all(u.endswith(("-eoi@consortium", "-call@consortium")) for u in events)
    stamp = events["RDFR20201119001-eoi@consortium"].decoded("DTSTAMP")
    assert stamp == datetime(2020, 11, 19, 23, 0, tzinfo=UTC)


def test_ics_is_not_written_over_without_force(cli: Cli, tmp_path: Path) -> None:
    target = tmp_path / "mine.ics"
    target.write_text("my own calendar\n")
    refused = cli("deadlines", REQUESTS, "--ics", target, "--today", "2020-11-20")
    assert refused.exit_code == 2 and refused.stderr.count("\n") == 1
    assert "--force" in refused.stderr and target.read_text() == "my own calendar\n"
    forced = cli("deadlines", REQUESTS, "--ics", target, "--force", "--today", "2020-11-20")
    assert forced.exit_code == 0 and target.read_text().startswith("BEGIN:VCALENDAR")


def _rows(cli: Cli, *args: str) -> list[tuple[str, str]]:
    result = cli("deadlines", REQUESTS, "-f", "json", "--today", "2020-11-27", *args)
    assert result.exit_code == 0, result.stderr
    return [(r["reference"], r["name"]) for r in json.loads(result.stdout)]


def test_closed_requests_eoi_deadlines_only_with_all(cli: Cli) -> None:
    shown = _rows(cli)
    assert ("RDFR20201119001", "call") in shown and ("RDFR20201119001", "eoi") not in shown
    assert ("RDRDE20260914001", "eoi") in shown  # open: its EOI deadline stays
    assert ("RDFR20201119001", "eoi") in _rows(cli, "--all")


def test_within_country_and_call_filter(cli: Cli) -> None:
    assert _rows(cli, "--within", "14d") == [("RDIT20201015002", "call")]
    assert _rows(cli, "--within", "1w") == [("RDIT20201015002", "call")]
    assert _rows(cli, "--within", "100h") == []
    assert {r for r, _ in _rows(cli, "--country", "pl", "-c", "SI")} == {
        "RDRPL20241031001",
        "RDRSI20261102001",
    }
    assert _rows(cli, "--call", "cosme-2024") == [("RDRPL20241031001", "call")]


@pytest.mark.parametrize("bad", ["14", "d", "14x", "-3d", "", "1.5d"])
def test_a_bad_window_is_one_line(cli: Cli, bad: str) -> None:
    result = cli("deadlines", REQUESTS, "--within", bad, "--today", "2020-11-27")
    assert result.exit_code == 2 and result.stderr.count("\n") == 1, result.stderr
    assert "--within" in result.stderr and result.stdout == ""


def test_parse_within() -> None:
    assert parse_within("36h") == timedelta(hours=36)
    assert parse_within(" 2W ") == timedelta(weeks=2)
    with pytest.raises(ValueError, match="36h, 14d or 2w"):
        parse_within("soon")
