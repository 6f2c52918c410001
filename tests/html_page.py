"""Hold a report page to the bar: valid HTML (html5lib parsing strictly) that fetches
nothing (no script, no stylesheet link, no src or href to the network)."""

from __future__ import annotations

import re
from typing import Any
from xml.etree import ElementTree as ET

NAMESPACES = {"h": "http://www.w3.org/1999/xhtml", "svg": "http://www.w3.org/2000/svg"}
FETCHING = re.compile(r"^\s*(https?:|//|ftp:)", re.I)


def parse_strictly(text: str) -> ET.Element:
    """The page's tree; html5lib raises on the first parse error."""
    import html5lib

    parser = html5lib.HTMLParser(strict=True, namespaceHTMLElements=True)
    tree: ET.Element = parser.parse(text)
    return tree


def local(tag: Any) -> str:
    return str(tag).rpartition("}")[2]


def assert_self_contained(tree: ET.Element) -> None:
    """No script at all (the page needs none), no linked stylesheet or frame, and no
    attribute that would fetch from the network (only in-page references like url(#hatch))."""
    for element in tree.iter():
        name = local(element.tag)
        assert name not in ("script", "link", "iframe", "object", "embed", "base"), name
        for key, value in element.attrib.items():
            attribute = local(key)
            assert not attribute.startswith("on"), (name, attribute)  # no event handler
            if attribute in ("src", "href", "srcset", "action", "data", "poster", "background"):
                assert not FETCHING.match(value), (name, attribute, value)
                assert value.startswith("#"), (name, attribute, value)
    for style in tree.iter(f"{{{NAMESPACES['h']}}}style"):
        css = style.text or ""
        assert "@import" not in css and not re.search(r"url\(\s*['\"]?(?!#)", css), css


def assert_valid_page(text: str) -> ET.Element:
    """Parsed strictly and self-contained: the tree, for further checks."""
    assert text.startswith("<!DOCTYPE html>"), text[:80]
    tree = parse_strictly(text)
    assert_self_contained(tree)
    return tree


def text_of(element: ET.Element) -> str:
    return " ".join("".join(element.itertext()).split())


def by_id(tree: ET.Element, ident: str) -> ET.Element:
    found = next((e for e in tree.iter() if e.get("id") == ident), None)
    assert found is not None, ident
    return found


def tiles(tree: ET.Element) -> dict[str, str]:
    """Country code -> fill state of every square of the map."""
    return {
        e.get("data-country", ""): e.get("data-state", "")
        for e in by_id(tree, "map").iter()
        if local(e.tag) == "g" and e.get("data-country")
    }
