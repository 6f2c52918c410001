"""Bounded work whatever the files hold (issue 16): "did you mean" over thousands of
cluster files, the import extractors over adversarial text, `suggest` over hundreds of
one-cluster-per-key files. Each bound is coarse on purpose (a loaded 2-core machine), and
each was minutes or hours before."""

from __future__ import annotations

import time

from tests.conftest import EXAMPLE

CLUSTER = (EXAMPLE / "clusters" / "at-upper-austria-energy.yaml").read_text(encoding="utf-8")


def _proposal(tmp_path, cluster_ids, member_ids):
    clusters = tmp_path / "clusters"
    clusters.mkdir()
    for name in cluster_ids:
        (clusters / f"{name}.yaml").write_text(CLUSTER, encoding="utf-8")
    members = "".join(f"  - {{cluster: {m}, role: partner}}\n" for m in member_ids)
    path = tmp_path / "consortium.yaml"
    path.write_text(f"call: COS-CLUSTER-2020-3-03\nmembers:\n{members}", encoding="utf-8")
    return path


def test_did_you_mean_over_3000_clusters_and_40_unknown_ids_is_quick(cli, tmp_path):
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


def test_long_unknown_ids_get_no_hint_and_cost_nothing(cli, tmp_path):
    known = [("ab" * 90) + f"-{i}" for i in range(3000)]
    wanted = [("ba" * 90) + f"-x{i}" for i in range(40)]
    path = _proposal(tmp_path, known, wanted)
    started = time.perf_counter()
    result = cli("check", path)
    took = time.perf_counter() - started
    assert result.exit_code == 2 and "did you mean" not in result.stderr
    assert result.stderr.count("unknown cluster") == 40
    assert took < 5, f"{took:.1f} s"


def test_a_typo_among_3000_clusters_still_finds_its_cluster(cli, tmp_path):
    known = [f"cluster-{i:04d}-energy" for i in range(3000)] + ["pt-norte-energy"]
    path = _proposal(tmp_path, known, ["pt-norte-enrgy", "zz-unheard-of"])
    result = cli("check", path)
    assert result.exit_code == 2
    assert (
        "'pt-norte-enrgy'" in result.stderr and "did you mean 'pt-norte-energy'?" in result.stderr
    )


def test_only_the_first_20_unknown_ids_of_a_file_get_a_hint(cli, tmp_path):
    path = _proposal(tmp_path, ["pt-norte-energy"], [f"pt-norte-energ{i}" for i in range(25)])
    result = cli("check", path)
    lines = [line for line in result.stderr.splitlines() if "unknown cluster" in line]
    assert len(lines) == 25
    assert sum("did you mean 'pt-norte-energy'?" in line for line in lines) == 20
