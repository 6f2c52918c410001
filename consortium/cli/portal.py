"""`consortium calls fetch|search|refresh`: topics of the EU Funding & Tenders Portal.

Nothing is asked of the network unless one of these commands runs. The addresses come
from CONSORTIUM_PORTAL_SEARCH and CONSORTIUM_PORTAL_TOPICS (tests and mirrors point them
elsewhere); every failure is one line and exit 2.
"""

import os
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any

import typer

from consortium.cli.common import (
    NowOption,
    TodayOption,
    fail_message,
    format_option,
    render,
    resolve_now,
    say,
)
from consortium.cli.folders import CallsFolder, folder
from consortium.display.text import path_text, shorten
from consortium.report.formats import REFRESH, TOPIC_LIST

if TYPE_CHECKING:
    from datetime import datetime

    from consortium.files.loading import Loaded
    from consortium.models import Call
    from consortium.portal.client import Session
    from consortium.portal.topics import Topic

ASSUMED = (
    "deadlines are at 17:00 Brussels time, assumed: the portal gives only the date. Correct "
    "the hour from the call document and set portal.deadline_time: stated"
)
Update = Annotated[
    bool,
    typer.Option(
        "--update", help="Refresh an existing call file: dates and news; your rules are kept."
    ),
]
Force = Annotated[
    bool, typer.Option("--force", help="Replace an existing call file, rules and all.")
]


def _session() -> "Session":
    import time

    from consortium.portal.client import SEARCH_URL, TOPICS_URL, Portal, Session, address

    where = []
    for name, default in (
        ("CONSORTIUM_PORTAL_SEARCH", SEARCH_URL),
        ("CONSORTIUM_PORTAL_TOPICS", TOPICS_URL),
    ):
        found = address(os.environ.get(name) or default, name)
        if isinstance(found, str):
            fail_message(found)
        where.append(found)
    return Session(Portal(where[0], where[1]), time.monotonic, time.sleep)


def _ids(given: list[str]) -> list[str]:
    from consortium.portal.fetching import topic_id

    ids: list[str] = []
    for text in given:
        found = topic_id(text)
        if found is None:
            fail_message(
                f"'{shorten(text)}' is not a topic identifier like SMP-COSME-2024-CLUSTER-01: "
                "check it"
            )
        if found not in ids:
            ids.append(found)
    return ids


def fetch(
    topic_ids: Annotated[
        list[str],
        typer.Argument(
            help="Topic identifiers, e.g. HORIZON-CL5-2024-D3-01-02.", metavar="TOPIC-ID"
        ),
    ],
    calls_dir: CallsFolder = None,
    update: Update = False,
    force: Force = False,
    today: TodayOption = None,
    now: NowOption = None,
) -> None:
    """Write calls/<ID>.yaml for each portal topic: dates, budget, news, and rules where
    the programme's general conditions give them."""
    from consortium.portal.fetching import fetch_topics

    instant = resolve_now(today, now)
    ids = _ids(topic_ids)
    where = folder("calls", calls_dir)
    with _session() as session:
        topics = fetch_topics(session, ids)
    failed = 0
    for identifier in ids:
        topic = topics[identifier]
        if isinstance(topic, str):
            say(topic)
            failed += 1
            continue
        failed += not _write(topic, where / f"{identifier}.yaml", instant, update, force)
    raise typer.Exit(2 if failed else 0)


def _write(topic: "Topic", path: Path, now: "datetime", update: bool, force: bool) -> bool:
    """Write one call file (or say why not, and what differs); True when all went well."""
    from consortium.files.writes import write_text
    from consortium.models import Call
    from consortium.portal.callfile import call_data, call_text, updated

    fresh = call_data(topic, now)
    data = fresh
    exists = path.exists() or path.is_symlink()
    if exists and not force:
        old = _load(path)
        if old is None:
            return False
        moved = _changes(old, Call.model_validate(fresh))
        if not update:
            for line in moved:
                say(f"{path_text(path)}: {line}")
            if not moved:
                say(f"{path_text(path)}: as the portal says: nothing to update")
                return True
            say(
                f"{path_text(path)} exists: give --update to write these changes (your rules "
                "are kept) or --force to replace it"
            )
            return False
        assert old.doc is not None
        data = updated(fresh, old.doc.data)
    header = [
        f"Fetched by `consortium calls fetch {topic.identifier}` from the EU Funding & Tenders "
        "Portal.",
        "Deadlines: the portal gives only the date; 17:00 Brussels time is assumed "
        "(portal.deadline_time).",
    ]
    problem = write_text(path, call_text(data, header), force=exists)
    if problem:
        say(str(problem))
        return False
    _said(topic, path, data)
    return True


def _said(topic: "Topic", path: Path, data: dict[str, Any]) -> None:
    stages = ", ".join(f"{s['name']} {s['deadline'][:10]}" for s in data.get("stages", []))
    say(f"wrote {path_text(path)} ({stages or 'no deadline on the portal'})")
    if data.get("stages") and data.get("portal", {}).get("deadline_time") == "assumed":
        say(f"note: {ASSUMED}")
    if not data.get("rules_verified", True):
        say(f"note: {topic.identifier}: rules not encoded: read the call document's conditions")
    elif data.get("rules_from") == "general-conditions":
        say(f"note: {topic.identifier}: rules from the programme's general conditions")


