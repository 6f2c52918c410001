"""Import profiles end to end: read, recognise, extract, render, check, write.

Each input gives one ``ImportResult`` per profile it holds; one that cannot be imported is an
ImportResult with a problem, and the rest go on. Every file is validated as a request before it
is written, and written only through ``consortium.files.writes.write_text`` (atomic, never through
a link, never over a file without ``force``; without it, the change is shown as a diff).
"""

from __future__ import annotations

import difflib
import os
import stat
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING

from consortium.display.text import path_text
from consortium.files.problems import Problem
from consortium.importing.extract import build_request, reference_of
from consortium.importing.profile_fields import Fields
from consortium.importing.reading import MAX_TEXT_BYTES, read_input
from consortium.importing.request_yaml import request_text
from consortium.importing.sources import SOURCES, ImportSource, limit_for, recognised

if TYPE_CHECKING:
    from consortium.files.writes import WriteBatch

SERVICE_CHANNEL = SOURCES["service"].CHANNEL  # `import --service` fetches what it reads


@dataclass
class ImportResult:
    """What became of one profile: its file's text and target, gaps, notes and problems."""

    origin: Path
    reference: str | None = None
    call: str | None = None  # the id of the call the profile names, when it names one
    target: Path | None = None
    text: str | None = None
    missing: list[str] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)
    diff: str | None = None
    written: bool = False
    unchanged: bool = False
    unsure: dict[str, str] = field(default_factory=dict)  # key → why, as in the file
    coverage: dict[str, str] = field(default_factory=dict)  # field → found, unsure, missing


@dataclass(frozen=True)
class Options:
    out: Path
    force: bool = False
    dry_run: bool = False
    today: date | None = None  # the day judged: a profile expired before it is closed
    reference: str | None = None  # the reference to give a text that has none


# The fields the batch report counts, as request keys (``a.b`` inside ``a``).
REPORTED = ("title", "published", "expires", "status", "call.id", "call.programme",
            "call.title", "deadlines.eoi", "deadlines.call", "stage", "consortium",
            "seeking.type", "seeking.role", "keywords", "summary", "description")  # fmt: skip


def import_file(path: Path, options: Options) -> list[ImportResult]:
    """Every profile in one file, read by the first source that recognises it (a text or a
    saved page holds one; saved service JSON holds many)."""
    suffix = path.suffix.lower()
    read = read_input(path, limit_for(suffix))
    if isinstance(read, str):
        return [ImportResult(path, problems=[Problem(path, read)])]
    return _imported(recognised(suffix, read.text), read.text, read.note, path, options)


def import_link(url: str, options: Options, timeout: float) -> ImportResult:
    """A profile's page, fetched (bounded: ``weblink``) and read as a saved page."""
    import time

    from consortium.importing.weblink import fetch_page, shown

    name = shown(url)
    where = Path(name.split("://", 1)[-1])
    fetched = fetch_page(url, timeout, time.monotonic)
    if isinstance(fetched, str):
        return ImportResult(where, problems=[Problem(where, fetched.removeprefix(f"{name}: "))])
    return _imported(SOURCES["page"], fetched.text, None, where, options, name)[0]


def _imported(
    source: ImportSource,
    text: str,
    note: str | None,
    origin: Path,
    options: Options,
    label: str | None = None,
) -> list[ImportResult]:
    found = source.profiles(text, note)
    if isinstance(found, str):
        return [ImportResult(origin, problems=[Problem(origin, found)])]
    return [
        ImportResult(origin, problems=[Problem(origin, fields)])
        if isinstance(fields, str)
        else import_fields(fields, source.CHANNEL, origin, options, label)
        for fields in found
    ]


def import_fields(
    fields: Fields, channel: str, origin: Path, options: Options, label: str | None = None
) -> ImportResult:
    """One profile's fields → a checked request file (not yet written); ``label`` names the
    source in the file when the origin is no file (the service's address)."""
    outcome = ImportResult(origin, notes=list(fields.notes))
    if options.reference:
        fields.values["reference"] = options.reference
    ref = reference_of(fields)
    if isinstance(ref, str):
        outcome.problems.append(Problem(origin, ref))
        return outcome
    outcome.reference = ref.text
    name = label or origin.name or str(origin)
    built = build_request(fields, ref, channel, name, options.today)
    if isinstance(built, str):
        outcome.problems.append(Problem(origin, f"{ref.text}: {built}"))
        return outcome
    built.notes[:0] = fields.notes
    outcome.call = _call_id(built.data.get("call"))
    outcome.notes, outcome.missing = built.notes, list(built.missing)
    outcome.unsure = dict(built.unsure)
    outcome.coverage = coverage(built.data, built.unsure)
    outcome.target = options.out / f"{ref.text}.yaml"  # a parsed reference: letters and digits
    outcome.text = request_text(built, f"{channel} ({path_text(name)})")
    outcome.problems += _invalid(outcome.target, outcome.text)
    return outcome


