"""Run mutmut over the checking, proposal, root and matching modules and print the score.

Not part of CI: a full run makes about 3,000 mutants and takes the better part of an hour
on two cores. The modules mutated, the tests run against them and the files the tests need
are configured once, in ``[tool.mutmut]`` of pyproject.toml (``only_mutate``: update it when
modules move). Results, and why each surviving mutant is harmless, are in docs/mutation.md.

    python tools/mutation.py                         # every configured module
    python tools/mutation.py 'consortium.check.rules.*'    # mutants whose name matches
    python tools/mutation.py --report 'consortium.check.rules.*'   # score the last run only

mutmut keeps its results in ./mutants between runs: a second run tests only the mutants
whose function or tests changed. Delete ./mutants to start afresh.
"""

from __future__ import annotations

import argparse
import fnmatch
import os
import subprocess
import sys
import tomllib
from collections import Counter, defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
MUTMUT = [str(Path(sys.executable).parent / "mutmut")]  # installed by the test extras


def configured_modules() -> list[str]:
    """The ``only_mutate`` patterns of pyproject.toml: the one list of modules under test."""
    config = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
    modules: list[str] = config["tool"]["mutmut"]["only_mutate"]
    return modules


def results() -> dict[str, str]:
    """Each mutant's name and status, as mutmut recorded them."""
    listed = subprocess.run(
        [*MUTMUT, "results", "--all", "true"],
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    found: dict[str, str] = {}
    for line in listed.splitlines():
        name, _, status = line.strip().partition(": ")
        if name and status:
            found[name] = status
    return found


def score(found: dict[str, str], patterns: list[str]) -> int:
    """Print killed / tested per module; return 1 when a mutant survived, else 0.

    Killed counts mutants a test failed on, timed out on or a type check refused; tested
    leaves out those no selected test reaches ("no tests") and those not run yet."""
    by_module: dict[str, Counter[str]] = defaultdict(Counter)
    for name, status in found.items():
        if patterns and not any(fnmatch.fnmatch(name, p) for p in patterns):
            continue
        by_module[name.split(".x")[0]][status] += 1
    killing = ("killed", "timeout", "caught by type check")
    total: Counter[str] = Counter()
    print(f"{'module':40} {'killed':>7} {'survived':>9} {'no tests':>9} {'score':>6}")
    for module in sorted(by_module):
        counts = by_module[module]
        total.update(counts)
        _row(module, counts, killing)
    _row("total", total, killing)
    return 1 if total["survived"] else 0


def _row(name: str, counts: Counter[str], killing: tuple[str, ...]) -> None:
    killed = sum(counts[k] for k in killing)
    tested = killed + counts["survived"]
    percent = f"{100 * killed / tested:.0f} %" if tested else "-"
    print(f"{name:40} {killed:7} {counts['survived']:9} {counts['no tests']:9} {percent:>6}")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument(
        "patterns", nargs="*", help="mutant name globs, e.g. 'consortium.check.rules.*'"
    )
    parser.add_argument("--report", action="store_true", help="score the last run, run nothing")
    parser.add_argument("--jobs", type=int, default=os.cpu_count() or 2)
    args = parser.parse_args()
    if not args.report:
        print("mutating:", ", ".join(configured_modules()), flush=True)
        run = [*MUTMUT, "run", "--max-children", str(args.jobs), *args.patterns]
        subprocess.run(run, cwd=ROOT, check=False)
    return score(results(), args.patterns)


if __name__ == "__main__":
    sys.exit(main())
