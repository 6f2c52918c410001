"""Read one input file as text, whatever a mail client or Windows made of it, or say why not.

At most ``MAX_TEXT_BYTES`` are read (a profile is a few KiB; its description is capped at
4 000 characters by the EEN guidelines), so a 20 MB file is refused at once, as
``consortium/yamlfile.py`` does for YAML. A byte-order mark is dropped and Windows line
endings become ``\\n``.

**Windows-1252.** Texts saved by Windows tools are often cp1252, not UTF-8. Such a file is
decoded as cp1252 (every byte but five maps to a character) and a note says so, in the
report and in the written file, so the user checks accented names: never silently. Bytes
that are neither UTF-8 nor cp1252 are refused in one line.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from consortium.files.rawfile import read_bounded

MAX_TEXT_BYTES = 1024 * 1024
MAX_JSON_BYTES = 32 * 1024 * 1024  # a saved page of 200 full profiles is a few MB
# a saved EEN page, scripts and 245 targeted countries included, is a few hundred KiB
MAX_HTML_BYTES = 8 * 1024 * 1024
HTML = (".html", ".htm", ".xhtml")


@dataclass(frozen=True, slots=True)
class Text:
    text: str
    note: str | None = None  # how it was decoded, when not as UTF-8


def read_input(path: Path, limit: int) -> Text | str:
    """The file's text, or the reason it cannot be read (a one-line message)."""
    raw = read_bounded(path, limit, "a profile text")
    if isinstance(raw, str):
        return raw
    if len(raw) > limit:
        return f"is larger than {limit // 1024} KiB: not a profile"
    if b"\x00" in raw:
        return "is a binary file, not a profile text"
    if not raw.strip():
        return "is empty: no profile in it"
    try:
        text, note = raw.decode("utf-8-sig"), None
    except UnicodeDecodeError as exc:
        try:
            text = raw.decode("cp1252")
        except UnicodeDecodeError:
            return f"is neither UTF-8 nor Windows-1252 text (byte {raw[exc.start]:#04x}): save it as UTF-8"
        note = "not UTF-8: read as Windows-1252 (cp1252); check accented letters"
    text = text.lstrip("\ufeff").replace("\r\n", "\n").replace("\r", "\n")
    return Text(text, note)


def input_files(paths: list[Path]) -> tuple[list[Path], list[tuple[Path, str]]]:
    """Files as given; folders give their .txt, .json and .html files (sorted, hidden ones
    skipped)."""
    found: list[Path] = []
    problems: list[tuple[Path, str]] = []
    for path in paths:
        try:
            if not path.is_dir():
                found.append(path)
                continue
            inside = sorted(
                p
                for p in path.iterdir()
                if p.suffix.lower() in (".txt", ".text", ".json", *HTML)
                and not p.name.startswith(".")
            )
        except OSError as exc:  # a name too long for the system, a folder not readable
            problems.append((path, f"cannot be read: {exc.strerror or exc}"))
            continue
        if not inside:
            problems.append((path, "holds no .txt, .json or .html profile files"))
        found += inside
    return found, problems
