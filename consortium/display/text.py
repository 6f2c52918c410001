"""Text from files made safe to show: on a terminal, in a CI log, in XML.

In a pull request's CI the author controls every file the tool reads (README, "Safe in a pull
request's CI"), so names, titles and file names are hostile until shown here. Control
characters would drive a terminal (escape sequences) or start a line of their own (a
GitHub workflow command); they are shown visibly instead (``\\x1b``, ``\\n``).
"""

from __future__ import annotations

import os
import re
from collections.abc import Iterable
from functools import cache
from pathlib import Path

from consortium.display.logsafe import hash_free

# Compiled on first need (compiling these costs 1.5 ms of every start-up, and text that is
# all printable, nearly all of it, never needs them).
PATTERNS = {
    # C0 and C1 controls, DEL, the Unicode line and paragraph separators, and the bidi
    # embeddings, overrides and isolates (U+202A-U+202E, U+2066-U+2069) that would show a
    # value's characters in another order than they are ("Trojan Source").
    "control": "[\x00-\x1f\x7f-\x9f\u2028\u2029\u202a-\u202e\u2066-\u2069\ufffe\uffff]",
    "control-but-lines": "[\x00-\x09\x0b-\x1f\x7f-\x9f\u2028\u2029\u202a-\u202e\u2066-\u2069\ufffe\uffff]",
    # What XML 1.0 forbids: C0 controls but tab, line feed and carriage return; lone
    # surrogates; U+FFFE and U+FFFF.
    "not-xml": "[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]",
    "surrogate": "[\ud800-\udfff]",
}


@cache
def _pattern(name: str) -> re.Pattern[str]:
    return re.compile(PATTERNS[name])


MAX_SHOWN = 60  # characters of a user's value quoted in a message


_NAMED = {"\n": "\\n", "\r": "\\r", "\t": "\\t"}


def _escape(match: re.Match[str]) -> str:
    char = match[0]
    if char in _NAMED:
        return _NAMED[char]
    return f"\\x{ord(char):02x}" if ord(char) < 0x100 else f"\\u{ord(char):04x}"


def visible(text: str, keep_lines: bool = False) -> str:
    """``text`` with every control character shown as an escape (``\\x1b``), line feeds
    too unless ``keep_lines``; lone surrogates (undecodable file-name bytes) as ``\\udcXX``."""
    if text.isprintable():
        return text
    text = _pattern("control-but-lines" if keep_lines else "control").sub(_escape, text)
    return _pattern("surrogate").sub(lambda m: f"\\u{ord(m[0]):04x}", text)


def shorten(text: str, limit: int = MAX_SHOWN) -> str:
    """A user's text fit for a one-line message: controls escaped, at most ``limit`` chars."""
    if len(text) > limit:
        text = text[: limit - 3] + "..."
    return visible(text)


def path_text(path: Path | str) -> str:
    """A file name as text that is valid UTF-8 and one visible line, whatever its bytes.

    File names are bytes on POSIX; Python keeps undecodable ones as lone surrogates, which
    no UTF-8 stream can write. They are shown as ``\\xNN`` escapes instead.
    """
    raw = os.fsencode(path)
    return visible(raw.decode("utf-8", "backslashreplace"))


def xml_safe(text: str) -> str:
    """``text`` with the characters XML 1.0 cannot carry shown as escapes, so a report parses."""
    return text if text.isprintable() else _pattern("not-xml").sub(_escape, text)


def neutralise(line: str) -> str:
    """A line of a CI log that no runner can read as a workflow command.

    GitHub's runner strips leading white space, then reads a line starting with ``::`` as a
    command (``::error``, ``::add-mask::``, ``::stop-commands::``); the older ``##[`` and
    ``##vso[`` forms are recognised anywhere in a line. Such lines get a visible backslash.
    """
    stripped = line.lstrip()
    if stripped.startswith("::") or stripped.startswith("##"):
        line = "\\" + stripped
    return hash_free(line)


MAX_HINTED = 64  # an unknown id longer than this gets no "did you mean": nobody typed it
MAX_CANDIDATES = 300  # known names compared with one unknown id, fewer for long ids
MAX_PAIRS = 80_000  # characters of the id x characters of the candidates compared, at most


def candidates(name: str, known: Iterable[str], cutoff: float = 0.6) -> list[str]:
    """The few of ``known`` worth comparing with ``name``: those whose length allows a ratio
    of ``cutoff`` at all, those with the same first letter and the nearest length first,
    at most ``MAX_CANDIDATES`` and ``MAX_PAIRS`` characters compared. Choosing them costs
    one pass over ``known`` (3,000 files of 200-character ids would cost minutes of difflib)."""
    import heapq

    size = len(name)
    # difflib's ratio is 2*matches/(len(a)+len(b)) and matches <= the shorter length.
    fits = [k for k in known if k and 2 * min(size, len(k)) >= cutoff * (size + len(k))]
    first = name[:1].casefold()
    nearest = heapq.nsmallest(
        MAX_CANDIDATES,
        fits,
        key=lambda k: (k[:1].casefold() != first, abs(len(k) - size), k),
    )
    chosen, pairs = [], 0
    for k in nearest:
        pairs += max(size, 1) * len(k)
        if pairs > MAX_PAIRS:
            break
        chosen.append(k)
    return chosen


def closest(name: str, known: Iterable[str], cutoff: float = 0.6) -> str | None:
    """The one "did you mean" of the tool: the closest of ``known`` to ``name``, if close.

    Bounded whatever the files hold (README, "Errors and limits"): ids over ``MAX_HINTED``
    characters get none, and ``name`` is compared only with a few ``candidates``.
    """
    import difflib

    if not name or len(name) > MAX_HINTED:
        return None
    close = difflib.get_close_matches(name, candidates(name, known, cutoff), n=1, cutoff=cutoff)
    return close[0] if close else None


def did_you_mean(name: str, known: Iterable[str], cutoff: float = 0.6) -> str:
    """ " (did you mean 'x'?)" for the closest of ``known``, or "" when none is close."""
    found = closest(name, known, cutoff)
    return f" (did you mean '{found}'?)" if found else ""


def joined(words: list[str], last: str = "and") -> str:
    """'PT, AT and DK', 'energy, digital or construction': a list as a sentence says it."""
    if len(words) < 2:
        return "".join(words)
    return f"{', '.join(words[:-1])} {last} {words[-1]}"


def agreeing(words: list[str], verb: str) -> str:
    """'PT confirms', 'PT and AT confirm': the subjects joined, the verb agreeing with them
    (``verb`` in its plural form, as after 'they')."""
    if len(words) == 1:
        verb += "es" if verb.endswith(("s", "sh", "ch", "x", "o")) else "s"
    return f"{joined(words)} {verb}"


def mentions(values: Iterable[str], word: str) -> bool:
    """Whether any of ``values`` contains ``word``, case and surrounding spaces forgiven:
    how the listing filters (``--sector``, ``--programme``, ``--call``) read a word."""
    needle = word.strip().casefold()
    return any(needle in value.casefold() for value in values)
