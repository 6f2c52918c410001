"""Issue 12: `consortium clusters list|show` on the bundled example's profiles."""

from __future__ import annotations

import csv
import io
import json
import shutil
from pathlib import Path

import pytest

from tests.conftest import EXAMPLE, Cli

CLUSTERS = EXAMPLE / "clusters"


def _ids(cli: Cli, *args: str) -> list[str]:
    result = cli("clusters", "list", "--dir", CLUSTERS, "-f", "json", *args)
    assert result.exit_code == 0, result.stderr
    return [c["id"] for c in json.loads(result.stdout)]


def test_lists_every_profile_by_id(cli: Cli) -> None:
    ids = _ids(cli, "--today", "2020-11-20")
    assert len(ids) == 8 and ids == sorted(ids) and "dk-vestenergi" in ids


@pytest.mark.parametrize(
    ("args", "expected"),
    [
        (("--country", "dk", "-c", "PT"), ["dk-vestenergi", "pt-norte-energy"]),
        (("--label", "gold", "--today", "2020-11-20"), ["de-isarwerk-energy", "dk-vestenergi"]),
        (("--sector", "artificial"), ["pl-krakdigital"]),
    ],
)
def test_filters(cli: Cli, args: tuple[str, ...], expected: list[str]) -> None:
    assert _ids(cli, *args) == expected


def test_label_counts_only_while_valid_and_role_filters(cli: Cli) -> None:
    later = _ids(cli, "--label", "gold", "--today", "2030-01-01")
    assert "dk-vestenergi" not in later  # its Gold label lapses on 2022-06-30
    coordinators = set(_ids(cli, "--role", "coordinator"))
    partners_only = set(_ids(cli)) - coordinators
    for cid in partners_only:
        shown = json.loads(cli("clusters", "show", cid, "--dir", CLUSTERS, "-f", "json").stdout)
        assert "coordinator" not in shown["roles"]


def test_csv_and_markdown(cli: Cli) -> None:
    out = cli("clusters", "list", "--dir", CLUSTERS, "-f", "csv").stdout
    rows = list(csv.reader(io.StringIO(out)))
    assert rows[0][:3] == ["id", "name", "country"] and len(rows) == 9
    md = cli("clusters", "list", "--dir", CLUSTERS, "-f", "markdown").stdout
    assert "`dk-vestenergi`" in md


def test_show_text_and_json(cli: Cli) -> None:
    text = cli("clusters", "show", "DK-Vestenergi ", "--dir", CLUSTERS, "--today", "2020-11-27")
    assert text.exit_code == 0 and "gold until 2022-06-30" in text.stdout
    assert "900000105" in text.stdout
    data = json.loads(
        cli("clusters", "show", "dk-vestenergi", "--dir", CLUSTERS, "-f", "json").stdout
    )
    assert data["id"] == "dk-vestenergi" and data["label"]["level"] == "gold"


def test_unknown_id_is_one_line_with_the_closest(cli: Cli) -> None:
    result = cli("clusters", "show", "dk-vestenergy", "--dir", CLUSTERS)
    assert result.exit_code == 2 and result.stderr.count("\n") == 1
    assert "did you mean dk-vestenergi?" in result.stderr


def test_a_bad_file_is_reported_and_the_rest_listed(cli: Cli, tmp_path: Path) -> None:
    folder = tmp_path / "clusters"
    shutil.copytree(CLUSTERS, folder)
    (folder / "broken.yaml").write_text("name: Broken\ncountry: ZZ\nsectors: [a\n")
    result = cli("clusters", "list", "--dir", folder, "-f", "json")
    assert result.exit_code == 2
    assert result.stderr.count("\n") == 1 and "broken.yaml" in result.stderr
    assert len(json.loads(result.stdout)) == 8


def test_a_link_out_of_the_folder_is_refused(cli: Cli, tmp_path: Path) -> None:
    (tmp_path / "proposal" / "clusters").mkdir(parents=True)
    (tmp_path / "proposal" / ".git").mkdir()
    secret = tmp_path / "secret.yaml"
    secret.write_text("name: Secret\ncountry: FR\n")
    (tmp_path / "proposal" / "clusters" / "x.yaml").symlink_to(secret)
    result = cli("clusters", "list", "--dir", tmp_path / "proposal" / "clusters", "-f", "json")
    assert result.exit_code == 2 and "outside" in result.stderr
    assert json.loads(result.stdout) == [] and "Secret" not in result.output


def test_missing_folder_is_one_line(cli: Cli, tmp_path: Path) -> None:
    result = cli("clusters", "list", "--dir", tmp_path / "nope")
    assert result.exit_code == 2 and result.stderr.count("\n") == 1
