"""Bounded work whatever the files hold (issue 16): "did you mean" over thousands of
cluster files, the import extractors over adversarial text, `suggest` over hundreds of
one-cluster-per-key files. Each bound is coarse on purpose (a loaded 2-core machine), and
each was minutes or hours before."""

from __future__ import annotations

import time
from pathlib import Path

import pytest

from tests.conftest import EXAMPLE, Cli

CLUSTER = (EXAMPLE / "clusters" / "at-upper-austria-energy.yaml").read_text(encoding="utf-8")


def _proposal(tmp_path: Path, cluster_ids: list[str], member_ids: list[str]) -> Path:
    clusters = tmp_path / "clusters"
    clusters.mkdir()
    for name in cluster_ids:
        (clusters / f"{name}.yaml").write_text(CLUSTER, encoding="utf-8")
    members = "".join(f"  - {{cluster: {m}, role: partner}}\n" for m in member_ids)
    path = tmp_path / "consortium.yaml"
    path.write_text(f"call: COS-CLUSTER-2020-3-03\nmembers:\n{members}", encoding="utf-8")
    return path


@pytest.mark.slow
def test_did_you_mean_over_3000_clusters_and_40_unknown_ids_is_quick(
    cli: Cli, tmp_path: Path
) -> None:
    # Ids difflib finds hardest: near-anagrams of one another, 61-64 characters long
    # (100 s for 40 x 3,000 before the candidates were chosen and capped).
    known = [("abcd" * 15) + str(i) for i in range(3000)]
    wanted = [("dcba" * 15) + f"x{i}" for i in range(40)]
    path = _proposal(tmp_path, known, wanted)
    started = time.perf_counter()
    result = cli("check", path)
    took = time.perf_counter() - started
    assert result.exit_code == 2
    lines = [line for line in result.stderr.splitlines() if "unknown cluster" in line]
    assert len(lines) == 40  # every unknown id is still reported
    assert took < 5, f"{took:.1f} s"


@pytest.mark.slow
def test_long_unknown_ids_get_no_hint_and_cost_nothing(cli: Cli, tmp_path: Path) -> None:
    known = [("ab" * 90) + f"-{i}" for i in range(3000)]
    wanted = [("ba" * 90) + f"-x{i}" for i in range(40)]
    path = _proposal(tmp_path, known, wanted)
    started = time.perf_counter()
    result = cli("check", path)
    took = time.perf_counter() - started
    assert result.exit_code == 2 and "did you mean" not in result.stderr
    assert result.stderr.count("unknown cluster") == 40
    assert took < 5, f"{took:.1f} s"


@pytest.mark.slow
def test_a_typo_among_3000_clusters_still_finds_its_cluster(cli: Cli, tmp_path: Path) -> None:
    known = [f"cluster-{i:04d}-energy" for i in range(3000)] + ["pt-norte-energy"]
    path = _proposal(tmp_path, known, ["pt-norte-enrgy", "zz-unheard-of"])
    result = cli("check", path)
    assert result.exit_code == 2
    assert (
        "'pt-norte-enrgy'" in result.stderr and "did you mean 'pt-norte-energy'?" in result.stderr
    )


def test_only_the_first_20_unknown_ids_of_a_file_get_a_hint(cli: Cli, tmp_path: Path) -> None:
    path = _proposal(tmp_path, ["pt-norte-energy"], [f"pt-norte-energ{i}" for i in range(25)])
    result = cli("check", path)
    lines = [line for line in result.stderr.splitlines() if "unknown cluster" in line]
    assert len(lines) == 25
    assert sum("did you mean 'pt-norte-energy'?" in line for line in lines) == 20


SUGGEST_RUN = """
import resource, sys, time
from consortium.cli import run
started = time.perf_counter()
code = run(["suggest", sys.argv[1], "--format", "json", "--today", "2020-11-27"])
took = time.perf_counter() - started
peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss // 1024
print(f"\\nRESULT {code} {took:.2f} {peak}", file=sys.stderr)
"""


EU = [
    "AT",
    "BE",
    "BG",
    "HR",
    "CY",
    "CZ",
    "DK",
    "EE",
    "FI",
    "FR",
    "DE",
    "GR",
    "HU",
    "IE",
    "IT",
    "LV",
    "LT",
    "LU",
    "MT",
    "NL",
    "PL",
    "PT",
    "RO",
    "SK",
    "SI",
    "ES",
    "SE",
]


def _many_groups(tmp_path: Path, count: int) -> Path:
    """``count`` clusters in as many groups as the call allows: each EU country x region
    counted or not x able to coordinate or not (108 groups; 6 million sets of four)."""
    clusters = tmp_path / "clusters"
    clusters.mkdir()
    for i in range(count):
        code, shape = EU[i % len(EU)], (i // len(EU)) % 4
        region = "less-developed" if shape & 1 else "more-developed"
        roles = "[coordinator, partner]" if shape & 2 else "[partner]"
        (clusters / f"c{i:03d}.yaml").write_text(
            f'name: Cluster {i}\ncountry: "{code}"\ntype: cluster\n'
            f"region: {{category: {region}}}\nsectors: [energy]\nroles: {roles}\n"
            "label: {level: gold, valid_until: 2030-01-01}\neccp: true\n",
            encoding="utf-8",
        )
    path = tmp_path / "consortium.yaml"
    path.write_text("call: COS-CLUSTER-2020-3-03\nmembers: []\n", encoding="utf-8")
    return path


def test_suggest_over_300_clusters_in_108_groups_is_quick_and_small(tmp_path: Path) -> None:
    # 9 minutes and then out of memory for 200 such files before the search was bounded.
    import json
    import subprocess
    import sys

    path = _many_groups(tmp_path, 300)
    ran = subprocess.run(
        [sys.executable, "-c", SUGGEST_RUN, str(path)],
        capture_output=True,
        text=True,
        timeout=120,
    )
    code, took, peak_mb = ran.stderr.rsplit("RESULT ", 1)[1].split()
    assert code == "0", ran.stderr[-500:]
    assert float(took) < 5, f"{took} s"
    assert int(peak_mb) < 200, f"{peak_mb} MB"
    found = json.loads(ran.stdout)
    assert found["stopped_early"] and "most promising sets" in found["stopped_early"]
    assert "the search stopped early" in ran.stderr
    assert found["suggestions"] or found["unreachable"]
