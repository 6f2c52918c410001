"""Import sources are a registry of modules, asked in order: the first that recognises a
file reads it, and plain text takes the rest."""

from __future__ import annotations

import pytest

from consortium.importing.reading import MAX_HTML_BYTES, MAX_JSON_BYTES, MAX_TEXT_BYTES
from consortium.importing.sources import SOURCES, limit_for, recognised

FORWARDED = "---------- Forwarded message ---------\nFrom: a@example.org\nSubject: x\n\nTitle\n"


@pytest.mark.parametrize(
    ("suffix", "text", "name"),
    [
        (".html", "no markup at all", "page"),
        (".txt", "  <!DOCTYPE html><html><body></body></html>", "page"),
        (".json", "not json", "service"),
        (".txt", ' {"data": {"items": []}}', "service"),
        (".txt", "> Reference: RDFR20201119001\n> Title\n", "forward"),
        (".txt", FORWARDED, "forward"),
        (".txt", "Reference: RDFR20201119001\nTitle\n", "text"),
        ("", "", "text"),
    ],
)
def test_the_first_source_recognising_a_file_reads_it(suffix: str, text: str, name: str) -> None:
    assert recognised(suffix, text) is SOURCES[name]


def test_a_file_is_read_up_to_its_sources_limit() -> None:
    assert limit_for(".htm") == MAX_HTML_BYTES
    assert limit_for(".json") == MAX_JSON_BYTES
    assert limit_for(".txt") == limit_for(".eml") == MAX_TEXT_BYTES


def test_plain_text_is_asked_last() -> None:
    assert list(SOURCES)[-1] == "text"
