"""A varied folder of EEN pages and texts, made from our own fixtures, for the test that holds
every file ``import`` writes byte-identical to the golden set (tests/data/import_golden.json,
written by the import before its speed-ups).

Each fixture is imported as it is and with the wordings the fast paths must not change: the
status said in every case and in letters ``re.IGNORECASE`` folds (long s, dotless i, dotted
capital I, the Kelvin sign), nesting just under and over the limit, upper-case tags, all the
countries targeted. Each variant gets its own reference, so one run imports them all.
"""

from __future__ import annotations

import re
from pathlib import Path

EEN = Path(__file__).resolve().parent / "data" / "een"
GOLDEN = Path(__file__).resolve().parent / "data" / "import_golden.json"
TODAY = "2026-06-01"

# sentences put into a text or page (as a paragraph), one variant each
STATUS_LINES = (
    "This profile is CLOSED for requests.",
    "Closed.",
    "The request is no longer open.",
    "It no longer accepts expressions of interest.",
    "Open for EOIs until the deadline.",
    "OPEN",
    "open for expressions of interest",
    "Clo\u017fed for requests (a long s).",
    "No longer open, says the \u0130stanbul office.",
    "Open for requests \u0131n Turkey.",
    "\u212aeep in mind: closed for EOIs.",
    "closed for requests\u2028open for requests",
)
NESTING = (500, 511, 513)  # levels of <div> around the article: under, at, over the limit


def _reference_in(name: str) -> str:
    return re.sub(r"[-.].*$", "", name)


def _numbered(text: str, reference: str, number: int) -> str:
    return text.replace(reference, f"{reference[:-3]}{number:03d}")


def _page_variants(html: str) -> list[str]:
    paragraph = html.index("</article>")
    with_lines = [html[:paragraph] + f"<p>{line}</p>" + html[paragraph:] for line in STATUS_LINES]
    nested = []
    start = html.index("<article")
    end = html.index("</article>") + len("</article>")
    for depth in NESTING:
        nested.append(
            html[:start] + "<div>" * depth + html[start:end] + "</div>" * depth + html[end:]
        )
    upper = re.sub(r"<(/?)(dt|dd|li|h1|p)\b", lambda m: f"<{m[1]}{m[2].upper()}", html)
    variants = [html, *with_lines, *nested, upper]
    if "Targeted Countries" in html:
        from consortium.facts.countries import country_names

        start = html.index("<li", html.index("Targeted Countries"))
        items = "".join(f"<li>{n}</li>" for n in sorted(country_names().values()))
        variants.append(html[:start] + items + html[html.index("</ul>", start) :])
    return variants


def _text_variants(text: str) -> list[str]:
    return [text, *(f"{text}\n\n{line}\n" for line in STATUS_LINES), text.upper()]


def write_variants(folder: Path) -> list[Path]:
    """Every variant of every fixture with a reference, as files in ``folder``."""
    folder.mkdir(parents=True, exist_ok=True)
    written = []
    sources = sorted(EEN.glob("*.txt")) + sorted((EEN / "pages").glob("*.*"))
    for source in sources:
        reference = _reference_in(source.name)
        if not re.fullmatch(r"[A-Z]{4,5}\d{11}", reference):
            continue
        encoding = "cp1252" if "cp1252" in source.name else "utf-8"
        text = source.read_text(encoding=encoding)
        make = _page_variants if source.suffix == ".html" else _text_variants
        first = 50 if source.parent.name == "pages" and source.suffix != ".html" else 0
        for number, variant in enumerate(make(text), first):
            target = folder / f"{source.stem}-{number:02d}{source.suffix}"
            text = _numbered(variant, reference, number)
            target.write_text(text, encoding=encoding, errors="replace")
            written.append(target)
    return written
