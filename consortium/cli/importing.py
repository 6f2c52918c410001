"""`consortium import`: partner-search profiles (EEN texts, Partner Web Service) → request files.

A thin layer: the work is in ``consortium.importing``; here are the options, the progress
bar (only when stderr is a terminal), the report on stderr and the exit code (0 when every
profile was imported, 2 when any could not be or any write was refused).
"""

import os
import sys
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, TextIO, TypeVar

import typer

from consortium.cli.common import fail_message, say
from consortium.cli.output import progress
from consortium.display.text import path_text, visible

if TYPE_CHECKING:
    from datetime import date

    from consortium.importing.run import ImportResult, Options

T = TypeVar("T")
DEFAULT_BASE = "https://b2b.een.ec.europa.eu/v1"


def import_profiles(
    paths: Annotated[
        list[str] | None,
        typer.Argument(
            help="EEN pages (their links, or saved as .html), profile texts (copied from the "
            "page, or e-mails), folders of them, or JSON saved from the Partner Web Service.",
            show_default=False,
        ),
    ] = None,
    out: Annotated[Path, typer.Option("--out", "-o", help="Folder for the request files.")] = Path(
        "requests"
    ),
    force: Annotated[bool, typer.Option("--force", help="Replace existing files.")] = False,
    dry_run: Annotated[
        bool, typer.Option("--dry-run", help="Print the YAML on stdout, write nothing.")
    ] = False,
    from_een: Annotated[
        bool,
        typer.Option(
            "--from-een",
            help="Fetch profiles from the EEN Partner Web Service (key in EEN_API_KEY).",
        ),
    ] = False,
    kind: Annotated[
        str | None, typer.Option("--type", help="With --from-een: only this kind (RDR, BO, ...).")
    ] = None,
    country: Annotated[
        str | None, typer.Option("--country", help="With --from-een: only this country (FR).")
    ] = None,
    since: Annotated[
        str | None, typer.Option("--since", help="With --from-een: published on or after.")
    ] = None,
    base_url: Annotated[
        str, typer.Option("--base-url", envvar="EEN_BASE_URL", help="The service's address.")
    ] = DEFAULT_BASE,
    timeout: Annotated[
        float, typer.Option(help="Seconds for each whole answer to arrive.", min=0.01)
    ] = 30.0,
    retries: Annotated[
        int, typer.Option(help="Tries again after a 5xx or a timeout.", min=0, max=10)
    ] = 3,
    reference: Annotated[
        str | None,
        typer.Option(
            "--reference", help="The POD reference of a profile text that gives none (one text)."
        ),
    ] = None,
    today: Annotated[
        str | None,
        typer.Option(help="The day judged: a profile whose validity ended before it is closed."),
    ] = None,
    report: Annotated[
        bool,
        typer.Option(
            "--report", help="Count per field how many profiles gave it, unsure or not (stderr)."
        ),
    ] = False,
) -> None:
    """Turn partner-search profiles into request files, one per profile, named by reference.

    Reads EEN profile texts (current and older layouts; UTF-8, or Windows-1252 with a note),
    JSON saved from the Partner Web Service's GET /profiles, or the service itself
    (--from-een). A field not found is left out, reported here and marked in the file.
    """
    from consortium.importing.run import Options

    if from_een and paths:
        fail_message("give profile files or --from-een, not both (see --help)")
    options = Options(out, force, dry_run, _today(today), _reference(reference, paths))
    if not dry_run:
        _check_output(out)
    stopped = None
    if from_een:
        outcomes, stopped = _from_service(options, base_url, kind, country, since, timeout, retries)
    elif paths:
        outcomes = _from_files(paths, options, timeout)
    else:
        fail_message("name profile pages, texts or folders, or give --from-een (see --help)")
    code = _finish(outcomes, options)
    if report:
        _coverage(outcomes)
    raise typer.Exit(2 if stopped else code)


def _today(given: str | None) -> "date":
    """The day judged: --today, else the clock's (the CLI may read it; the library not)."""
    from datetime import date

    from consortium.facts.dates import DateError, parse_date

    try:
        return parse_date(given) if given else date.today()
    except DateError as exc:
        fail_message(f"--today: {exc}")


def _reference(given: str | None, paths: list[str] | None) -> str | None:
    if given is None:
        return None
    from consortium.facts.reference import parse_reference

    if not paths or len(paths) != 1:
        fail_message("--reference names one profile: give one profile text, page or link")
    try:
        return parse_reference(given.strip().upper()).text
    except ValueError as exc:
        fail_message(f"--reference: {exc}")


def _coverage(outcomes: "list[ImportResult]") -> None:
    """Per field: how many profiles gave it, gave it unsure, or did not (stderr)."""
    from consortium.importing.run import REPORTED

    counted = [o.coverage for o in outcomes if o.coverage and not o.problems]
    width = max(len(k) for k in REPORTED)
    say(f"fields of {len(counted)} imported profile(s):")
    sys.stderr.write(f"  {'field':<{width}}  found  unsure  missing\n")
    for key in REPORTED:
        tally = [sum(1 for c in counted if c[key] == s) for s in ("found", "unsure", "missing")]
        sys.stderr.write(f"  {key:<{width}}  {tally[0]:5}  {tally[1]:6}  {tally[2]:7}\n")


def _check_output(out: Path) -> None:
    from consortium.importing.run import output_refused

    refused = output_refused(out)
    if refused:
        fail_message(str(refused))


