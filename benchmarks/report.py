"""Measure `consortium report`: the bundled example and a 30-member consortium.

Run from a checkout with the package installed: ``python benchmarks/report.py``. Prints,
for each: the time to load and check the proposal (the floor: what `check` pays too), the
time to build the page beyond that (suggest where incomplete, the map, the timeline, the
template), medians of ``--runs`` runs, the page's size, and the whole command line in a
fresh interpreter. The target (issue 21): under one second beyond loading for 30 members.
"""

from __future__ import annotations

import argparse
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parent.parent
EXAMPLE = ROOT / "examples" / "cos-cluster-2020" / "consortium.yaml"
COUNTRIES = [
    "FR",
    "ES",
    "PT",
    "AT",
    "DE",
    "IT",
    "PL",
    "DK",
    "SE",
    "FI",
    "CZ",
    "SK",
    "HU",
    "RO",
    "BG",
    "GR",
    "IE",
    "NL",
    "BE",
    "SI",
    "HR",
    "LT",
    "LV",
    "EE",
    "UA",
    "RS",
    "IS",
    "TR",
    "AL",
    "MD",
]
TARGET = 1.0  # seconds beyond loading for 30 members


def write_thirty(folder: Path, extra_clusters: int = 200) -> Path:
    """30 members (no coordinator yet, so suggest runs) among ``extra_clusters`` profiles."""
    (folder / "clusters").mkdir(parents=True)
    for i in range(30 + extra_clusters):
        country = COUNTRIES[i % len(COUNTRIES)]
        profile = {
            "name": f"Cluster {i} <{country}>",
            "country": country,
            "region": {"nuts": f"{country}01", "category": ["transition", "more-developed"][i % 2]},
            "sectors": ["energy", "digital"][: 1 + i % 2],
            "label": {
                "level": ["bronze", "silver", "gold"][i % 3],
                "valid_until": f"202{1 + i % 3}-0{1 + i % 9}-15",
            },
            "eccp": True,
            "pic": f"{900000000 + i}",
            "experience": [{"programme": "COSME", "role": "partner", "year": 2019}],
        }
        (folder / "clusters" / f"c{i:03}.yaml").write_text(yaml.safe_dump(profile))
    members = [
        {"cluster": f"c{i:03}", "role": "partner", "status": "confirmed" if i % 4 else "interested"}
        for i in range(30)
    ]
    path = folder / "consortium.yaml"
    path.write_text(
        yaml.safe_dump(
            {"call": "COS-CLUSTER-2020-3-03", "members": members, "rules": {"max_partners": 40}}
        )
    )
    return path


def median(runs: int, work: Callable[[], object]) -> float:
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        work()
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def measure(path: Path, runs: int) -> None:
    from consortium.check.runner import check_file
    from consortium.facts.deadlines import parse_now
    from consortium.proposal.resolve import Folders
    from consortium.report.html.page import page_html
    from consortium.report.html.view import assemble

    now = parse_now("2020-11-20", None, None)
    assert now is not None
    report = check_file(path, now)
    assert not isinstance(report, list), report
    page_html(assemble(report, Folders(), now))  # warm: imports, the template compiled once
    loading = median(runs, lambda: check_file(path, now))
    beyond = median(runs, lambda: page_html(assemble(report, Folders(), now)))
    text = page_html(assemble(report, Folders(), now))
    with tempfile.TemporaryDirectory() as temp:
        start = time.perf_counter()
        subprocess.run(
            [
                sys.executable,
                "-m",
                "consortium",
                "report",
                str(path),
                "-o",
                str(Path(temp) / "r.html"),
                "--today",
                "2020-11-20",
            ],
            check=True,
            capture_output=True,
        )
        whole = time.perf_counter() - start
    members = len(report.proposal.members)
    print(
        f"{path.parent.name:>16} {members:>7} {loading * 1000:>10.1f} {beyond * 1000:>13.1f} "
        f"{len(text.encode()) / 1024:>8.1f} {whole * 1000:>10.0f}"
        + (f"   {beyond / TARGET:.3f} of the 1 s target" if members >= 30 else "")
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=7)
    runs = parser.parse_args().runs
    print(
        f"{'consortium':>16} {'members':>7} {'check ms':>10} {'page ms':>13} {'KiB':>8} "
        f"{'command ms':>10}"
    )
    measure(EXAMPLE, runs)
    with tempfile.TemporaryDirectory() as temp:
        measure(write_thirty(Path(temp) / "thirty"), runs)


if __name__ == "__main__":
    main()
