"""One writer for every line a person or a CI log reads, on stdout and stderr alike.

A GitHub runner reads both streams of a step. A line starting with ``::`` (after white
space) is a workflow command (``::error``, ``::add-mask::``, ``::stop-commands::``), and
the older ``##[`` and ``##vso[`` forms are recognised anywhere in a line. A value from a
file (a cluster's name, a country, a file name) must never become one, whichever message,
table, diff or note carries it. Escaping at each call site fixes instances; wrapping the
two streams once, where the command starts, makes the class impossible: every write goes
through :class:`LogSafe`, and only a :class:`WorkflowCommand`, which the annotation
writers build with every property and message escaped, passes as it is.

Machine formats are unchanged by it: JSON and XML writers already spell ``##[`` as
``#\\u0023[`` and ``#&#35;[`` (the same value for their readers), and none of their lines
starts with ``::``.
"""

from __future__ import annotations

import io
from typing import Any, TextIO

# The longest partial forms a line may end with that the next write could complete.
HASH_FORMS = ("##[", "##vso[")


class WorkflowCommand(str):
    """A workflow command built by an annotation writer: written as it is."""

    __slots__ = ()


def safe_line(line: str) -> str:
    """``line`` as a runner cannot read it as a command: a backslash before a leading
    ``::`` (indentation kept) and inside every ``##[`` and ``##vso[``; nothing else changes,
    so a Markdown heading (``## Clusters``) stays a heading."""
    stripped = line.lstrip()
    if stripped.startswith("::"):
        line = f"{line[: len(line) - len(stripped)]}\\{stripped}"
    return hash_free(line)


def hash_free(text: str) -> str:
    """``text`` with the ``##[`` and ``##vso[`` a runner reads anywhere in a line broken."""
    if "##" not in text:
        return text
    return text.replace("##vso[", "#\\#vso[").replace("##[", "#\\#[")


def _held(tail: str) -> int:
    """How many characters at the end of ``tail`` could begin ``##[`` or ``##vso[``."""
    for size in range(min(len(tail), 5), 0, -1):
        end = tail[-size:]
        if any(form.startswith(end) and form != end for form in HASH_FORMS):
            return size
    return 0


class LogSafe(io.TextIOBase):
    """A text stream that writes every line of ``raw`` through :func:`safe_line`.

    Lines are made safe whole, so a command split over two writes is still caught; a
    partial line goes out on ``flush`` (a prompt must show) unless it could still become
    a command, and the rest when the stream is finished.
    """

    def __init__(self, raw: TextIO) -> None:
        super().__init__()
        self.raw = raw
        self._tail = ""
        self._started = False  # the tail's line has already begun on ``raw``

    def write(self, text: str) -> int:
        if isinstance(text, WorkflowCommand) and not self._tail:
            self.raw.write(text)
            return len(text)
        lines = (self._tail + text).split("\n")
        self._tail = lines.pop()
        if lines:
            first, *rest = lines
            done = [hash_free(first) if self._started else safe_line(first)]
            done += [safe_line(line) for line in rest]
            self._started = False
            self.raw.write("\n".join(done) + "\n")
        return len(text)

    def flush(self) -> None:
        self._send_tail()
        self.raw.flush()

    def finish(self) -> None:
        """Send whatever is left, as safe as a whole line."""
        if self._tail:
            self.raw.write(hash_free(self._tail) if self._started else safe_line(self._tail))
            self._tail, self._started = "", True
        self.raw.flush()

    def _send_tail(self) -> None:
        tail = self._tail
        if not self._started and tail.lstrip()[:1] in ("", ":"):
            return  # may yet become '::': hold it until the line is known
        keep = _held(tail)
        ready = tail[: len(tail) - keep]
        if ready:
            self.raw.write(hash_free(ready) if self._started else safe_line(ready))
            self._tail, self._started = tail[len(ready) :], True

    # What Rich, Click and the tests ask of a stream, answered by the real one.
    def isatty(self) -> bool:
        return bool(getattr(self.raw, "isatty", lambda: False)())

    def fileno(self) -> int:
        return self.raw.fileno()

    def writable(self) -> bool:
        return True

    @property
    def encoding(self) -> str:  # type: ignore[override]
        return str(getattr(self.raw, "encoding", None) or "utf-8")

    @property
    def errors(self) -> str | None:  # type: ignore[override]
        return getattr(self.raw, "errors", None)

    def __getattr__(self, name: str) -> Any:
        return getattr(self.raw, name)
