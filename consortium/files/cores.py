"""Loading a large folder on two cores, with the same result as on one.

Parsing and validating files is CPU work on independent inputs, and a listing of 10 000
files spends nearly all its time there, so a second process forked after start-up shares
the files. How the work is shared keeps the promises of one process:

- **Order.** The files are cut into numbered runs of the sorted list; each process takes
  the next free number and returns its results by number, and the results are joined in
  number order. Rows and problems come out exactly as one process gives them.
- **No gain, no loss.** Runs are taken one at a time from a pipe both processes read (a
  read of a few bytes from a pipe is atomic), so a worker that gets no CPU on a busy
  machine takes one run at most and this process does the rest: the cost is a fork and
  one run, not half the work waiting on a starved process.
- **Nothing lost, nothing stuck.** A run the worker took but did not return (it was killed,
  it failed, its answer did not unpickle, it did not answer in time) is done again here, so
  an exception surfaces exactly as it would in one process.
- **Forking only.** The worker is a fork of this process (no re-import, no pickled work,
  only the results travel back), so it is used where ``os.fork`` is safe: Linux and other
  Unixes but not macOS, whose system libraries are not fork-safe and where Python spawns.
  A spawned worker would import the tool again (0.2 s here, a fifth of its half of 10 000
  requests) and need every part of the work to pickle, so there one process does it all.

``CONSORTIUM_WORKERS=1`` keeps one process (a shared CI runner); ``2`` uses two from any
number of files (the tests compare both); unset or any other value, two from ``THRESHOLD``.
"""

from __future__ import annotations

import contextlib
import os
import select
import sys
import time
import warnings
from collections.abc import Callable, Sequence
from io import BufferedReader
from typing import TypeVar, cast

T = TypeVar("T")
R = TypeVar("R")

# From this many files a second process pays (`benchmarks/run.py --only cores`, requests
# listed with two processes against one, three runs: 0.93-0.99x at 150 files, 0.89-0.95x
# at 300, 0.72-0.77x at 1 200, 0.59-0.62x at 10 000); below it, start-up is most of the time.
THRESHOLD = 200
RUN_SIZE = 200  # files per run: small enough to balance, large enough to cost one read
_NUMBER = 4  # bytes of a run number in the pipe (well under PIPE_BUF, so reads are atomic)
# Seconds the worker may take beyond three times what this process took for its own runs
# (it took fewer, or no more than one on a busy machine) before it counts as stuck: it is
# then ended and its runs done here, so a worker that never answers never hangs a command.
# (A monotonic timer for a time-out, not the date: no output depends on it.)
PATIENCE = 10.0
_MAX_RUNS = 1024  # every number fits in the pipe before the fork (4 KiB, the smallest buffer)


def workers_for(count: int) -> int:
    """How many processes to load ``count`` files with: two where it pays and is safe."""
    chosen = os.environ.get("CONSORTIUM_WORKERS", "").strip()
    if chosen == "1" or not _can_fork() or _other_threads():
        return 1
    if chosen == "2":
        return 2
    return 2 if count >= THRESHOLD and _cores() >= 2 else 1


