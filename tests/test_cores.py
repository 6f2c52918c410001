"""Two processes give what one gives: the same rows, the same problems, in the same order.

``files.cores`` shares a large folder with a forked worker (issue 22, point 5). Speed is
measured by ``benchmarks/run.py``; these tests pin that a user sees nothing of it: every
command's output is byte-identical with one process and with two, a worker that dies or
fails changes nothing, and ``CONSORTIUM_WORKERS=1`` keeps one process.
"""

from __future__ import annotations

import os
import time
from collections.abc import Sequence
from pathlib import Path

import pytest

from consortium.files import cores
from tests.conftest import REQUESTS, Cli, Ran
from tests.generated import COUNTRIES, LEVELS, SECTORS, varied_requests


def cluster_profiles(folder: Path, count: int) -> Path:
    """``count`` distinct cluster profiles, one with an unknown key every 89th."""
    folder.mkdir(parents=True)
    for i in range(count):
        country = COUNTRIES[i % len(COUNTRIES)]
        label = f"label: {{level: {LEVELS[i % 3]}, valid_until: 202{i % 6}-06-30}}\n"
        text = (
            f'name: Cluster {i}\ncountry: "{country}"\ntype: cluster\n'
            f"sectors: [{SECTORS[i % len(SECTORS)]}, {SECTORS[(i * 3) % len(SECTORS)]}]\n"
            f"{label if i % 4 else ''}roles: [{'coordinator, ' if i % 5 else ''}partner]\n"
        )
        if i % 89 == 7:
            text += "sector: typo\n"
        (folder / f"cluster-{i:04d}.yaml").write_text(text, encoding="utf-8")
    return folder


def both(cli: Cli, *args: str | Path) -> tuple[Ran, Ran]:
    return cli(*args, env={"CONSORTIUM_WORKERS": "1"}), cli(*args, env={"CONSORTIUM_WORKERS": "2"})


@pytest.mark.parametrize("output", ["json", "text", "csv", "markdown"])
def test_requests_list_is_the_same_with_two_processes(
    cli: Cli, tmp_path: Path, output: str
) -> None:
    folder = varied_requests(tmp_path / "requests", 700, broken_every=97)
    one, two = both(
        cli, "requests", "list", "--requests", folder, "--all", "--format", output,
        "--sort", "country", "--today", "2020-11-20",
    )  # fmt: skip
    assert one.exit_code == 2  # the broken files are reported, the rest listed
    assert "RDFR20201101" in one.stdout  # a real listing, not two empty ones
    assert one.stderr.count("\n") >= 7
    assert (two.stdout, two.stderr, two.exit_code) == (one.stdout, one.stderr, one.exit_code)


def test_deadlines_and_clusters_are_the_same_with_two_processes(cli: Cli, tmp_path: Path) -> None:
    requests = varied_requests(tmp_path / "requests", 650, broken_every=97)
    clusters = cluster_profiles(tmp_path / "clusters", 650)
    for args in (
        ("deadlines", "--requests", requests, "--all", "--today", "2020-11-20"),
        ("clusters", "list", "--clusters", clusters, "--format", "json", "--today", "2022-01-01"),
        ("match", "RDFR20201119001", "--requests", REQUESTS, "--clusters", clusters,
         "--format", "json", "--top", "40", "--today", "2020-11-20"),
    ):  # fmt: skip
        one, two = both(cli, *args)
        assert one.stdout.strip(), args
        assert (two.stdout, two.stderr, two.exit_code) == (one.stdout, one.stderr, one.exit_code)


def _halves(items: Sequence[int]) -> list[int]:
    return [i * 2 for i in items]


