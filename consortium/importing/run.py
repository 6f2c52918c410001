"""Import profiles end to end: read, recognise, extract, render, check, write.

Each input gives one ``Outcome`` per profile it holds; one that cannot be imported is an
Outcome with a problem, and the rest go on. Every file is validated as a request before it
is written, and written only through ``consortium.writes.write_text`` (atomic, never through
a link, never over a file without ``force``; without it, the change is shown as a diff).
"""

from __future__ import annotations

import difflib
import os
import stat
from dataclasses import dataclass, field
from pathlib import Path

from consortium.importing.extract import build, reference_of
from consortium.importing.fields import Fields
from consortium.importing.reading import MAX_JSON_BYTES, MAX_TEXT_BYTES, read_input
from consortium.importing.render import render
from consortium.importing.text import parse_text
from consortium.problems import Problem
from consortium.text import path_text

TEXT_CHANNEL = "Enterprise Europe Network"
SERVICE_CHANNEL = "EEN Partner Web Service"


@dataclass
class Outcome:
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


@dataclass(frozen=True)
class Options:
    out: Path
    force: bool = False
    dry_run: bool = False


def import_file(path: Path, options: Options) -> list[Outcome]:
    """Every profile in one file (a text holds one; saved service JSON holds many)."""
    is_json = path.suffix.lower() == ".json"
    read = read_input(path, MAX_JSON_BYTES if is_json else MAX_TEXT_BYTES)
    if isinstance(read, str):
        return [Outcome(path, problems=[Problem(path, read)])]
    if is_json or read.text.lstrip()[:1] in ("{", "["):
        from consortium.importing.pws import fields_in_json

        found = fields_in_json(read.text)
        if isinstance(found, str):
            return [Outcome(path, problems=[Problem(path, found)])]
        return [
            Outcome(path, problems=[Problem(path, f)])
            if isinstance(f, str)
            else import_fields(f, SERVICE_CHANNEL, path, options)
            for f in found
        ]
    fields = parse_text(read.text)
    if read.note:
        fields.notes.append(read.note)
    return [import_fields(fields, TEXT_CHANNEL, path, options)]


def import_fields(
    fields: Fields, channel: str, origin: Path, options: Options, label: str | None = None
) -> Outcome:
    """One profile's fields → a checked request file (not yet written); ``label`` names the
    source in the file when the origin is no file (the service's address)."""
    outcome = Outcome(origin, notes=list(fields.notes))
    ref = reference_of(fields)
    if isinstance(ref, str):
        outcome.problems.append(Problem(origin, ref))
        return outcome
    outcome.reference = ref.text
    name = label or origin.name or str(origin)
    built = build(fields, ref, channel, name)
    if isinstance(built, str):
        outcome.problems.append(Problem(origin, f"{ref.text}: {built}"))
        return outcome
    built.notes[:0] = fields.notes
    outcome.call = _call_id(built.data.get("call"))
    outcome.notes, outcome.missing = built.notes, list(built.missing)
    outcome.target = options.out / f"{ref.text}.yaml"  # a parsed reference: letters and digits
    outcome.text = render(built, f"{channel} ({path_text(name)})")
    outcome.problems += _invalid(outcome.target, outcome.text)
    return outcome


def _call_id(call: object) -> str | None:
    """The call's id, whether the profile names a preset's id or the call in full."""
    if isinstance(call, dict):
        call = call.get("id")
    return call if isinstance(call, str) else None


def _invalid(target: Path, text: str) -> list[Problem]:
    """What ``consortium validate`` would say of the file: nothing, or a bug of ours."""
    from consortium.loading import validate
    from consortium.models import Request
    from consortium.yamlfile import MAX_BYTES as MAX_FILE_BYTES
    from consortium.yamlfile import parse

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


def output_refused(out: Path) -> str | None:
    """Why the files may not be written into ``out``: it is, or lies under, a symbolic
    link leading out of the repository (or folder) holding it. In a pull request's CI a
    committed link ``requests -> ~/.ssh`` would otherwise have ``import`` write there."""
    from consortium.roots import Root

    return Root.around(Path(os.path.abspath(out)).parent).refuses_folder(out)


def settle(outcomes: list[Outcome], options: Options, seen: set[str]) -> list[Outcome]:
    """Write each outcome (unless a dry run), once per reference in one import."""
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
            write(outcome, options)
    return outcomes


def write(outcome: Outcome, options: Options) -> None:
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
    problem = None if outcome.diff else _write_text(target, text, options.force)
    if outcome.diff:
        problem = Problem(target, "exists and differs: give --force to replace it (changes above)")
    if problem:
        outcome.problems.append(problem)
    else:
        outcome.written = True


def _write_text(target: Path, text: str, force: bool) -> Problem | None:
    from consortium.writes import write_text

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
