"""HTML from the portal (news, conditions) made plain text for a YAML file and a terminal."""

from __future__ import annotations

from html.parser import HTMLParser
from typing import Any

MAX_TEXT = 1000  # characters of one news item: the portal's page holds the rest


class _Text(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []

    def handle_data(self, data: str) -> None:
        self.parts.append(data)

    def handle_starttag(self, tag: str, attrs: Any) -> None:
        if tag in ("br", "p", "li", "div"):
            self.parts.append(" ")


def plain(html: Any) -> str:
    """The words of ``html`` on one line, without tags, entities or control characters."""
    if not isinstance(html, str):
        return ""
    reader = _Text()
    reader.feed(html)
    reader.close()
    text = " ".join("".join(reader.parts).split())
    text = "".join(c for c in text if c.isprintable())
    return text if len(text) <= MAX_TEXT else text[: MAX_TEXT - 1].rstrip() + "…"