def coverage(data: dict[str, object], unsure: dict[str, str]) -> dict[str, str]:
    """Per reported field: found, unsure (written with a comment) or missing."""
    result = {}
    for key in REPORTED:
        value: object = data
        for part in key.split("."):
            value = value.get(part) if isinstance(value, dict) else None
        if key == "call.id" and isinstance(data.get("call"), str):
            value = data["call"]
        if key == "seeking.type" and not value:  # several kinds are found too
            seeking = data.get("seeking")
            value = seeking.get("types") if isinstance(seeking, dict) else None
        doubted = any(k.startswith(key) for k in unsure)  # seeking.type: .types too
        result[key] = "missing" if value in (None, "", []) else "unsure" if doubted else "found"
    return result


def _call_id(call: object) -> str | None:
    """The call's id, whether the profile names a preset's id or the call in full."""
    if isinstance(call, dict):
        call = call.get("id")
    return call if isinstance(call, str) else None


def _invalid(target: Path, text: str) -> list[Problem]:
    """What ``consortium validate`` would say of the file: nothing, or a bug of ours."""
    from consortium.files.loading import validate
    from consortium.files.yamlfile import MAX_BYTES as MAX_FILE_BYTES
    from consortium.files.yamlfile import parse
    from consortium.models import Request

    raw = text.encode("utf-8")
    if len(raw) > MAX_FILE_BYTES:
        return [
            Problem(
                target,
                f"would be larger than {MAX_FILE_BYTES // 1024} KiB, which the other commands "
                "refuse: not written (the profile is too long to be a request)",
            )
        ]
    doc = parse(target, raw)
    if isinstance(doc, Problem):
        return [doc]
    result = validate(doc, Request)
    return result if isinstance(result, list) else []


def output_refused(out: Path) -> Problem | None:
    """Why the files may not be written into ``out``: it is, or lies under, a symbolic
    link leading out of the repository (or folder) holding it. In a pull request's CI a
    committed link ``requests -> ~/.ssh`` would otherwise have ``import`` write there."""
    from consortium.files.roots import Root

    return Root.around(Path(os.path.abspath(out)).parent).refuses_folder(out)


def settle(
    outcomes: list[ImportResult],
    options: Options,
    seen: set[str],
    files: WriteBatch | None = None,
) -> list[ImportResult]:
    """Write each outcome (unless a dry run), once per reference in one import; into
    ``files`` when given, where it is ``written`` once the batch is committed."""
    for outcome in outcomes:
        if outcome.reference and not outcome.problems:
            if outcome.reference in seen:
                outcome.problems.append(
                    Problem(
                        outcome.origin,
                        f"{outcome.reference} was already imported in this run: skipped",
                    )
                )
                continue
            seen.add(outcome.reference)
        if not options.dry_run:
            write(outcome, options, files)
    return outcomes


def write(outcome: ImportResult, options: Options, files: WriteBatch | None = None) -> None:
    """Write a checked outcome (never one with problems), or say what would change."""
    if outcome.problems or outcome.text is None or outcome.target is None:
        return
    target, text = outcome.target, outcome.text
    old = _existing(target)
    if old == text:
        outcome.unchanged = True
        return
    if old is not None and not options.force:
        outcome.diff = "".join(
            difflib.unified_diff(
                old.splitlines(keepends=True),
                text.splitlines(keepends=True),
                f"{path_text(target)} (now)",
                f"{path_text(target)} (imported)",
            )
        )
    problem: Problem | None
    if outcome.diff:
        problem = Problem(target, "exists and differs: give --force to replace it (changes above)")
    elif files is not None:
        problem = files.add(target, text, options.force)
    else:
        problem = _write_text(target, text, options.force)
    if problem:
        outcome.problems.append(problem)
    else:
        outcome.written = True


def _write_text(target: Path, text: str, force: bool) -> Problem | None:
    from consortium.files.writes import write_text

    return write_text(target, text, force)


def _existing(target: Path) -> str | None:
    """A regular file's text (links and oddities are left for ``write_text`` to refuse)."""
    try:
        if not stat.S_ISREG(os.lstat(target).st_mode):
            return None
        with target.open("rb") as handle:
            return handle.read(MAX_TEXT_BYTES).decode("utf-8", "replace")
    except OSError:
        return None
