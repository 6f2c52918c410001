"""What a profile says, before it becomes a request: field → text, plus the free text.

Both sources fill it: the text parser (``text``) from labels and paragraphs, the Partner Web
Service reader (``pws``) from JSON keys. ``extract`` then reads values out of it the same
way for both, so a profile imports alike whichever way it arrived.
"""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass
class Fields:
    """Labelled values (first one wins), the title candidates and the unlabelled paragraphs."""

    values: dict[str, str] = field(default_factory=dict)
    head: list[str] = field(default_factory=list)
    body: list[str] = field(default_factory=list)
    keywords: list[str] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)
    # "text" (labelled lines and paragraphs, the older layouts) or "page" (the current
    # pages' label/value layout, saved, copied or fetched: consortium.importing.page_layout)
    layout: str = "text"

    def get(self, name: str) -> str | None:
        value = self.values.get(name)
        return value if value else None

    def put(self, name: str, value: str) -> bool:
        """Keep the first value a field is given; True if this one was kept (or may be)."""
        if self.values.get(name):
            return False
        self.values[name] = value.strip()
        return True

    @property
    def prose(self) -> str:
        """The summary, the description and the free paragraphs: where sentences are."""
        parts = [self.get("summary"), self.get("description"), *self.body]
        return "\n\n".join(p for p in parts if p)

    @property
    def everything(self) -> str:
        return "\n\n".join([*self.head, *self.values.values(), *self.body])
