"""Lines of text for terminals, logs and pipes: wrapped only for a terminal, never inside
a token.

On a terminal (or with ``COLUMNS`` set) a long line wraps at spaces, with a hanging indent,
and never inside a date ("02 Feb 2021 17:00 CET"), a countdown ("2127 days ago"), an id or
a reference (no break at hyphens); only a word wider than a whole line (a deep path) is cut. Output that is not a terminal is not
wrapped at all: in a log or a pipe one finding is one line, for grep and for annotations.
"""

from __future__ import annotations

import re
import textwrap

from consortium.report.console import wrap_width

# Phrases whose spaces do not break: dates with their time and zone, countdowns.
_TOKENS = re.compile(
    r"\b\d{1,2} [A-Z][a-z]{2} \d{4}(?: \d{2}:\d{2}(?: [A-Z]{2,5}|[+-]\d{2}:?\d{2})?)?"
    r"|\b(?:in )?\d+ (?:days?|hours?|minutes?|weeks?|months?)(?: \d+ h)?(?: ago)?\b"
)
_GLUE = "\u2060"  # stands for a space inside a token while wrapping; never written out


def wrapped(text: str, indent: str = "", hanging: str | None = None) -> str:
    """``text`` as lines of the output's width: the first starting with ``indent``, the
    rest with ``hanging`` (``indent`` when not given). One line when not a terminal."""
    rest = indent if hanging is None else hanging
    width = wrap_width()
    if width is None:
        return indent + text
    glued = _TOKENS.sub(lambda m: m.group().replace(" ", _GLUE), text)
    lines = textwrap.wrap(
        glued,
        width=width,
        initial_indent=indent,
        subsequent_indent=rest,
        break_long_words=True,  # only a word wider than a whole line (a long path) is cut
        break_on_hyphens=False,
    )
    return "\n".join(lines).replace(_GLUE, " ") if lines else indent
