"""A saved EEN page (HTML) read from its structure: the title, then each label and value.

The page is parsed by selectolax's Lexbor engine (an HTML5 parser written in C, as
browsers parse: README, "Dependencies"). What is read: the title from the page's ``h1``
(``.ecl-page-header__title``), the profile from ``main#main-content > article``: each
description list's ``dt`` (the label, looked up in ``consortium.importing.page_layout``) and
the ``dd`` after it (list items one a line, ``<br>`` a line break, paragraphs apart,
``<time datetime>`` as its date), and loose paragraphs and notices of the article. Scripts,
styles, navigation, headers and footers are removed before anything is read, so none of
them reaches a field.

Bounded like every read: the file's size is capped by the reader; nesting is measured by
one linear scan of the tags before parsing, and a page nested deeper than any real one
is refused; at most ``MAX_LABELS`` labels are read.
"""

from __future__ import annotations

import re
from collections import Counter
from typing import Any

from consortium.importing.page_layout import LABELS, LINE, Labelled, fields_of, label_field
from consortium.importing.profile_fields import Fields
from consortium.importing.reading import HTML, MAX_HTML_BYTES

MAX_DEPTH = 512  # levels of elements; browsers stop nesting there too
MAX_LABELS = 2000
_REMOVED = "script, style, noscript, template, nav, header, footer, svg, iframe, form, button"
_TAG = re.compile(r"<(/?)([a-zA-Z][a-zA-Z0-9-]*)")
# elements that have no end tag, or whose end tag may be left out (HTML5 8.1.2.4)
_UNCLOSED = frozenset(
    [
        "area",
        "base",
        "br",
        "col",
        "embed",
        "hr",
        "img",
        "input",
        "link",
        "meta",
        "source",
        "track",
        "wbr",
        "p",
        "li",
        "dt",
        "dd",
        "option",
        "optgroup",
        "tr",
        "td",
        "th",
        "thead",
        "tbody",
        "tfoot",
        "colgroup",
        "caption",
        "rb",
        "rt",
        "rp",
    ]
)
# An opening tag's name: nesting grows by at most one per opening tag, so a page with at most
# MAX_DEPTH of them (of elements that close) is never too deep, counted without a Python loop.
_OPENING = re.compile(r"<([a-zA-Z][a-zA-Z0-9-]*)")
_ARTICLE = ("main#main-content > article", "main article", "article", "main")
_LOOSE = "p, .ecl-notification__description, .ecl-message__description, .ecl-notification__title"


def looks_like_html(text: str) -> bool:
    start = text.lstrip()[:200].lower()
    return start.startswith(("<!doctype html", "<html")) or "<html" in start


def too_deep(html: str) -> bool:
    """Whether elements nest deeper than ``MAX_DEPTH`` (one pass over the tags; none in
    Python when there are too few opening tags to nest that deep, as on every real page)."""
    names = _OPENING.findall(html)
    if len(names) <= MAX_DEPTH or _closing_elements(names) <= MAX_DEPTH:
        return False
    depth = 0
    for match in _TAG.finditer(html):
        closing, name = match.groups()
        if name.lower() in _UNCLOSED:
            continue
        depth += -1 if closing else 1
        if depth > MAX_DEPTH:
            return True
        depth = max(depth, 0)
    return False


def _closing_elements(names: list[str]) -> int:
    """How many of the opening tags named open an element that closes (not ``_UNCLOSED``)."""
    counted = Counter(names)
    return sum(n for name, n in counted.items() if name.lower() not in _UNCLOSED)


def saved_page(html: str) -> Labelled | str:
    """The page's title, labels and values, or why it cannot be read (one line)."""
    if too_deep(html):
        return f"nests elements deeper than {MAX_DEPTH} levels: not an EEN page"
    from selectolax.lexbor import LexborHTMLParser

    tree = LexborHTMLParser(html)
    for node in tree.css(_REMOVED):
        node.decompose()
    page = Labelled()
    title = tree.css_first("h1.ecl-page-header__title") or tree.css_first("h1")
    if title is not None and (text := _line(title.text())):
        page.head.append(text)
    article = next((found for s in _ARTICLE if (found := tree.css_first(s)) is not None), None)
    if article is None:
        return "holds no article or main part: not an EEN profile page"
    label: str | None = None
    for node in article.css("dt, dd")[: 2 * MAX_LABELS]:
        if node.tag == "dt":
            label = label_field(_line(node.text()))
        elif label is not None:
            page.pairs.append((label, _value(node, LABELS[label][0])))
            label = None
    for node in article.css(_LOOSE):
        if not _inside_list(node) and (text := _line(node.text())):
            page.body.append(text)
    return page


def _line(text: str) -> str:
    return " ".join(text.split())


def _inside_list(node: Any) -> bool:
    parent, steps = node.parent, 0
    while parent is not None and steps < MAX_DEPTH:
        if parent.tag in ("dl", "article"):
            return bool(parent.tag == "dl")
        parent, steps = parent.parent, steps + 1
    return False


def _value(dd: Any, kind: str) -> list[str]:
    """A ``dd`` as the lines a browser's copy gives: items, lines, paragraphs apart."""
    items = dd.css("li")
    if items:
        return [t for li in items if (t := _line(li.text()))]
    links = dd.css("a")
    href = links[0].attributes.get("href") or "" if len(links) == 1 else ""
    if kind == LINE and href.startswith(("http://", "https://")):
        return [href]
    times = dd.css("time")
    if kind == LINE and len(times) == 1 and (stamp := times[0].attributes.get("datetime")):
        return [stamp[:10]]
    for br in dd.css("br"):
        br.replace_with("\n")
    paragraphs = dd.css("p") or [dd]
    lines: list[str] = []
    for paragraph in paragraphs:
        if lines:
            lines.append("")
        lines += [_line(line) for line in paragraph.text().split("\n") if line.strip()]
    return lines


# As an import source (``consortium.importing.sources``): a saved EEN page, one profile.
CHANNEL = "Enterprise Europe Network"
SUFFIXES: tuple[str, ...] = HTML
LIMIT = MAX_HTML_BYTES


def recognises(suffix: str, text: str) -> bool:
    """An ``.html`` file, or any file that starts as an HTML document."""
    return suffix in HTML or looks_like_html(text)


def profiles(text: str, note: str | None) -> list[Fields | str] | str:
    """The page's one profile, or why the page cannot be read."""
    page = saved_page(text)
    if isinstance(page, str):
        return page
    fields = fields_of(page)
    if note:
        fields.notes.append(note)
    return [fields]