def in_runs(work: Callable[[Sequence[T]], R], items: Sequence[T]) -> list[R]:
    """``work`` applied to consecutive runs of ``items``, results in the runs' order;
    shared with a forked worker when ``workers_for`` says so."""
    size = max(RUN_SIZE, -(-len(items) // _MAX_RUNS))
    runs = [items[i : i + size] for i in range(0, len(items), size)] or [items[:0]]
    if workers_for(len(items)) == 1 or len(runs) == 1:
        return [work(run) for run in runs]
    return _shared(work, runs)


def _shared(work: Callable[[Sequence[T]], R], runs: list[Sequence[T]]) -> list[R]:
    import pickle  # here: 2 ms of every start-up otherwise, for a path small folders skip

    numbers_read, numbers_write = os.pipe()
    with os.fdopen(numbers_write, "wb") as queue:  # every run number, before the fork
        queue.write(b"".join(n.to_bytes(_NUMBER, "big") for n in range(len(runs))))
    answer_read, answer_write = os.pipe()
    for stream in (sys.stdout, sys.stderr):  # a fork copies unwritten output
        if stream is not None:
            with contextlib.suppress(OSError, ValueError):  # a reader gone (`| head`):
                stream.flush()  # this process's next write says so, as without a fork
    try:
        with warnings.catch_warnings():
            # Python 3.12 warns in the parent, after forking, when any thread of the
            # process runs (a C library's, a test runner's watchdog); under -W error that
            # warning would be an exception with the worker already running. Our own
            # Python threads never run here (``_other_threads``).
            warnings.simplefilter("ignore", DeprecationWarning)
            pid = os.fork()
    except OSError:  # no process to spare (a container's limit, memory): one does it all
        for fd in (numbers_read, answer_read, answer_write):
            os.close(fd)
        return [work(run) for run in runs]
    if pid == 0:  # the worker: never returns, never runs the parent's exit handlers
        code = 1
        try:
            os.close(answer_read)
            # Each run pickled as soon as it is done, its rows then freed: pickled, rows
            # take a fifth of the memory, and the answer waits for the parent to finish.
            # One pickle per run, so the parent's unpickler never remembers them all.
            done = [
                pickle.dumps((n, work(runs[n])), protocol=pickle.HIGHEST_PROTOCOL)
                for n in _Taker(numbers_read)
            ]
            with os.fdopen(answer_write, "wb") as answer:
                for pickled in done:
                    answer.write(pickled)
            code = 0
        finally:
            os._exit(code)
    os.close(answer_write)
    results: dict[int, R] = {}
    try:
        started = time.monotonic()
        for number in _Taker(numbers_read):
            results[number] = work(runs[number])
        patience = PATIENCE + 3 * (time.monotonic() - started)
        if select.select([answer_read], [], [], patience)[0]:  # it answers, or is gone
            reader, answer_read = os.fdopen(answer_read, "rb"), -1
            with reader:  # read as it unpickles: no second copy of the rows as bytes
                received = _unpickled(reader)
            _, status = os.waitpid(pid, 0)
            pid = 0
            if os.waitstatus_to_exitcode(status) == 0:
                results.update(cast(dict[int, R], received))
    finally:
        os.close(numbers_read)
        if answer_read != -1:
            os.close(answer_read)
        if pid:  # stuck, or this one was interrupted: its results are not waited for
            _end(pid)
    # Whatever the worker took and did not return is done here, in order.
    return [results[n] if n in results else work(runs[n]) for n in range(len(runs))]


class _Taker:
    """The run numbers this process takes, one atomic read at a time, until none is left."""

    def __init__(self, fd: int) -> None:
        self.fd = fd

    def __iter__(self) -> _Taker:
        return self

    def __next__(self) -> int:
        number = os.read(self.fd, _NUMBER)
        if len(number) != _NUMBER:
            raise StopIteration
        return int.from_bytes(number, "big")


def _unpickled(answer: BufferedReader) -> dict[int, object]:
    """The worker's results by run number, one pickle per run (an unpickler remembers every
    object it made until it ends: one for all 25 000 rows kept 15 MiB more at the peak);
    nothing when the answer is cut short, so every run it held is done again."""
    import pickle

    done: dict[int, object] = {}
    try:
        while answer.peek(1):
            number, result = pickle.load(answer)  # our own fork's, from our own pipe
            done[number] = result
    except Exception:
        return {}
    return done


def _end(pid: int) -> None:
    try:
        os.kill(pid, 9)
        os.waitpid(pid, 0)
    except OSError:
        pass


def _other_threads() -> bool:
    """Whether another thread runs (the importer's writer, a progress bar): a fork copies
    only this one, and a lock another holds would stay held in the worker for ever."""
    threading = sys.modules.get("threading")
    return threading is not None and threading.active_count() > 1


def _can_fork() -> bool:
    return hasattr(os, "fork") and sys.platform != "darwin"


def _cores() -> int:
    """The cores this process may run on (a container's or ``taskset``'s share)."""
    if hasattr(os, "sched_getaffinity"):
        return len(os.sched_getaffinity(0))
    return os.cpu_count() or 1