def _from_files(paths: list[str], options: "Options", timeout: float) -> "list[ImportResult]":
    """Links to EEN pages (fetched one by one), then files and folders."""
    from consortium.files.problems import Problem
    from consortium.importing.in_groups import settled_in_groups
    from consortium.importing.reading import input_files
    from consortium.importing.run import ImportResult, import_file, import_link, settle
    from consortium.importing.weblink import is_link

    links = [p for p in paths if is_link(p)]
    files, empty = input_files([Path(p) for p in paths if not is_link(p)])
    outcomes = _reported([ImportResult(p, problems=[Problem(p, why)]) for p, why in empty])
    seen: set[str] = set()
    for url in links:
        outcomes += _reported(settle([import_link(url, options, timeout)], options, seen))
    read = (import_file(path, options) for path in progress(files, len(files), "importing"))
    for settled in settled_in_groups(read, options, seen):
        outcomes += _reported(settled)
    return outcomes


def _from_service(
    options: "Options",
    base_url: str,
    kind: str | None,
    country: str | None,
    since: str | None,
    timeout: float,
    retries: int,
) -> "tuple[list[ImportResult], str | None]":
    """Fetch and import page by page (nothing piles up); the outcomes, and why fetching
    stopped early (then some pages may have been imported, and the exit code is 2)."""
    import time

    from consortium.files.problems import Problem
    from consortium.importing.address import key_problem, service_address
    from consortium.importing.fetch import Query, fetch
    from consortium.importing.pws import keep, profile_fields, start_of
    from consortium.importing.run import SERVICE_CHANNEL, ImportResult, import_fields, settle

    key = os.environ.get("EEN_API_KEY", "").strip(" \t")
    if problem := key_problem(key):
        fail_message(problem.message)
    address = service_address(base_url)
    if isinstance(address, str):
        fail_message(address)
    start = start_of(since)
    if isinstance(start, str):
        fail_message(start)
    if address.note:
        say(f"note: {address.note}")
    query = Query(address, key, timeout, retries)
    where = Path(address.shown.split("://", 1)[-1])
    seen: set[str] = set()
    outcomes: list[ImportResult] = []
    for page in progress(fetch(query, time.monotonic, time.sleep), None, "fetching pages"):
        if isinstance(page, str):
            if not outcomes:
                fail_message(page)
            say(page)
            return outcomes, page
        for item in keep(page, kind, country, start):
            fields = profile_fields(item)
            if isinstance(fields, str):
                done = [ImportResult(where, problems=[Problem(where, fields)])]
            else:
                done = [import_fields(fields, SERVICE_CHANNEL, where, options, address.shown)]
            outcomes += _reported(settle(done, options, seen))
    return outcomes, None


def _reported(outcomes: "list[ImportResult]") -> "list[ImportResult]":
    """Say on stderr what became of each profile, as soon as it is known."""
    for outcome in outcomes:
        where = path_text(outcome.target or outcome.origin)
        if outcome.diff:
            sys.stderr.write(visible(outcome.diff, keep_lines=True))
        for problem in outcome.problems:
            sys.stderr.write(f"{problem}\n")
        for note in outcome.notes:
            sys.stderr.write(f"{where}: note: {visible(note)}\n")
        for key, why in outcome.unsure.items():
            sys.stderr.write(f"{where}: unsure: {key}: {visible(why)}: check it in the file\n")
        if outcome.missing and not outcome.problems:
            gaps = ", ".join(outcome.missing)
            sys.stderr.write(f"{where}: not found in the profile, marked in the file: {gaps}\n")
    return outcomes


def _finish(outcomes: "list[ImportResult]", options: "Options") -> int:
    """Print the YAML of a dry run, say the totals, and give the exit code."""
    good = [o for o in outcomes if not o.problems and o.text is not None]
    if options.dry_run:
        from consortium.cli.output import emit

        texts = "---\n".join(o.text for o in good if o.text)

        def show(stream: TextIO) -> None:
            stream.write(texts)

        problem = emit(show)
        if problem:
            fail_message(problem.message)
    bad = len(outcomes) - len(good)
    written = sum(o.written for o in good)
    unchanged = sum(o.unchanged for o in good)
    done = "checked (dry run)" if options.dry_run else f"{written} written, {unchanged} unchanged"
    say(f"{len(good)} profile(s) imported ({done}), {bad} not imported")
    if not options.dry_run:
        _next(good)
    return 2 if bad else 0


def _next(good: "list[ImportResult]") -> None:
    """The files written, then the command that starts a proposal answering one of them."""
    for outcome in good:
        if outcome.written and outcome.target is not None:
            sys.stderr.write(f"wrote {path_text(outcome.target)}\n")
    if not good or good[0].reference is None:
        return
    from consortium.calls.known import known_calls

    first = good[0]
    known = first.call is not None and first.call.upper() in known_calls(Path("calls"))[0]
    call = f"--call {visible(first.call or '')} " if known else ""
    which = f" (or another of the {len(good)} references)" if len(good) > 1 else ""
    found_by_init = first.target is not None and first.target.parent.resolve() in (
        Path.cwd(),
        Path.cwd() / "requests",
    )
    request = (
        f"--request {first.reference}"
        if found_by_init or first.target is None
        else f"--request-file {path_text(first.target)}"
    )
    sys.stderr.write(f"next: consortium init {call}{request}{which}\n")
