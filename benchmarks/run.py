"""Measure consortium's start-up and scale against the floors no Typer tool can beat.

Run from a checkout with the package installed: ``python benchmarks/run.py``. It writes its
own data to a temporary folder and prints one table of figures and ratios, all measured in
this run (medians of interleaved runs, so a busy machine slows both sides alike):

- start-up: ``consortium --help`` and ``consortium check`` (json and text) on the bundled
  example, each divided by the same call on a minimal Typer app (one command, three options,
  imports yaml, prints a line) run by the same interpreter;
- scale: ``requests list --format json`` over 1 000 and 10 000 generated request files,
  divided by a plain loop parsing the same files with ``yaml.load(..., CSafeLoader)``, and
  its peak memory;
- a check of a 200-member consortium among 2 000 known clusters.
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
EXAMPLE = ROOT / "examples" / "cos-cluster-2020" / "consortium.yaml"
SEED = ROOT / "requests" / "RDFR20201119001.yaml"
SEED_TEXT = ROOT.parent / "shared" / "seeds" / "RDFR20201119001.txt"
IMPORT_TARGET = 5.0  # seconds for 1 000 profile texts (DESIGN section 6, "Import")
PAGE = ROOT / "tests" / "data" / "een" / "pages" / "RDRDE20260506001.html"
PAGES_TARGET = 2.5  # seconds for 1 000 saved EEN pages (issue 22, point 7; was 10 s)

MINIMAL_APP = '''
import typer
import yaml

app = typer.Typer()


@app.command()
def main(name: str = "x", count: int = 1, loud: bool = False) -> None:
    """A minimal Typer app: the floor every Typer tool pays."""
    print(f"{name} {count} {loud} {yaml.__version__}")


if __name__ == "__main__":
    app()
'''

FLOOR_LOOP = """
import sys, yaml
from pathlib import Path
for path in sorted(Path(sys.argv[1]).glob("*.yaml")):
    with path.open("rb") as handle:
        yaml.load(handle, Loader=yaml.CSafeLoader)
"""

# What a listing index keyed on file content would still pay on a hit (issue 7): read every
# file and hash it, in a fresh interpreter. Against the 0.35 target, this plus the start-up
# and the output leaves no room: the index was removed.
HASH_LOOP = """
import hashlib, sys, typer
from pathlib import Path
for path in sorted(Path(sys.argv[1]).glob("*.yaml")):
    hashlib.blake2b(path.read_bytes(), digest_size=16).digest()
