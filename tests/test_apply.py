"""Issue 16: `suggest --apply` as careful as the rest. The id written reads back as the same
text, a file changed since the suggestion was computed is not touched, CRLF stays CRLF, and
a shape that cannot be edited safely is refused in words."""

from __future__ import annotations

import shutil
from datetime import datetime
from pathlib import Path

import pytest

from consortium.catalogue.clusters import known_clusters
from consortium.check.runner import check_file
from consortium.matching.apply import apply, fingerprint
from consortium.matching.suggest import suggest
from consortium.proposal.resolve import Folders
from tests.conftest import EXAMPLE, Cli, now_of

BEFORE = ("--today", "2020-11-27")


@pytest.fixture
def example(tmp_path: Path) -> Path:
    folder = tmp_path / "example"
    shutil.copytree(EXAMPLE, folder, symlinks=False)
    return folder


@pytest.mark.parametrize("odd_id", ["2024", "no", "on", "1.10", "null", "yes", "0x1F", "~"])
def test_apply_writes_an_id_that_reads_back_as_the_same_text(
    cli: Cli, example: Path, odd_id: str
) -> None:
    clusters = example / "clusters"
    (clusters / "dk-vestenergi.yaml").rename(clusters / f"{odd_id}.yaml")
    path = example / "consortium.yaml"
    applied = cli("suggest", path, "--apply", "1", *BEFORE)
    assert applied.exit_code == 0, applied.stderr
    added = path.read_text(encoding="utf-8").splitlines()[-1]
    assert added.startswith(f'  - {{cluster: "{odd_id}", role: coordinator')
    checked = cli("check", path, *BEFORE)
    assert checked.exit_code == 0, checked.output  # the member reads back: its file is found


def test_apply_keeps_crlf_line_endings(cli: Cli, example: Path) -> None:
    path = example / "consortium.yaml"
    crlf = path.read_bytes().replace(b"\n", b"\r\n")
    path.write_bytes(crlf)
    assert cli("suggest", path, "--apply", "1", *BEFORE).exit_code == 0
    after = path.read_bytes()
    assert after.startswith(crlf) and len(after) > len(crlf)
    assert after.count(b"\n") == after.count(b"\r\n")  # no bare line feed
    assert cli("check", path, *BEFORE).exit_code == 0


def test_a_comment_inside_a_flow_list_is_refused_in_words(cli: Cli, example: Path) -> None:
    path = example / "consortium.yaml"
    text = (
        "call: COS-CLUSTER-2020-3-03\nmembers: [\n"
        "  {cluster: fr-energy-transition, role: partner, status: confirmed},  # the first\n]\n"
    )
    path.write_text(text, encoding="utf-8")
    refused = cli("suggest", path, "--apply", "1", *BEFORE)
    assert refused.exit_code == 2
    assert refused.stderr.startswith(f"{path}:2:")
    assert "a comment inside members: [...] cannot be edited safely: move it" in refused.stderr
    assert "Traceback" not in refused.output
    assert path.read_text(encoding="utf-8") == text


def test_a_file_changed_since_the_suggestion_is_not_touched(example: Path) -> None:
    path = example / "consortium.yaml"
    computed_on = fingerprint(path.read_bytes())
    report = check_file(path, _when(), Folders())
    assert not isinstance(report, list)
    pool, _ = known_clusters(example / "clusters")
    chosen = suggest(report, pool.items()).suggestions[0]
    edited = path.read_text(encoding="utf-8") + "# edited by someone else meanwhile\n"
    path.write_text(edited, encoding="utf-8")
    problem = apply(path, chosen, computed_on)
    assert problem is not None and "changed since the suggestion was computed" in problem.message
    assert path.read_text(encoding="utf-8") == edited
    assert apply(path, chosen, fingerprint(path.read_bytes())) is None  # same bytes: written
    assert "status: invited" in path.read_text(encoding="utf-8")


def _when() -> datetime:
    return now_of("2020-11-27")  # the CLI's own reading of --today
