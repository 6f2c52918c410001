"""The current EEN page layout: every label it shows, and what its value is made of.

The pages of een.ec.europa.eu/partnering-opportunities (2026) hold the profile in sections
headed *Summary*, *General information*, *Partner Sought*, *Call details* and
*Dissemination*, each a description list: a label (``dt``), then its value (``dd``).
Copied from a browser, the same page gives each label alone on its line and the value on
the next line(s). Both forms are read into the same ``Labelled`` (label → value lines)
with the one table below, so a saved page, its copied text and its link import alike.

Every label the pages show is listed, even those the request has no field for ("Type of
partnership", "Anticipated project budget"): a label not known would let the value before
it run on into it. Regional mirrors re-publish profiles with "ID", "EXPIRATION DATE" and
"Abstract"; they are here too.

Kinds of value: ``line`` (one line: a date, Yes/No, a reference), ``list`` (one item a
line: countries, kinds of partner, keywords) and ``text`` (paragraphs).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import cache

from consortium.importing.profile_fields import Fields

LINE, LIST, TEXT = "line", "list", "text"

# field → (kind of value, label variants as written on the pages, matched ignoring case)
LABELS: dict[str, tuple[str, tuple[str, ...]]] = {
    "profile_type": (LINE, ("profile type", "type of profile")),
    "reference": (LINE, ("pod reference", "reference number", "profile reference", "id")),
    "validity": (LINE, ("term of validity",)),
    "valid_until": (LINE, ("expiration date", "profile valid until", "valid until")),
    "published": (LINE, ("publication date", "profile published")),
    "country": (LINE, ("company's country", "company\u2019s country", "country of origin")),
    "partnership": (LIST, ("type of partnership", "type of partnership considered")),
    "targeted": (LIST, ("targeted countries",)),
    "summary": (TEXT, ("short summary", "abstract")),
    "description": (TEXT, ("full description", "description", "detailed description")),
    "advantages": (TEXT, ("advantages and innovations",)),
    "expertise": (TEXT, ("technical specification or expertise sought",)),
    "stage": (LINE, ("stage of development",)),
    "sdg": (LIST, ("sustainable development goals",)),
    "ipr": (TEXT, ("ipr status", "ipr notes")),
    "partner_role": (TEXT, ("expected role of the partner", "expected role of a partner")),
    "partner_type": (
        LIST,
        (
            "type and size of the organisation",
            "type and size of the organization",
            "type and size of the partner",
            "type and size of partner",
        ),
    ),
    "programme": (LINE, ("framework program", "framework programme")),
    "call": (TEXT, ("call title and identifier",)),
    "scheme": (TEXT, ("submission and evaluation scheme",)),
    "budget": (LINE, ("anticipated project budget",)),
    "coordinator_required": (LINE, ("coordinator required",)),
    "eoi_deadline": (LINE, ("deadline for eoi", "deadline for eois")),
    "call_deadline": (LINE, ("deadline of the call", "deadline for the call")),
    "duration": (LINE, ("project duration in weeks",)),
    "call_link": (LINE, ("web link to the call",)),
    "keywords": (LIST, ("keywords", "technology keywords", "market keywords")),
    "sector_groups": (LIST, ("sector groups involved",)),
}

# Section headings: they end the value before them and are no field themselves.
SECTIONS = (
    "summary",
    "general information",
    "partner sought",
    "call details",
    "dissemination",
    "company details",
    "attachments",
)

# a label and keyword list's leading classification code ("04005 - Energy storage")
_CODE = re.compile(r"^\d[\d.]*\s*[-\u2013:]\s*")


@dataclass
class Labelled:
    """A page as label → value lines, with the lines above the first label (the title is
    the last of them) and loose lines elsewhere (a "closed for EoI" notice)."""

    head: list[str] = field(default_factory=list)
    pairs: list[tuple[str, list[str]]] = field(default_factory=list)
    body: list[str] = field(default_factory=list)


def _key(text: str) -> str:
    return " ".join(text.replace("\u00a0", " ").split()).rstrip(":\uff1a ").casefold()


@cache
def _label_table() -> dict[str, str]:
    return {variant: name for name, (_, variants) in LABELS.items() for variant in variants}


def label_field(line: str) -> str | None:
    """The field a line names when it is a label alone (an optional colon after it)."""
    return _label_table().get(_key(line)) if len(line) < 80 else None


def is_section(line: str) -> bool:
    return len(line) < 40 and _key(line) in SECTIONS


def copied_text(text: str) -> Labelled | None:
    """A page's copied text as ``Labelled``, or None when it is not in this layout: at
    least three labels alone on their lines, one of them the reference's."""
    lines = [" ".join(line.split()) for line in text.split("\n")]
    named = [label_field(line) for line in lines]
    if sum(1 for n in named if n) < 3 or "reference" not in named:
        return None
    page = Labelled()
    current: list[str] | None = None
    for line, name in zip(lines, named, strict=True):
        if name:
            current = []
            page.pairs.append((name, current))
        elif is_section(line):
            current = None
        elif current is not None:
            current.append(line)
        elif not page.pairs:
            if line:
                page.head.append(line)
        elif line:
            page.body.append(line)
    return page


def fields_of(page: Labelled) -> Fields:
    """The ``Fields`` of a page: each value read as its label's kind says. Lines after a
    one-line value, or after a list's blank line, are loose lines (footers, notices)."""
    fields = Fields(head=list(page.head), layout="page")
    loose = list(page.body)
    for name, lines in page.pairs:
        kind = LABELS[name][0]
        value, rest = _value(kind, lines)
        loose += rest
        if name == "keywords":
            items = [_CODE.sub("", v) for v in value.split("\n") if v]
            fields.keywords += [k for k in items if k and k not in fields.keywords]
        elif value:
            fields.put(name, value)
    fields.body = [line for line in loose if line]
    return fields


def _value(kind: str, lines: list[str]) -> tuple[str, list[str]]:
    """The value of one label (as text; a list's items one a line) and the lines left."""
    filled = [i for i, line in enumerate(lines) if line]
    if not filled:
        return "", []
    first = filled[0]
    if kind == LINE:
        return lines[first], lines[first + 1 :]
    if kind == LIST:
        end = next((i for i in range(first, len(lines)) if not lines[i]), len(lines))
        return "\n".join(lines[first:end]), lines[end:]
    paragraphs = "\n".join(lines[first:]).strip()
    return re.sub(r"\n{3,}", "\n\n", paragraphs), []
