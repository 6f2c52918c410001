"""Issue 21: `consortium report`, one self-contained HTML page for the partners, built from
the values `check`, `suggest` and the deadlines already give; and `check --format html`."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
import yaml

from consortium.facts.associations import BY_CODE
from consortium.facts.eligibility import (
    COSME_ARTICLE_6,
    EU27,
    INTERREG_EUROPE_PARTNERS,
    INTERREG_EUROPE_SINCE_2023,
)
from consortium.report.html.tiles import BESIDE, GRID
from tests.conftest import EXAMPLE, Cli, Ran
from tests.html_page import assert_valid_page, by_id, local, text_of, tiles

TODAY = ("--today", "2020-11-20")
SEED = EXAMPLE / "consortium.yaml"
COMPLETE = EXAMPLE / "consortium-complete.yaml"


def page(cli: Cli, consortium: Path, target: Path, *more: str) -> tuple[Ran, str]:
    result = cli("report", consortium, "-o", target, *TODAY, *more)
    return result, (target.read_text(encoding="utf-8") if target.exists() else "")


def test_the_example_report_is_written_valid_and_self_contained(cli: Cli, tmp_path: Path) -> None:
    target = tmp_path / "report.html"
    result, text = page(cli, SEED, target)
    assert result.exit_code == 0, result.stderr
    assert result.stdout == ""
    assert result.stderr.count("\n") == 1 and "wrote the report of" in result.stderr
    assert "(incomplete) to " in result.stderr and "report.html" in result.stderr
    tree = assert_valid_page(text)
    assert by_id(tree, "verdict").get("data-verdict") == "incomplete"
    members = text_of(by_id(tree, "members"))
    for cluster_id in ("fr-energy-transition", "es-energy-efficiency", "pt-norte-energy"):
        assert cluster_id in members
    assert "less-developed (PT11)" in members and "interested" in members
    call = text_of(by_id(tree, "call"))
    assert "COSME (2014-2020)" in call and "EUR 6 000 000" in call and "RDFR20201119001" in call
    suggestions = text_of(by_id(tree, "suggestions"))
    assert suggestions.startswith("Ways to complete it") and "dk-vestenergi" in suggestions
    footer = text_of(next(e for e in tree.iter() if local(e.tag) == "footer"))
    assert "20 Nov 2020 00:00 CET" in footer and "consortium 0." in footer
    assert "consortium.yaml (the consortium)" in footer and "built into the tool" in footer


def test_the_map_fills_exactly_the_member_countries(cli: Cli, tmp_path: Path) -> None:
    _, text = page(cli, SEED, tmp_path / "seed.html")
    states = tiles(assert_valid_page(text))
    filled = {code: state for code, state in states.items() if state != "none"}
    assert filled == {"FR": "partner", "ES": "partner", "PT": "unconfirmed", "AT": "unconfirmed"}
    _, text = page(cli, COMPLETE, tmp_path / "complete.html")
    tree = assert_valid_page(text)
    filled = {code: state for code, state in tiles(tree).items() if state != "none"}
    assert filled == {
        "DK": "coordinator",
        "FR": "partner",
        "ES": "partner",
        "PT": "partner",
        "AT": "partner",
    }
    assert "suggestions" not in {e.get("id") for e in tree.iter()}  # complete: nothing to add


def test_the_map_outlines_the_eligible_and_marks_the_wanted(cli: Cli, tmp_path: Path) -> None:
    _, text = page(cli, SEED, tmp_path / "seed.html")
    squares = {
        e.get("data-country"): (e.get("class") or "").split()
        for e in by_id(assert_valid_page(text), "map").iter()
        if e.get("data-country")
    }
    # COSME 2020: the Member States (and GB, a 2014-2020 programme) and the Art. 6 countries
    assert all("eligible" in squares[c] for c in ("FR", "GB", "UA", "RS", "IS"))
    assert not any("eligible" in squares[c] for c in ("CH", "NO", "IL", "MA"))
    # suggest proposes a Danish, a Polish and a German coordinator
    assert {c for c, classes in squares.items() if "wanted" in classes} == {"DK", "PL", "DE"}


def test_every_country_the_tool_knows_has_a_tile_or_a_place_beside_the_map() -> None:
    known = EU27 | {"GB", "LI"} | COSME_ARTICLE_6 | INTERREG_EUROPE_PARTNERS
    known |= INTERREG_EUROPE_SINCE_2023 | set(BY_CODE)
    assert known <= set(GRID) | set(BESIDE), known - set(GRID) - set(BESIDE)
    assert not set(GRID) & set(BESIDE)
    assert len(set(GRID.values())) == len(GRID), "two countries on one square"


def test_a_member_from_beyond_the_map_is_listed_beside_it(cli: Cli, tmp_path: Path) -> None:
    root = tmp_path / "p"
    shutil.copytree(EXAMPLE, root)
    profile = root / "clusters" / "pt-norte-energy.yaml"
    profile.write_text(profile.read_text().replace('country: "PT"', "country: JP"))
    _, text = page(cli, root / "consortium.yaml", tmp_path / "r.html")
    tree = assert_valid_page(text)
    beside = [e for e in tree.iter() if local(e.tag) == "li" and e.get("data-country") == "JP"]
    assert beside and beside[0].get("data-state") == "unconfirmed"


def test_the_timeline_shows_today_and_the_deadlines_in_order(cli: Cli, tmp_path: Path) -> None:
    _, text = page(cli, SEED, tmp_path / "r.html")
    tree = assert_valid_page(text)
    dates = [e for e in by_id(tree, "dates") if local(e.tag) == "li"]
    kinds = [e.get("data-kind") for e in dates]
    assert kinds[:3] == ["today", "eoi", "call"] and kinds[3:] == ["label"] * 3
    assert "in 30 days 23 h" in text_of(dates[1]) and "in 74 days 17 h" in text_of(dates[2])
    xs = [float(e.get("data-x", "")) for e in by_id(tree, "timeline") if e.get("data-x")]
    assert xs == sorted(xs) and len(xs) == len(dates)


def test_a_label_lapsing_before_the_call_deadline_is_in_the_warning_colour(
    cli: Cli, tmp_path: Path
) -> None:
    root = tmp_path / "p"
    shutil.copytree(EXAMPLE, root)
    profile = root / "clusters" / "es-energy-efficiency.yaml"
    data = yaml.safe_load(profile.read_text())
    data["label"]["valid_until"] = "2021-01-15"
    profile.write_text(yaml.safe_dump(data))
    _, text = page(cli, root / "consortium.yaml", tmp_path / "r.html")
    tree = assert_valid_page(text)
    row = next(
        e
        for e in by_id(tree, "members").iter()
        if "es-energy-efficiency" in text_of(e) and local(e.tag) == "tr"
    )
    assert "lapses 2021-01-15 (before the deadline)" in text_of(row)
    assert [r.get("class") for r in row.iter() if local(r.tag) == "rect"][1] == "lapsing"
    warned = [e for e in by_id(tree, "dates") if "warn" in (e.get("class") or "")]
    assert [text_of(e) for e in warned] == [
        "15 Jan 2021 Bronze label of es-energy-efficiency expires in 56 days"
    ]


def test_the_verdict_is_the_one_check_gives(cli: Cli, tmp_path: Path) -> None:
    for consortium in (SEED, COMPLETE):
        _, text = page(cli, consortium, tmp_path / f"{consortium.stem}.html")
        verdict = by_id(assert_valid_page(text), "verdict")
        checked = json.loads(cli("check", consortium, "-f", "json", *TODAY).stdout)
        assert verdict.get("data-verdict") == checked["verdict"]
        assert text_of(verdict).lower().startswith(checked["summary"].lower())
        assert f"{checked['errors']} error(s), {checked['warnings']} warning(s)" in text_of(verdict)


def test_check_format_html_is_the_same_page_on_stdout(cli: Cli, tmp_path: Path) -> None:
    shown = cli("check", SEED, "--format", "html", *TODAY)
    assert shown.exit_code == 1  # the verdict's exit code, as every format of check
    written = cli("report", SEED, "-o", "-", *TODAY)
    assert written.exit_code == 0
    assert shown.stdout == written.stdout
    assert_valid_page(shown.stdout)


def test_it_refuses_to_overwrite_without_force(cli: Cli, tmp_path: Path) -> None:
    target = tmp_path / "report.html"
    target.write_text("mine")
    refused = cli("report", SEED, "-o", target, *TODAY)
    assert refused.exit_code == 2
    assert refused.stderr.count("\n") == 1 and "exists: give --force" in refused.stderr
    assert target.read_text() == "mine"
    forced = cli("report", SEED, "-o", target, "--force", *TODAY)
    assert forced.exit_code == 0 and target.read_text().startswith("<!DOCTYPE html>")
    assert [p.name for p in tmp_path.iterdir()] == ["report.html"]  # no temporary left


def test_a_consortium_that_cannot_be_checked_still_gets_a_page(cli: Cli, tmp_path: Path) -> None:
    broken = tmp_path / "consortium.yaml"
    broken.write_text("call: COS-CLUSTER-2020-3-03\nmembers:\n  - {cluster: nobody}\n")
    result, text = page(cli, broken, tmp_path / "r.html")
    assert result.exit_code == 2 and "unknown cluster 'nobody'" in result.stderr
    tree = assert_valid_page(text)
    assert by_id(tree, "verdict").get("data-verdict") == "not-checkable"
    assert "unknown cluster 'nobody'" in text_of(by_id(tree, "problems"))
    shown = cli("check", broken, "-f", "html", *TODAY)
    assert shown.exit_code == 2 and "unknown cluster" in shown.stdout


@pytest.mark.parametrize("name", ["<script>alert(1)</script>", "</svg><p id=x>", '"a\' b="c'])
def test_hostile_values_are_text(cli: Cli, tmp_path: Path, name: str) -> None:
    root = tmp_path / "p"
    shutil.copytree(EXAMPLE, root)
    for path in (root / "clusters").glob("*.yaml"):
        data = yaml.safe_load(path.read_text())
        data["name"] = name
        data["experience"] = [{"programme": name}]
        path.write_text(yaml.safe_dump(data))
    result, text = page(cli, root / "consortium.yaml", tmp_path / "r.html")
    assert result.exit_code == 0, result.stderr
    tree = assert_valid_page(text)
    assert {e.get("id") for e in tree.iter()} >= {"map", "timeline", "members"}
    assert "x" not in {e.get("id") for e in tree.iter()}
    assert name in text_of(by_id(tree, "members"))
    assert name in text_of(by_id(tree, "suggestions"))