"""

# Worst cases under the 1 MiB limit (issue 7): each must be refused in one line, exit 2,
# within about 200 MB.
WORST_CASES = {
    "flow list `members: [1,1,...]`": lambda n: "call: X\nmembers: [" + ",".join(["1"] * n) + "]\n",
    "block list `- 1` lines": lambda n: "call: X\nmembers:\n" + "- 1\n" * (n // 2),
    "unknown keys `k1: 1`": lambda n: "".join(f"k{i}: 1\n" for i in range(n // 4)),
    "one 1 MiB string": lambda n: "call: X\nnotes: " + "x" * (2 * n - 40) + "\n",
    "deep nesting `[[[...]]]`": lambda n: "call: " + "[" * 5000 + "]" * 5000 + "\n",
}

COUNTRIES = [
    "FR",
    "ES",
    "PT",
    "AT",
    "DE",
    "IT",
    "PL",
    "BE",
    "NL",
    "SE",
    "DK",
    "SI",
    "NO",
    "CZ",
    "GR",
]
SECTORS = [
    "energy",
    "digital",
    "construction",
    "agrifood",
    "health",
    "mobility",
    "textile",
    "tourism",
    "aerospace",
    "creative industries",
    "circular economy",
    "water",
    "maritime",
]
LEVELS = ["bronze", "silver", "gold"]
CATEGORIES = ["less-developed", "transition", "more-developed"]
PROGRAMMES = ["COSME", "Horizon 2020", "Interreg", "Erasmus+", "LIFE", "Single Market Programme"]
CALLS = [
    "COS-CLUSTER-2020-3-03",
    "COS-CLUSINT-2020-3-01",
    "SMP-COSME-2024-CLUSTER-01",
    "INTERREG-EUROPE",
]


def run(argv: list[str], cwd: Path = ROOT) -> tuple[float, int, int]:
    """Wall seconds, peak RSS in MiB and exit status of one run of ``argv``.

    ``argv`` may start with ``NAME=value`` words, set in the child's environment.
    """
    # Bytecode caching on, as on a user's machine (this workplace sets PYTHONDONTWRITEBYTECODE).
    env = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}
    # The checkout this script lives in, whatever is installed: a copy of an older commit
    # measures that commit (before/after comparisons, run back to back).
    env |= {"NO_COLOR": "1", "COLUMNS": "120", "PYTHONPATH": str(ROOT)}
    while argv and "=" in argv[0]:
        name, _, value = argv[0].partition("=")
        env[name] = value
        argv = argv[1:]
    start = time.perf_counter()
    proc = subprocess.Popen(
        argv, cwd=cwd, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL
    )
    _, status, usage = os.wait4(proc.pid, 0)
    elapsed = time.perf_counter() - start
    return elapsed, usage.ru_maxrss // 1024, os.waitstatus_to_exitcode(status)


def medians(commands: dict[str, list[str]], runs: int) -> dict[str, tuple[float, int]]:
    """Median wall time and peak memory of each command, runs interleaved, after a warm-up."""
    times: dict[str, list[float]] = {name: [] for name in commands}
    memory: dict[str, int] = dict.fromkeys(commands, 0)
    for argv in commands.values():
        run(argv)
    for _ in range(runs):
        for name, argv in commands.items():
            seconds, rss, _ = run(argv)
            times[name].append(seconds)
            memory[name] = max(memory[name], rss)
    return {name: (statistics.median(values), memory[name]) for name, values in times.items()}


def write_requests(folder: Path, count: int) -> Path:
    """``count`` request files shaped like the seed, varied in country, call and dates."""
    folder.mkdir(parents=True, exist_ok=True)
    seed = SEED.read_text(encoding="utf-8")
    for i in range(count):
        country = COUNTRIES[i % len(COUNTRIES)]
        day = 1 + i % 28
        reference = f"RD{country}202011{day:02d}{i:05d}"
        sectors = ", ".join(SECTORS[(i * k) % len(SECTORS)] for k in (1, 2, 5))
        text = (
            seed.replace("RDFR20201119001", reference)
            .replace("country: FR\n", f'country: "{country}"\n', 1)
            .replace("COS-CLUSTER-2020-3-03", CALLS[i % len(CALLS)])
            .replace("eoi: 20/12/2020", f"eoi: {day:02d}/12/2020")
            .replace("status: closed", "status: open" if i % 3 else "status: closed")
            .replace("sectors: [energy, digital, construction]", f"sectors: [{sectors}]")
            .replace("label: gold", f"label: {LEVELS[i % len(LEVELS)]}")
            .replace(
                "sectors: [energy transition]", f"sectors: [{SECTORS[(i + 3) % len(SECTORS)]}]"
            )
        )
        (folder / f"{reference}.yaml").write_text(text, encoding="utf-8")
    return folder


def write_texts(folder: Path, count: int) -> Path:
    """``count`` EEN profile texts made from the seed, each with its own reference."""
    folder.mkdir(parents=True, exist_ok=True)
    from consortium.facts.countries import country_name

    seed = SEED_TEXT.read_text(encoding="utf-8")
    for i in range(count):
        country = COUNTRIES[i % len(COUNTRIES)]
        reference = f"RD{country}202011{1 + i % 28:02d}{i:05d}"
        text = seed.replace("RDFR20201119001", reference).replace(
            "Country of Origin: France", f"Country of Origin: {country_name(country)}"
        )
        (folder / f"{reference}.txt").write_text(text, encoding="utf-8")
    return folder


def write_pages(folder: Path, count: int) -> Path:
    """``count`` saved EEN pages (the team's invented one, as HTML), each its own reference,
    with all the countries in "Targeted Countries" as the busiest real pages have."""
    folder.mkdir(parents=True, exist_ok=True)
    from consortium.facts.countries import country_names

    html = PAGE.read_text(encoding="utf-8")
    start = html.index("<li", html.index("Targeted Countries"))
    end = html.index("</ul>", start)
    items = "".join(f"<li>{n}</li>" for n in sorted(country_names().values()))
    html = html[:start] + items + html[end:]
    for i in range(count):
        reference = f"RDRDE202605{1 + i % 28:02d}{i:05d}"
        (folder / f"{reference}.html").write_text(
            html.replace("RDRDE20260506001", reference), encoding="utf-8"
        )
    return folder


def cluster_text(i: int) -> str:
    """Cluster profile ``i``: distinct from its neighbours in name, country, region, sectors,
    label (level and date), experience and roles, as a real pool is (a pool of near-identical
    profiles flatters any memo keyed on the whole profile)."""
    country = COUNTRIES[i % len(COUNTRIES)]
    category = CATEGORIES[(i // 3) % len(CATEGORIES)]
    sectors = ", ".join(SECTORS[(i * k + k) % len(SECTORS)] for k in range(1, 2 + i % 3))
    level = LEVELS[(i // 7) % len(LEVELS)]
    until = f"20{21 + i % 4}-{1 + i % 12:02d}-{1 + i % 28:02d}"
    label = f"label: {{level: {level}, valid_until: {until}}}\n" if i % 11 else ""
    programmes = [PROGRAMMES[(i + k) % len(PROGRAMMES)] for k in range(i % 4)]
    experience = ", ".join(
        f"{{programme: {p}, project: project-{i}-{n}, role: partner, year: {2010 + (i + n) % 12}}}"
        for n, p in enumerate(programmes)
    )
    roles = "[coordinator, partner]" if i % 5 else "[partner]"
    return (
        f'name: Example cluster {i}\ncountry: "{country}"\ntype: cluster\n'
        f"region: {{nuts: {country}{1 + i % 9}{1 + i % 7}, category: {category}}}\n"
        f"sectors: [{sectors}]\n{label}"
        f"eccp: {'true' if i % 4 else 'false'}\n"
        f'pic: "{900000000 + i}"\n'
        f"experience: [{experience}]\n"
        f"roles: {roles}\n"
    )


def write_proposal(folder: Path, clusters: int, members: int) -> Path:
    """A consortium of ``members`` among ``clusters`` known cluster profiles."""
    (folder / "clusters").mkdir(parents=True, exist_ok=True)
    for i in range(clusters):
        (folder / "clusters" / f"cluster-{i:05d}.yaml").write_text(
            cluster_text(i), encoding="utf-8"
        )
    lines = ["call: COS-CLUSTER-2020-3-03", "members:"]
    lines.append("  - {cluster: cluster-00000, role: coordinator, status: confirmed}")
    lines += [f"  - {{cluster: cluster-{i * 7:05d}, status: confirmed}}" for i in range(1, members)]
    path = folder / "consortium.yaml"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def listing_argv(ours: list[str], folder: Path) -> list[str]:
    """`requests list` of every request in ``folder`` as JSON, on the day the figures use."""
    listing = ["requests", "list", "--dir", str(folder), "--all", "--format", "json"]
    return [*ours, *listing, "--today", "2020-11-20"]


def row(
    name: str, ours: float, floor: float, target: float | None, memory: int | None = None
) -> str:
    ratio = ours / floor
    verdict = "" if target is None else ("ok" if ratio <= target else "OVER")
    goal = f"<= {target:.2f}" if target else "-"
    mem = f"{memory} MiB" if memory is not None else ""
    return f"| {name} | {ours * 1000:8.0f} | {floor * 1000:8.0f} | {ratio:5.2f} | {goal} {verdict} | {mem} |"


SECTIONS = ("startup", "list", "memory", "worst", "import", "check", "match", "cores")
# File counts at which one process and two are compared (where the second one starts to pay).
CORES_SIZES = (150, 300, 600, 1200, 10000)
# Peak memory of `requests list --all --format json`, in MiB (issue 22: memory stays flat).
MEMORY_LIMITS = {10000: 70, 50000: 200}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=10, help="interleaved runs per start-up figure")
    parser.add_argument(
        "--sizes", type=int, nargs="*", default=[1000, 10000], help="request-file counts"
    )
    parser.add_argument("--scale-runs", type=int, default=3, help="runs per scale figure")
    parser.add_argument(
        "--memory-sizes",
        type=int,
        nargs="*",
        default=[10000, 50000],
        help="request-file counts whose listing's peak memory is checked against its limit",
    )
    parser.add_argument(
        "--only",
        nargs="*",
        choices=SECTIONS,
        default=list(SECTIONS),
        help="the parts to run (all by default)",
    )
    args = parser.parse_args()
    only = set(args.only)
    python = sys.executable
    ours = [python, "-m", "consortium"]
    with tempfile.TemporaryDirectory(prefix="consortium-bench-") as tmp:
        temp = Path(tmp)
        minimal = temp / "minimal_app.py"
        minimal.write_text(MINIMAL_APP, encoding="utf-8")
        floor_loop = temp / "floor.py"
        floor_loop.write_text(FLOOR_LOOP, encoding="utf-8")
        hash_loop = temp / "hash.py"
        hash_loop.write_text(HASH_LOOP, encoding="utf-8")
        print(
            f"consortium benchmark of {ROOT}, Python {sys.version.split()[0]}, "
            f"{os.cpu_count()} CPUs, medians of interleaved runs ({args.runs} for start-up, "
            f"{args.scale_runs} for scale; ms)\n"
        )
        print("| figure | ours | floor | ratio | target | peak memory |")
        print("|---|---:|---:|---:|---|---|")
        if "startup" in only:
            check = [*ours, "check", str(EXAMPLE), "--today", "2020-11-20"]
            startup = medians(
                {
                    "help": [*ours, "--help"],
                    "minimal help": [python, str(minimal), "--help"],
                    "check json": [*check, "--format", "json"],
                    "check text": check,
                    "minimal run": [python, str(minimal), "--name", "y", "--count", "2"],
                },
                args.runs,
            )
            print(
                row(
                    "`--help` / minimal app `--help`",
                    startup["help"][0],
                    startup["minimal help"][0],
                    1.3,
                )
            )
            print(
                row(
                    "`check --format json` / minimal app run",
                    startup["check json"][0],
                    startup["minimal run"][0],
                    1.1,
                )
            )
            print(
                row(
                    "`check` (text) / minimal app run",
                    startup["check text"][0],
                    startup["minimal run"][0],
                    1.25,
                )
            )
        for size in args.sizes if "list" in only else []:
            folder = write_requests(temp / f"requests-{size}", size)
            listing = listing_argv(ours, folder)
            figures = medians(
                {
                    "list": listing,
                    "read+hash": [python, str(hash_loop), str(folder)],
                    "floor": [python, str(floor_loop), str(folder)],
                },
                args.scale_runs,
            )
            print(
                row(
                    f"`requests list` {size} files, cold / CSafeLoader loop",
                    figures["list"][0],
                    figures["floor"][0],
                    1.0 if size >= 10000 else None,  # below that, Typer's start-up dominates
                    figures["list"][1],
                )
            )
            print(
                row(
                    f"read and hash {size} files (an index hit's floor) / CSafeLoader loop",
                    figures["read+hash"][0],
                    figures["floor"][0],
                    None,
                    figures["read+hash"][1],
                )
            )
        if "memory" in only:
            listing_memory(temp, ours, args.memory_sizes)
        for name, make in WORST_CASES.items() if "worst" in only else {}.items():
            path = temp / "worst" / "consortium.yaml"
            path.parent.mkdir(exist_ok=True)
            text = make((1024 * 1024 - 100) // 2)[: 1024 * 1024 - 1]
            path.write_text(text, encoding="utf-8")
            seconds, peak, status = run([*ours, "check", str(path), "--today", "2020-11-20"])
            print(
                f"| 1 MiB worst case: {name} | {seconds * 1000:8.0f} | - | - | exit {status} "
                f"(2 expected) | {peak} MiB |"
            )
        if "import" in only and SEED_TEXT.is_file():
            texts = write_texts(temp / "texts", 1000)
            seconds = statistics.median(
                run([*ours, "import", str(texts), "-o", str(temp / f"imported-{n}")])[0]
                for n in range(args.scale_runs)
            )
            verdict = "ok" if seconds < IMPORT_TARGET else "OVER"
            print(
                f"| `import` 1 000 profile texts (seconds) | {seconds * 1000:8.0f} | - | "
                f"{seconds / IMPORT_TARGET:5.2f} of 5 s | < 5 s {verdict} | |"
            )
        if "import" in only:
            import_pages(temp, ours, args.scale_runs)
        if "check" in only:
            big_check(temp, python, ours, floor_loop, args.scale_runs)
        if "match" in only:
            matching(temp, python, ours, floor_loop, args.scale_runs)
        if "cores" in only:
            two_cores(temp, ours, args.scale_runs)


def two_cores(temp: Path, ours: list[str], runs: int) -> None:
    """`requests list` with two processes against one (``CONSORTIUM_WORKERS``), by size:
    where the forked worker starts to pay is where ``files.cores.THRESHOLD`` belongs."""
    for size in CORES_SIZES:
        folder = write_requests(temp / f"requests-{size}", size)
        argv = listing_argv(ours, folder)
        figures = medians(
            {
                "two": ["CONSORTIUM_WORKERS=2", *argv],
                "one": ["CONSORTIUM_WORKERS=1", *argv],
            },
            runs + 2,
        )
        print(
            row(
                f"`requests list` {size} files, two processes / one",
                figures["two"][0],
                figures["one"][0],
                None,
                figures["two"][1],
            )
        )


def import_pages(temp: Path, ours: list[str], runs: int) -> None:
    """`import` of 1 000 saved EEN pages."""
    pages = write_pages(temp / "pages", 1000)
    seconds = statistics.median(
        run(
            [
                *ours,
                "import",
                str(pages),
                "-o",
                str(temp / f"pages-{n}"),
                "--today",
                "2026-06-01",
            ]
        )[0]
        for n in range(runs)
    )
    verdict = "ok" if seconds < PAGES_TARGET else "OVER"
    print(
        f"| `import` 1 000 saved EEN pages, HTML (seconds) | {seconds * 1000:8.0f} | - | "
        f"{seconds / PAGES_TARGET:5.2f} of {PAGES_TARGET:g} s | < {PAGES_TARGET:g} s {verdict} | |"
    )


def big_check(temp: Path, python: str, ours: list[str], floor_loop: Path, runs: int) -> None:
    """`check` of a 200-member consortium among 2 000 known clusters."""
    proposal = write_proposal(temp / "big", clusters=2000, members=200)
    big = medians(
        {
            "check": [
                *ours,
                "check",
                str(proposal),
                "--format",
                "json",
                "--today",
                "2020-11-20",
            ],
            "floor": [python, str(floor_loop), str(proposal.parent / "clusters")],
        },
        runs,
    )
    print(
        row(
            "`check` 200 members, 2 000 clusters / parse all 2 000",
            big["check"][0],
            big["floor"][0],
            None,
            big["check"][1],
        )
    )


# The second process's own peak, which `wait4` on the command does not add (it reports the
# larger of the two): the command's `main` run in a probe that then asks for its children's.
WORKER_PROBE = """
import os, resource, sys
sys.argv = ["consortium", *sys.argv[1:]]
sys.stdout = open(os.devnull, "w")
from consortium.cli import run
run(sys.argv[1:])
sys.stderr.write(str(resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss // 1024))
"""


def listing_memory(temp: Path, ours: list[str], sizes: list[int]) -> None:
    """Peak memory (the child's maximum resident set, from ``wait4``) of listing ``sizes``
    varied request files: what the listing keeps per file must stay small. The second
    process's peak is printed beside it; most of it is the pages it shares with the first
    (the interpreter and the imported modules, about 33 MiB here)."""
    probe = temp / "worker_probe.py"
    probe.write_text(WORKER_PROBE, encoding="utf-8")
    for size in sizes:
        folder = write_requests(temp / f"requests-{size}", size)
        argv = listing_argv(ours, folder)
        seconds, peak, status = run(argv)
        worker = subprocess.run(
            [sys.executable, str(probe), *argv[3:]],
            env=os.environ | {"PYTHONPATH": str(ROOT)},
            capture_output=True,
            text=True,
            check=False,
        ).stderr.strip()
        limit = MEMORY_LIMITS.get(size)
        verdict = "-" if limit is None else f"< {limit} MiB {'ok' if peak < limit else 'OVER'}"
        print(
            f"| `requests list` {size} files, peak memory (exit {status}) | "
            f"{seconds * 1000:8.0f} | - | - | {verdict} | {peak} MiB (second process: "
            f"{worker} MiB) |"
        )


# Scoring and suggesting, timed inside one interpreter: loading apart from the work itself.
MATCH_PROBE = """
import json, sys, time
from pathlib import Path
from consortium.calls.known import known_calls
from consortium.catalogue.requests import find, load_catalogue
from consortium.check.runner import check_file
from consortium.facts.deadlines import parse_now
from consortium.catalogue.clusters import known_clusters
from consortium.matching.rank import rank_clusters
from consortium.matching.situation import for_request
from consortium.matching.suggest import suggest
now = parse_now("2020-11-27", None, None)
big, small, requests = (Path(a) for a in sys.argv[1:4])
items, _ = load_catalogue(requests)
calls, _ = known_calls(None)
t0 = time.perf_counter(); pool, _ = known_clusters(big); t1 = time.perf_counter()
ranking = rank_clusters(pool.items(), for_request(find(items, "RDFR20201119001"), calls, now))
t2 = time.perf_counter()
t3 = time.perf_counter(); report = check_file(small / "consortium.yaml", now)
pool2, _ = known_clusters(small / "clusters"); t4 = time.perf_counter()
outcome = suggest(report, pool2.items()); t5 = time.perf_counter()
print(json.dumps({"load_10k": t1 - t0, "score_10k": t2 - t1, "ranked": len(ranking.ranked),
                  "load_2k": t4 - t3, "suggest_2k": t5 - t4,
                  "suggestion_size": len(outcome.suggestions[0].additions) if outcome.suggestions else None}))
"""


def matching(temp: Path, python: str, ours: list[str], floor_loop: Path, runs: int) -> None:
    """`match` over 10 000 clusters and `suggest` over 2 000 (issue 10's bars)."""
    import json

    big = write_proposal(temp / "pool-10k", clusters=10000, members=2).parent
    small = write_proposal(temp / "pool-2k", clusters=2000, members=2).parent
    (small / "consortium.yaml").write_text(  # no coordinator, too few partners and countries
        "call: COS-CLUSTER-2020-3-03\nmembers:\n  - {cluster: cluster-00001}\n", encoding="utf-8"
    )
    probe = temp / "match_probe.py"
    probe.write_text(MATCH_PROBE, encoding="utf-8")
    done = subprocess.run(
        [python, str(probe), str(big / "clusters"), str(small), str(ROOT / "requests")],
        env=os.environ | {"PYTHONPATH": str(ROOT)},
        capture_output=True,
        text=True,
        check=True,
    )
    figures = json.loads(done.stdout)
    print(
        f"| scoring 10 000 clusters against RDFR20201119001, beyond loading them | "
        f"{figures['score_10k'] * 1000:8.0f} | - | - | <= 150 ms {'ok' if figures['score_10k'] <= 0.15 else 'OVER'} "
        f"| (loading: {figures['load_10k'] * 1000:.0f} ms) |"
    )
    print(
        f"| `suggest` over 2 000 clusters, beyond loading (smallest set: "
        f"{figures['suggestion_size']}) | {figures['suggest_2k'] * 1000:8.0f} | - | - | "
        f"<= 1000 ms {'ok' if figures['suggest_2k'] <= 1 else 'OVER'} | (loading: {figures['load_2k'] * 1000:.0f} ms) |"
    )
    whole = medians(
        {
            "match": [
                *ours,
                "match",
                "RDFR20201119001",
                "--dir",
                str(ROOT / "requests"),
                "--clusters",
                str(big / "clusters"),
                "--format",
                "json",
                "--today",
                "2020-11-27",
            ],
            "floor": [python, str(floor_loop), str(big / "clusters")],
        },
        runs,
    )
    print(
        row(
            "`match` over 10 000 distinct clusters / parse all 10 000",
            whole["match"][0],
            whole["floor"][0],
            1.2,
            whole["match"][1],
        )
    )


if __name__ == "__main__":
    main()
