"""Boundaries on both sides of each limit the checks and the proposal's root enforce.

Each test here pins a line a mutation run (tools/mutation.py, docs/mutation.md) showed the
rest of the suite could change unnoticed: an off-by-one at a limit, a sibling folder whose
name starts like the root's, a region category that counts."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path

import pytest

from consortium.files.roots import Root
from tests.conftest import Ran
from tests.proposals import GOOD, GOOD_MEMBERS, build, cluster

BEFORE = ("--today", "2020-11-27")
MEMBERS_LINE = 2

Cli = Callable[..., Ran]


def rules_hit(cli: Cli, path: Path, *args: str) -> tuple[int, set[str]]:
    """The exit code and the rule ids of the findings of `check --format json`."""
    result = cli("check", path, "--format", "json", *(args or BEFORE))
    assert result.exit_code in (0, 1), result.output
    return result.exit_code, {f["rule"] for f in json.loads(result.stdout)["findings"]}


# max-partners: at the limit passes, one over fails ---------------------------------------


@pytest.mark.parametrize(("limit", "code", "rules"), [(3, 0, set()), (2, 1, {"max-partners"})])
def test_max_partners_at_and_over_the_limit(
    cli: Cli, tmp_path: Path, limit: int, code: int, rules: set[str]
) -> None:
    path = build(tmp_path, GOOD, GOOD_MEMBERS, rules={"max_partners": limit})
    assert rules_hit(cli, path) == (code, rules)


def test_max_partners_says_how_many_to_remove(cli: Cli, tmp_path: Path) -> None:
    path = build(tmp_path, GOOD, GOOD_MEMBERS, rules={"max_partners": 1})
    data = json.loads(cli("check", path, "--format", "json", *BEFORE).stdout)
    [finding] = data["findings"]
    assert finding["line"] == MEMBERS_LINE
    assert "3 members, the call allows at most 1: remove 2" in finding["message"]


# min-partners and min-countries: at the minimum passes -----------------------------------


def test_min_partners_and_countries_at_the_minimum(cli: Cli, tmp_path: Path) -> None:
    path = build(tmp_path, GOOD, GOOD_MEMBERS, rules={"min_partners": 3, "min_countries": 3})
    assert rules_hit(cli, path) == (0, set())
    over = build(tmp_path / "o", GOOD, GOOD_MEMBERS, rules={"min_partners": 4, "min_countries": 4})
    assert rules_hit(cli, over) == (1, {"min-partners", "min-countries"})


# pic: nine digits, not eight nor ten -----------------------------------------------------


@pytest.mark.parametrize(
    ("pic", "rules"),
    [
        ("900000101", set()),
        ("90000010", {"pic"}),
        ("9000001011", {"pic"}),
        ("90000010a", {"pic"}),
        ("x900000101", {"pic"}),
    ],
)
def test_a_pic_has_exactly_nine_digits(cli: Cli, tmp_path: Path, pic: str, rules: set[str]) -> None:
    clusters = {**GOOD, "fr": cluster("FR", pic=pic)}
    assert rules_hit(cli, build(tmp_path, clusters, GOOD_MEMBERS)) == (0, rules)


def test_the_pic_warning_quotes_the_pic(cli: Cli, tmp_path: Path) -> None:
    clusters = {**GOOD, "fr": cluster("FR", pic="9000001011")}
    data = json.loads(
        cli("check", build(tmp_path, clusters, GOOD_MEMBERS), "--format", "json", *BEFORE).stdout
    )
    [finding] = data["findings"]
    assert "has PIC '9000001011': a PIC has 9 digits" in finding["message"]


# --strict: fails on a warning, passes without one ----------------------------------------


def test_strict_without_warnings_passes(cli: Cli, tmp_path: Path) -> None:
    path = build(tmp_path, GOOD, GOOD_MEMBERS)
    for fmt in ("text", "json", "github", "sarif"):
        assert cli("check", path, "--strict", "--format", fmt, *BEFORE).exit_code == 0, fmt
    data = json.loads(cli("check", path, "--strict", "--format", "json", *BEFORE).stdout)
    assert data["complete"] is True


def test_strict_with_a_warning_fails_and_without_strict_passes(cli: Cli, tmp_path: Path) -> None:
    clusters = {**GOOD, "fr": cluster("FR", pic=None)}
    path = build(tmp_path, clusters, GOOD_MEMBERS)
    assert cli("check", path, *BEFORE).exit_code == 0
    assert cli("check", path, "--strict", *BEFORE).exit_code == 1


# region: a transition region counts as a less developed one does -------------------------


@pytest.mark.parametrize(
    ("category", "rules"),
    [
        ("transition", set()),
        ("less-developed", set()),
        ("more-developed", {"region"}),
    ],
)
def test_a_transition_region_counts(
    cli: Cli, tmp_path: Path, category: str, rules: set[str]
) -> None:
    clusters = {**GOOD, "pt": cluster("PT", region={"nuts": "PT17", "category": category})}
    assert rules_hit(cli, build(tmp_path, clusters, GOOD_MEMBERS)) == (len(rules), rules)


def test_the_region_rule_names_members_without_a_category(cli: Cli, tmp_path: Path) -> None:
    clusters = {**GOOD, "pt": cluster("PT", region={"nuts": "PT17"})}
    data = json.loads(
        cli("check", build(tmp_path, clusters, GOOD_MEMBERS), "--format", "json", *BEFORE).stdout
    )
    [finding] = data["findings"]
    assert finding["rule"] == "region"
    assert "0 member(s)" in finding["message"] and "no region category for pt" in finding["message"]


def test_two_regions_wanted_counts_both(cli: Cli, tmp_path: Path) -> None:
    clusters = {**GOOD, "fr": cluster("FR", region={"nuts": "FRK2", "category": "transition"})}
    rules = {"min_less_developed_or_transition": 2}
    assert rules_hit(cli, build(tmp_path, clusters, GOOD_MEMBERS, rules=rules)) == (0, set())
    assert rules_hit(cli, build(tmp_path / "one", GOOD, GOOD_MEMBERS, rules=rules)) == (
        1,
        {"region"},
    )


# Root.holds: the root, what is below it, and nothing beside it ---------------------------


def test_root_holds_itself_and_what_is_below_it(tmp_path: Path) -> None:
    (tmp_path / "proj" / "clusters").mkdir(parents=True)
    root = Root(tmp_path / "proj")
    assert root.holds(str(tmp_path / "proj"))
    assert root.holds(str(tmp_path / "proj" / "clusters"))
    assert root.holds(str(tmp_path / "proj" / "clusters" / "a.yaml"))


def test_root_does_not_hold_a_sibling_whose_name_extends_its_own(tmp_path: Path) -> None:
    (tmp_path / "proj").mkdir()
    root = Root(tmp_path / "proj")
    assert not root.holds(str(tmp_path / "proj-other"))
    assert not root.holds(str(tmp_path / "proj-other" / "secret.yaml"))
    assert not root.holds(str(tmp_path / "projX"))
    assert not root.holds(str(tmp_path))


def test_a_link_into_a_sibling_folder_named_like_the_root_is_refused(
    cli: Cli, tmp_path: Path
) -> None:
    proposal = tmp_path / "proj"
    path = build(proposal, GOOD, [*GOOD_MEMBERS, "cluster: leak"])
    sibling = tmp_path / "proj-other"
    sibling.mkdir()
    (sibling / "leak.yaml").write_text("name: SECRET-TOKEN\n", encoding="utf-8")
    (proposal / "clusters" / "leak.yaml").symlink_to(sibling / "leak.yaml")
    result = cli("check", path, *BEFORE)
    assert result.exit_code == 2
    assert "leak.yaml: is a link that leads outside the proposal" in result.stderr
    assert "SECRET-TOKEN" not in result.stdout + result.stderr


def test_root_around_finds_the_git_work_tree_or_keeps_the_folder(tmp_path: Path) -> None:
    (tmp_path / "repo" / ".git").mkdir(parents=True)
    (tmp_path / "repo" / "a" / "b").mkdir(parents=True)
    assert Root.around(tmp_path / "repo" / "a" / "b").path == str((tmp_path / "repo").resolve())
    (tmp_path / "plain" / "a").mkdir(parents=True)
    assert Root.around(tmp_path / "plain" / "a").path == str((tmp_path / "plain" / "a").resolve())


def test_root_refuses_a_link_out_and_names_the_root(tmp_path: Path) -> None:
    (tmp_path / "proj").mkdir()
    (tmp_path / "out.yaml").write_text("x: 1\n", encoding="utf-8")
    (tmp_path / "proj" / "in.yaml").write_text("x: 1\n", encoding="utf-8")
    (tmp_path / "proj" / "link.yaml").symlink_to(tmp_path / "out.yaml")
    (tmp_path / "proj" / "inner.yaml").symlink_to(tmp_path / "proj" / "in.yaml")
    (tmp_path / "proj" / "away").symlink_to(tmp_path)
    root = Root(tmp_path / "proj")
    real = str((tmp_path / "proj").resolve())
    assert root.refuses(tmp_path / "proj" / "in.yaml") is None
    assert root.refuses(tmp_path / "proj" / "inner.yaml") is None
    assert root.refuses(tmp_path / "proj") is None
    refusal = root.refuses(tmp_path / "proj" / "link.yaml")
    assert refusal is not None and f"({real})" in refusal.message
    assert root.refuses(tmp_path / "out.yaml") is not None
    assert root.refuses(tmp_path / "proj" / "away" / "out.yaml") is not None
    assert root.refuses_folder(tmp_path / "proj") is None
    assert root.refuses_folder(tmp_path / "proj" / "away") is not None
