"""The fast paths of ``import`` find what the slow ones found: the folded text holds every word
a case-insensitive match holds (every code point checked), the status is read as the
pattern alone reads it, and the nesting count agrees with the tag-by-tag walk."""

from __future__ import annotations

import re
import string
import sys

from consortium.importing.folding import folded
from consortium.importing.profile import _CLOSED, _OPEN, status_of
from consortium.importing.profile_fields import Fields
from consortium.importing.saved_page import _TAG, _UNCLOSED, MAX_DEPTH, too_deep
from tests.import_variants import STATUS_LINES

EVERY_CHARACTER = "".join(map(chr, range(sys.maxunicode + 1)))


def test_every_character_ignorecase_takes_for_an_ascii_one_folds_to_it() -> None:
    for letter in string.ascii_lowercase + " ":
        taken = re.findall(re.escape(letter), EVERY_CHARACTER, re.IGNORECASE)
        assert len(taken) >= 1
        assert {c: folded(c) for c in taken} == dict.fromkeys(taken, letter)
    assert folded("CLO\u017fED \u0130N \u212a") == "closed in k"


def _status_by_pattern_alone(fields: Fields) -> str | None:
    for text in (fields.get("status") or "", fields.everything):
        if _CLOSED.search(text):
            return "closed"
        if _OPEN.search(text):
            return "open"
    return None


def test_the_status_is_read_as_the_patterns_alone_read_it() -> None:
    odd = ["", "cl0sed", "closedfor requests", "\u0130", "reopen", "no  longer open", "OPEN."]
    for line in [*STATUS_LINES, *odd]:
        for fields in (Fields(body=[line]), Fields(values={"status": line}, body=["Open"])):
            assert status_of(fields) == _status_by_pattern_alone(fields), line
    assert status_of(Fields(body=["Clo\u017fed for requests"])) == "closed"


def _deeper_by_walking(html: str) -> bool:
    depth = 0
    for match in _TAG.finditer(html):
        closing, name = match.groups()
        if name.lower() not in _UNCLOSED:
            depth = max(depth + (-1 if closing else 1), 0)
            if depth > MAX_DEPTH:
                return True
    return False


def test_nesting_is_judged_as_the_tag_by_tag_walk_judges_it() -> None:
    pages = [
        "<DIV>" * MAX_DEPTH + "x",
        "<div>" * (MAX_DEPTH + 1),
        "<li>" * 2000 + "<div>" * 10,
        "<Li><P><br>" * 400 + "<div>" * (MAX_DEPTH - 5) + "<span>" * 6,
        "<div></div>" * 600,
        "</div>" * 600 + "<div>" * (MAX_DEPTH + 1),
    ]
    for html in pages:
        assert too_deep(html) == _deeper_by_walking(html), html[:40]
    assert [too_deep(p) for p in pages] == [False, True, False, True, False, True]