def test_runs_come_back_in_order_whoever_did_them(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(cores, "RUN_SIZE", 7)
    monkeypatch.setenv("CONSORTIUM_WORKERS", "2")
    parent = os.getpid()

    def work(run: Sequence[int]) -> tuple[int, list[int]]:
        time.sleep(0.001)  # so that both processes take runs, however busy the machine
        return os.getpid(), _halves(run)

    runs = cores.in_runs(work, list(range(1000)))
    assert [x for _, done in runs for x in done] == [i * 2 for i in range(1000)]
    assert {pid for pid, _ in runs} - {parent}, "the worker did none of the runs"


def test_a_worker_that_dies_loses_nothing(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    """Runs the worker took and never returned are done again here."""
    monkeypatch.setattr(cores, "RUN_SIZE", 10)
    monkeypatch.setenv("CONSORTIUM_WORKERS", "2")
    parent = os.getpid()

    def work(run: Sequence[int]) -> list[int]:
        if os.getpid() != parent:
            (tmp_path / "took").touch()
            os._exit(3)  # killed mid-run
        time.sleep(0.005)  # so that the worker takes a run, however busy the machine
        return _halves(run)

    runs = cores.in_runs(work, list(range(500)))
    assert [x for done in runs for x in done] == [i * 2 for i in range(500)]
    assert (tmp_path / "took").exists(), "the worker took no run"


def test_a_worker_that_fails_never_returns_to_the_caller(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    """A failure in the worker ends the worker (its run redone here): it never runs on in
    the caller's code, where it would be a second copy of the command."""
    monkeypatch.setattr(cores, "RUN_SIZE", 10)
    monkeypatch.setenv("CONSORTIUM_WORKERS", "2")
    parent = os.getpid()

    def work(run: Sequence[int]) -> list[int]:
        if os.getpid() != parent:
            raise ValueError("the worker fails")
        time.sleep(0.002)
        return _halves(run)

    try:
        runs = cores.in_runs(work, list(range(500)))
    finally:
        if os.getpid() != parent:  # the worker escaped into this test: say so and end
            (tmp_path / "escaped").touch()
            os._exit(0)
    assert [x for done in runs for x in done] == [i * 2 for i in range(500)]
    assert not (tmp_path / "escaped").exists()


def _recording_forks(monkeypatch: pytest.MonkeyPatch) -> list[int]:
    forked: list[int] = []
    real_fork = os.fork

    def fork() -> int:
        pid = real_fork()
        if pid:
            forked.append(pid)
        return pid

    monkeypatch.setattr(os, "fork", fork)
    return forked


def _reaped(pid: int) -> bool:
    try:
        os.waitpid(pid, os.WNOHANG)
    except ChildProcessError:
        return True
    return False


def test_a_worker_is_waited_for_and_never_killed_when_done(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr(cores, "RUN_SIZE", 10)
    monkeypatch.setenv("CONSORTIUM_WORKERS", "2")
    forked = _recording_forks(monkeypatch)
    killed: list[tuple[int, int]] = []
    monkeypatch.setattr(os, "kill", lambda pid, signal: killed.append((pid, signal)))
    runs = cores.in_runs(_halves, list(range(500)))
    assert [x for done in runs for x in done] == [i * 2 for i in range(500)]
    assert len(forked) == 1 and _reaped(forked[0]), "no zombie left behind"
    assert killed == []


def test_an_interrupted_load_ends_its_worker(monkeypatch: pytest.MonkeyPatch) -> None:
    """A failure (or ^C) here while the worker runs: the worker is ended and reaped."""
    monkeypatch.setattr(cores, "RUN_SIZE", 10)
    monkeypatch.setenv("CONSORTIUM_WORKERS", "2")
    forked = _recording_forks(monkeypatch)
    parent = os.getpid()

    def work(run: Sequence[int]) -> list[int]:
        if os.getpid() == parent:
            raise ValueError("interrupted")
        time.sleep(0.05)  # the worker is still busy when this process fails
        return _halves(run)

    with pytest.raises(ValueError, match="interrupted"):
        cores.in_runs(work, list(range(500)))
    assert len(forked) == 1 and _reaped(forked[0])


def test_one_run_is_never_shared(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("CONSORTIUM_WORKERS", "2")
    forked = _recording_forks(monkeypatch)
    assert cores.in_runs(len, list(range(cores.RUN_SIZE))) == [cores.RUN_SIZE]
    assert cores.in_runs(len, []) == [0]
    assert forked == []


def test_never_more_than_1024_runs(monkeypatch: pytest.MonkeyPatch) -> None:
    """Every run number fits in the pipe before the fork: a larger folder, longer runs."""
    monkeypatch.setenv("CONSORTIUM_WORKERS", "1")
    monkeypatch.setattr(cores, "RUN_SIZE", 1)
    assert cores.in_runs(len, list(range(2049))) == [3] * 683


def test_a_failure_surfaces_as_in_one_process(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(cores, "RUN_SIZE", 10)

    def work(run: Sequence[int]) -> list[int]:
        if 333 in run:
            raise ValueError("file 333 is a bug")
        return _halves(run)

    for workers in ("1", "2"):
        monkeypatch.setenv("CONSORTIUM_WORKERS", workers)
        with pytest.raises(ValueError, match="file 333"):
            cores.in_runs(work, list(range(500)))


def test_output_written_before_the_fork_is_written_once(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A fork copies what the parent has not flushed yet; a worker whose own writes flush
    its buffer must not write that copy again."""
    import sys

    monkeypatch.setenv("CONSORTIUM_WORKERS", "2")
    monkeypatch.setattr(cores, "RUN_SIZE", 5)
    parent = os.getpid()

    def noisy(run: Sequence[int]) -> list[int]:
        if os.getpid() != parent:
            sys.stdout.write("." * 10_000)  # more than a buffer: flushed as written
        time.sleep(0.01)  # the worker takes a run, however busy the machine
        return _halves(run)

    with open(tmp_path / "out", "w", encoding="utf-8") as out:  # buffered, as a pipe is
        monkeypatch.setattr(sys, "stdout", out)
        out.write("before the fork\n")
        cores.in_runs(noisy, list(range(100)))
    text = (tmp_path / "out").read_text(encoding="utf-8")
    assert "." in text, "the worker did none of the runs"
    assert text.count("before the fork") == 1


@pytest.mark.parametrize(
    ("setting", "count", "expected"),
    [("1", 10**6, 1), ("2", 3, 2), ("", 10, 1), ("", cores.THRESHOLD, 2), (" 2 ", 1, 2)],
)
def test_workers_for(
    monkeypatch: pytest.MonkeyPatch, setting: str, count: int, expected: int
) -> None:
    monkeypatch.setenv("CONSORTIUM_WORKERS", setting)
    monkeypatch.setattr(cores, "_cores", lambda: 2)
    assert cores.workers_for(count) == expected


def test_the_cores_counted_are_this_process_s_share(monkeypatch: pytest.MonkeyPatch) -> None:
    """``taskset -c 0`` on a large machine: one core to run on, so one process."""
    monkeypatch.delenv("CONSORTIUM_WORKERS", raising=False)
    monkeypatch.setattr(os, "sched_getaffinity", lambda _: {0}, raising=False)
    monkeypatch.setattr(os, "cpu_count", lambda: 8)
    assert cores.workers_for(10**6) == 1
    monkeypatch.setattr(os, "sched_getaffinity", lambda _: {0, 1}, raising=False)
    assert cores.workers_for(10**6) == 2
    monkeypatch.delattr(os, "sched_getaffinity")  # macOS and Windows have no affinity
    assert cores.workers_for(10**6) == 2
    monkeypatch.setattr(os, "cpu_count", lambda: None)  # unknown: one
    assert cores.workers_for(10**6) == 1


def test_macos_never_forks(monkeypatch: pytest.MonkeyPatch) -> None:
    import sys

    monkeypatch.setenv("CONSORTIUM_WORKERS", "2")
    monkeypatch.setattr(sys, "platform", "darwin")
    assert cores.workers_for(10**6) == 1


def test_one_core_or_no_fork_means_one_process(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("CONSORTIUM_WORKERS", raising=False)
    monkeypatch.setattr(cores, "_cores", lambda: 1)
    assert cores.workers_for(10**6) == 1
    monkeypatch.setattr(cores, "_cores", lambda: 2)
    monkeypatch.setattr(cores, "_can_fork", lambda: False)
    monkeypatch.setenv("CONSORTIUM_WORKERS", "2")
    assert cores.workers_for(10**6) == 1


def test_no_fork_while_another_thread_runs(monkeypatch: pytest.MonkeyPatch) -> None:
    """A fork copies only the calling thread: with the importer's writer or a progress bar
    running, a lock it holds would never be released in the worker."""
    import threading

    monkeypatch.setenv("CONSORTIUM_WORKERS", "2")
    assert cores.workers_for(10) == 2
    release = threading.Event()
    other = threading.Thread(target=release.wait)
    other.start()
    try:
        assert cores.workers_for(10) == 1
    finally:
        release.set()
        other.join()


def test_a_fork_refused_means_one_process(monkeypatch: pytest.MonkeyPatch) -> None:
    """A container's process limit (EAGAIN) or no memory to fork: the same result, here."""
    monkeypatch.setenv("CONSORTIUM_WORKERS", "2")
    monkeypatch.setattr(cores, "RUN_SIZE", 10)

    def refused() -> int:
        raise BlockingIOError(11, "Resource temporarily unavailable")

    monkeypatch.setattr(os, "fork", refused)
    before = len(os.listdir("/proc/self/fd")) if os.path.isdir("/proc/self/fd") else 0
    runs = cores.in_runs(_halves, list(range(100)))
    assert [x for done in runs for x in done] == [i * 2 for i in range(100)]
    if before:
        assert len(os.listdir("/proc/self/fd")) == before  # no pipe left open


def test_a_worker_that_never_answers_hangs_nothing(monkeypatch: pytest.MonkeyPatch) -> None:
    """Stuck (a deadlock, a stopped process): ended once it is overdue, its runs done here."""
    import time

    monkeypatch.setattr(cores, "RUN_SIZE", 10)
    monkeypatch.setattr(cores, "PATIENCE", 0.5)
    monkeypatch.setenv("CONSORTIUM_WORKERS", "2")
    parent = os.getpid()

    def work(run: Sequence[int]) -> list[int]:
        if os.getpid() != parent:
            time.sleep(3600)
        time.sleep(0.002)
        return _halves(run)

    started = time.monotonic()
    runs = cores.in_runs(work, list(range(300)))
    assert [x for done in runs for x in done] == [i * 2 for i in range(300)]
    assert time.monotonic() - started < 30


def test_the_patience_grows_with_this_process_s_own_share(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """With no fixed patience left, the worker still gets three times what this process
    took (never a negative wait, which ``select`` refuses): the same result, no failure."""
    monkeypatch.setattr(cores, "RUN_SIZE", 10)
    monkeypatch.setattr(cores, "PATIENCE", 0.0)
    monkeypatch.setenv("CONSORTIUM_WORKERS", "2")

    def work(run: Sequence[int]) -> tuple[int, list[int]]:
        time.sleep(0.002)
        return os.getpid(), _halves(run)

    runs = cores.in_runs(work, list(range(500)))
    assert [x for _, done in runs for x in done] == [i * 2 for i in range(500)]


def test_a_reader_gone_before_the_fork_changes_nothing(monkeypatch: pytest.MonkeyPatch) -> None:
    """`consortium requests list | head -1`: stdout's reader may be gone when the folder is
    shared; the load goes on, and the next write of the command says so, as in one process."""
    import io
    import sys

    class Gone(io.StringIO):
        def flush(self) -> None:
            raise BrokenPipeError(32, "Broken pipe")

    monkeypatch.setenv("CONSORTIUM_WORKERS", "2")
    monkeypatch.setattr(cores, "RUN_SIZE", 10)
    monkeypatch.setattr(sys, "stdout", Gone())
    runs = cores.in_runs(_halves, list(range(100)))
    assert [x for done in runs for x in done] == [i * 2 for i in range(100)]
