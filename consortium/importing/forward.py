"""A profile forwarded by e-mail, as its text: ``> `` quoting and the mail headers gone.

People forward the EEN alert or the page's text to a colleague, who saves the mail. The
quoted lines (``> ``, any depth) are unquoted and the header blocks a forward adds
("From:", "Sent:", "Subject:", ... after "Forwarded message" or "Original Message") are
dropped, so the profile's own lines are read as if pasted. A text with no quoting and no
forward marker is returned as it is.
"""

from __future__ import annotations

import re

from consortium.importing import profile_text
from consortium.importing.profile_fields import Fields
from consortium.importing.reading import MAX_TEXT_BYTES

_QUOTE = re.compile(r"^(?:[ \t]*>)+[ \t]?")
_MARKER = re.compile(
    r"^-{2,}\s*(?:forwarded message|original message|message transféré|messaggio inoltrato)"
    r"\s*-{2,}$|^begin forwarded message:?$",
    re.IGNORECASE,
)
_HEADER = re.compile(
    r"^(?:from|sent|to|cc|bcc|date|subject|reply-to|de|da|à|a|objet|oggetto|inviato|data)"
    r"\s*:\s",
    re.IGNORECASE,
)


def unforwarded(text: str) -> str:
    """``text`` without quoting and forward headers (unchanged when it has neither)."""
    lines = text.split("\n")
    quoted = sum(1 for line in lines if _QUOTE.match(line))
    filled = sum(1 for line in lines if line.strip())
    if quoted * 2 > filled:
        lines = [_QUOTE.sub("", line, count=1) for line in lines]
    if not any(_MARKER.match(line.strip()) for line in lines) and not _opens_with_headers(lines):
        return "\n".join(lines)
    kept: list[str] = []
    in_headers = _opens_with_headers(lines)
    for line in lines:
        stripped = line.strip()
        if _MARKER.match(stripped):
            in_headers = True
            continue
        if in_headers:  # a header block runs to the first blank line
            in_headers = bool(stripped)
            continue
        kept.append(line)
    return "\n".join(kept)


def _opens_with_headers(lines: list[str]) -> bool:
    first = [line.strip() for line in lines[:8] if line.strip()][:2]
    return len(first) == 2 and all(_HEADER.match(line) for line in first)


# As an import source (``consortium.importing.sources``): a profile text forwarded by
# e-mail, read as a profile text once its quoting and headers are dropped.
CHANNEL = profile_text.CHANNEL
SUFFIXES: tuple[str, ...] = ()
LIMIT = MAX_TEXT_BYTES


def recognises(suffix: str, text: str) -> bool:
    """A text with forward headers or quoting to drop."""
    return unforwarded(text) != text


def profiles(text: str, note: str | None) -> list[Fields | str] | str:
    return profile_text.profiles(unforwarded(text), note)