def _load(path: Path, hint: str = "fix it, or give --force to replace it") -> "Loaded[Call] | None":
    from consortium.files.loading import load
    from consortium.models import Call

    loaded = load(path, Call, keep_doc=True)
    if isinstance(loaded, list):
        for problem in loaded:
            say(str(problem))
        say(f"{path_text(path)}: {hint}")
        return None
    return loaded


def _changes(old: "Loaded[Call]", new: "Call") -> list[str]:
    from consortium.portal.changes import changes

    return [f"{c.severity} [{c.rule}] {c.message}" for c in changes(old.item, new)]


def search(
    text: Annotated[
        str | None, typer.Argument(help="Words to look for (the portal's full-text search).")
    ] = None,
    open_only: Annotated[
        bool, typer.Option("--open", help="Only topics open now (from their dates).")
    ] = False,
    programme: Annotated[
        str | None,
        typer.Option("--programme", metavar="NAME", help="horizon, smp, or a programme code."),
    ] = None,
    closing_within: Annotated[
        str | None,
        typer.Option(
            "--closing-within", metavar="DAYS", help="Only topics closing within, e.g. 30d or 4w."
        ),
    ] = None,
    include_closed: Annotated[
        bool, typer.Option("--all", help="Closed topics too (by default: forthcoming and open).")
    ] = False,
    output: Annotated[str, format_option(TOPIC_LIST)] = "text",
    today: TodayOption = None,
    now: NowOption = None,
) -> None:
    """List portal topics: id, title, programme, next deadline and days left."""
    from consortium.cli.output import progress
    from consortium.display.text import joined
    from consortium.portal.fetching import collect, listing_query
    from consortium.portal.listing import TopicList, listed
    from consortium.portal.topics import STATUSES, programme_code, programme_names

    instant = resolve_now(today, now)
    within = _days(closing_within) if closing_within is not None else None
    codes = []
    if programme is not None:
        code = programme_code(programme)
        if code is None:
            fail_message(
                f"--programme: no programme '{shorten(programme)}' known: give "
                f"{joined(programme_names(), 'or')}"
            )
        codes.append(code)
    statuses = [] if include_closed else [c for c, s in STATUSES.items() if s != "closed"]
    words = " ".join((text or "").split()) or "***"
    with _session() as session:
        pages = progress(session.search(listing_query(codes, statuses), words), None, "pages")
        topics, stopped = collect(pages)
    if stopped:
        fail_message(stopped)
    rows = listed(list(topics.values()), instant, open_only, within)
    render(TOPIC_LIST, output, TopicList(rows, instant))


def _days(text: str) -> int:
    """'30d', '30' or '4w' as a number of days."""
    value = text.strip().lower()
    factor = 7 if value.endswith("w") else 1
    number = value.rstrip("dw").strip()
    if not number.isdecimal() or int(number) > 3650:
        raise typer.BadParameter(f"'{shorten(text)}' is not a span like 30d or 4w")
    return int(number) * factor


def refresh(
    calls_dir: CallsFolder = None,
    update: Update = False,
    output: Annotated[str, format_option(REFRESH)] = "text",
    today: TodayOption = None,
    now: NowOption = None,
) -> None:
    """Ask the portal again for each call file it gave, and report what moved: exit 1 when
    a deadline moved."""
    from consortium.files.loading import yaml_files
    from consortium.portal.fetching import fetch_topics
    from consortium.portal.listing import RefreshReport

    instant = resolve_now(today, now)
    where = folder("calls", calls_dir)
    if not where.is_dir():
        fail_message(f"no folder {path_text(where)}: give --calls DIR")
    read = [_load(path, "fix it to refresh it") for path in yaml_files(where)]
    unread = sum(loaded is None for loaded in read)
    files = [f for f in read if f is not None and f.item.portal is not None]
    if not files:
        fail_message(
            f"no call file in {path_text(where)} came from the portal: "
            "`consortium calls fetch TOPIC-ID` writes one"
        )
    ids = sorted({f.item.portal.topic for f in files if f.item.portal})
    with _session() as session:
        topics = fetch_topics(session, ids)
    report = RefreshReport([_refreshed(f, topics, instant, update) for f in files], instant)
    code = 2 if unread or any(r.problem for r in report.calls) else 1 if report.moved else 0
    render(REFRESH, output, report, code)


def _refreshed(
    loaded: "Loaded[Call]", topics: "dict[str, Topic | str]", now: "datetime", update: bool
) -> Any:
    from consortium.files.writes import write_text
    from consortium.models import Call
    from consortium.portal.callfile import call_data, call_text, updated
    from consortium.portal.changes import changes
    from consortium.portal.listing import Refreshed

    assert loaded.item.portal is not None and loaded.doc is not None
    identifier = loaded.item.portal.topic
    topic = topics[identifier]
    if isinstance(topic, str):
        return Refreshed(loaded.path, identifier, [], topic)
    fresh = call_data(topic, now)
    found = changes(loaded.item, Call.model_validate(fresh))
    located = [(c, loaded.locate(*c.loc)[0]) for c in found]
    if update and found:
        header = [
            "Refreshed by `consortium calls refresh` from the EU Funding & Tenders Portal.",
            "Deadlines: the portal gives only the date; 17:00 Brussels time is assumed "
            "(portal.deadline_time).",
        ]
        text = call_text(updated(fresh, loaded.doc.data), header)
        if problem := write_text(loaded.path, text, force=True):
            return Refreshed(loaded.path, identifier, located, str(problem))
    return Refreshed(loaded.path, identifier, located)
