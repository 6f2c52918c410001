"""Writing to the streams a command was given, when they misbehave.

A closed pipe (``| head -1``, ``| grep -q``) is not a verdict: Click would turn it into
exit 1, which reads as "incomplete". Here the report stops quietly and the command keeps
its exit code. A full disk, a closed stdout or a console that cannot encode a character
each get one line naming the cause, never a traceback and never "internal error".
"""

from __future__ import annotations

import errno
import os
import stat
import sys
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager, suppress
from pathlib import Path
from typing import NoReturn, TextIO, TypeVar

from consortium.display.text import path_text
from consortium.files.problems import Problem

T = TypeVar("T")

SIGPIPE_EXIT = 141  # 128 + SIGPIPE, what a shell reports for a writer killed by a closed pipe


def prepare_streams() -> None:
    """Streams fit to write on: a closed one is replaced by the null device (and said, on
    stderr when it is open), one that cannot encode every character replaces it by ``?``."""
    if sys.stderr is None:
        sys.stderr = open(os.devnull, "w", encoding="utf-8")  # noqa: SIM115 (lives as long as the process)
    if sys.stdout is None:
        sys.stdout = open(os.devnull, "w", encoding="utf-8")  # noqa: SIM115
        sys.stderr.write("consortium: standard output is closed: the report is not shown\n")
    for stream, errors in ((sys.stdout, "replace"), (sys.stderr, "backslashreplace")):
        encoding = (getattr(stream, "encoding", None) or "").lower().replace("-", "")
        reconfigure = getattr(stream, "reconfigure", None)
        if reconfigure and not encoding.startswith("utf"):
            reconfigure(errors=errors)


@contextmanager
def log_safe_streams() -> Iterator[None]:
    """stdout and stderr wrapped for the command's run: every line either stream gets is
    one a CI runner cannot read as a workflow command (``consortium.display.logsafe``); the
    streams are restored, whatever is left sent, when the command ends."""
    from consortium.display.logsafe import LogSafe

    saved = sys.stdout, sys.stderr
    out, err = LogSafe(sys.stdout), LogSafe(sys.stderr)
    sys.stdout, sys.stderr = out, err
    try:
        yield
    finally:
        for wrapper in (out, err):
            with suppress(OSError, ValueError):  # a reader gone, a stream closed
                wrapper.finish()
        if sys.stdout is out:
            sys.stdout = saved[0]
        if sys.stderr is err:
            sys.stderr = saved[1]


def leave(code: int) -> NoReturn:
    """End the process with ``code`` once everything written is sent, without tearing down
    the heap: freeing every parsed file and imported module one by one is work nobody
    waits for (``os._exit`` after flushing both streams).

    Only the real entry point calls this (tests run commands in-process through ``run``),
    and only the command's own process leaves this way (``_program_is_us``).
    Under coverage, or when a stream cannot be flushed, the interpreter's ordinary exit runs
    instead: coverage saves its data at exit, and a failed flush keeps Python's own answer.
    """
    try:
        for stream in (sys.stdout, sys.stderr):
            if stream is not None:
                stream.flush()
    except (OSError, ValueError):
        sys.exit(code)
    if "coverage" in sys.modules or sys.gettrace() is not None or not _program_is_us():
        sys.exit(code)
    os._exit(code)


def _program_is_us() -> bool:
    """Whether this process is the command itself (its console script, or ``python -m
    consortium``), not a host that calls ``main()`` and goes on (a test, a script): only
    the command may leave without Python's teardown."""
    program = sys.modules.get("__main__")
    spec = getattr(program, "__spec__", None)
    if spec is not None:
        return bool(spec.name == "consortium.__main__")
    script = getattr(program, "__file__", None)
    return script is not None and Path(script).stem.startswith("consortium")


def discard_stdout() -> None:
    """Send whatever is still buffered for stdout, and all later output, nowhere: the reader
    is gone, and Python's final flush must not fail again at exit."""
    try:
        null = os.open(os.devnull, os.O_WRONLY)
        os.dup2(null, sys.stdout.fileno())
        os.close(null)
    except (OSError, ValueError, AttributeError):
        sys.stdout = open(os.devnull, "w", encoding="utf-8")  # noqa: SIM115


def emit(write: Callable[[TextIO], None]) -> Problem | None:
    """Run ``write`` on stdout and flush it. None when written (or when the reader left
    early, which is no failure); else why it could not be, in one line (no file: stdout)."""
    try:
        write(sys.stdout)
        sys.stdout.flush()
    except BrokenPipeError:
        discard_stdout()
    except OSError as exc:
        discard_stdout()
        return Problem(
            None, f"cannot write to standard output: {exc.strerror or exc}", subject="stdout"
        )
    return None


def append_to_file(target: str, write: Callable[[TextIO], None]) -> Problem | None:
    """Append to ``target`` (a job summary): None when done, else why not, in one line.

    Opened without blocking and only if it is a regular file (or new): a FIFO with no
    reader must not hang a CI job, and a device is no summary.
    """
    flags = os.O_WRONLY | os.O_APPEND | os.O_CREAT | getattr(os, "O_NONBLOCK", 0)
    try:
        fd = os.open(target, flags, 0o644)
    except OSError as exc:
        return _unwritable(target, _reason(exc))
    try:
        if not stat.S_ISREG(os.fstat(fd).st_mode):
            return _unwritable(target, "not a regular file")
        with os.fdopen(fd, "a", encoding="utf-8", closefd=False) as stream:
            write(stream)
    except OSError as exc:
        return _unwritable(target, _reason(exc))
    finally:
        os.close(fd)
    return None


def _unwritable(target: str, reason: str) -> Problem:
    return Problem(Path(target), f"cannot write the summary to {path_text(target)}: {reason}")


def _reason(exc: OSError) -> str:
    if exc.errno == errno.ENXIO:
        return "a pipe with no reader"
    return exc.strerror or str(exc)


def progress(items: Iterable[T], total: int | None, what: str) -> Iterator[T]:
    """A Rich progress bar on stderr when it is a terminal (and more than one item)."""
    if not sys.stderr.isatty() or total == 1:
        yield from items
        return
    from rich.console import Console
    from rich.progress import Progress

    with Progress(transient=True, console=Console(stderr=True)) as bar:
        task = bar.add_task(what, total=total)
        for item in items:
            yield item
            bar.advance(task)
