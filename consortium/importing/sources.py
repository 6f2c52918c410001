"""The kinds of input ``import`` reads from a file, each a module, asked in order.

Each source is a module typed by ``ImportSource`` (mypy checks every one listed): how it
recognises its input (by the file's suffix or its first characters), how much of a file it
reads at most, and how it reads the fields of each profile the input holds. The first that
recognises a file reads it; plain text comes last and takes the rest. A profile's web
address is no file: ``run.import_link`` fetches it (``weblink``) and reads it as a saved page.
To add a source: its module, and its line in ``SOURCES``.
"""

from __future__ import annotations

from typing import Protocol

from consortium.importing import forward, profile_text, pws, saved_page
from consortium.importing.profile_fields import Fields


class ImportSource(Protocol):
    """One kind of input: a module with these names."""

    CHANNEL: str  # where the written request says it came from
    SUFFIXES: tuple[str, ...]  # file suffixes it claims, read up to LIMIT bytes
    LIMIT: int

    def recognises(self, suffix: str, text: str) -> bool:
        """Whether a file with this (lower-case) suffix and text is this kind of input."""
        ...

    def profiles(self, text: str, note: str | None) -> list[Fields | str] | str:
        """The fields of each profile (or why that one cannot be imported), or why the
        input holds none; ``note`` says how the file was decoded, when it matters."""
        ...


SOURCES: dict[str, ImportSource] = {
    "page": saved_page,
    "service": pws,
    "forward": forward,
    "text": profile_text,
}


def limit_for(suffix: str) -> int:
    """The most bytes read of a file with this suffix: its source's, else a text's."""
    claimed = (s.LIMIT for s in SOURCES.values() if suffix in s.SUFFIXES)
    return next(claimed, SOURCES["text"].LIMIT)


def recognised(suffix: str, text: str) -> ImportSource:
    """The first source recognising the file (plain text recognises any)."""
    return next(s for s in SOURCES.values() if s.recognises(suffix, text))
