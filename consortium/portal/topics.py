"""A portal topic as the tool needs it, read from a search record and the topic JSON.

Every metadata value of a search record is a list of strings; some are JSON inside a
string (``budgetOverview``). The topic JSON gives deadlines as epoch milliseconds at 00:00
UTC. Neither carries a trustworthy hour: the date is taken as written (the UTC date for
epoch milliseconds), never converted to another zone first, and the hour is the call
document's (docs/sources.md, "Funding & Tenders Portal").
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, replace
from datetime import UTC, date, datetime
from typing import Any

# frameworkProgramme codes of the search API, and the names the call files use.
PROGRAMMES = {"43108390": "Horizon Europe", "43252476": "Single Market Programme (SMP)"}
STATUSES = {"31094501": "forthcoming", "31094502": "open", "31094503": "closed"}
PAGE = "https://ec.europa.eu/info/funding-tenders/opportunities/portal/screen/opportunities/topic-details/{}"
_ISO_DAY = re.compile(r"^\s*(\d{4})-(\d{2})-(\d{2})")
_HREF = re.compile(r"""href\s*=\s*["'](https?://[^"'\s<>]+)["']""", re.IGNORECASE)


@dataclass(frozen=True)
class Budget:
    action: str
    year: str | None
    amount: int | None
    grants: int | None


@dataclass(frozen=True)
class Topic:
    """What the portal says of one topic; ``deadlines`` are days, in stage order."""

    identifier: str
    title: str
    call_id: str | None = None
    call_title: str | None = None
    programme: str | None = None
    period: str | None = None
    type_of_action: str | None = None
    deadline_model: str | None = None
    opening: date | None = None
    deadlines: tuple[date, ...] = ()
    budget: tuple[Budget, ...] = ()
    status_given: str | None = None
    call_document: str | None = None
    news: tuple[tuple[date, str], ...] = ()

    @property
    def page(self) -> str:
        return PAGE.format(self.identifier.lower())

    def stage_names(self) -> list[str]:
        """'first stage', 'second stage' for a two-stage topic; cut-offs when there are
        several dates otherwise; 'deadline' for one."""
        count = len(self.deadlines)
        if self.deadline_model == "two-stage" and count == 2:
            return ["first stage", "second stage"]
        if count == 1:
            return ["deadline"]
        return [f"cut-off {n}" for n in range(1, count + 1)]


def first(metadata: dict[str, Any], key: str) -> str | None:
    """The first string of a metadata list (every value is one), stripped; None if none."""
    value = metadata.get(key)
    if isinstance(value, list) and value and isinstance(value[0], str) and value[0].strip():
        return " ".join(value[0].split())
    return None


def day_of(value: Any) -> date | None:
    """The calendar date a portal value names: as written for an ISO text (whatever hour
    and offset follow), the UTC date for epoch milliseconds; None when it names none."""
    if isinstance(value, bool):
        return None
    if isinstance(value, str) and value.strip().isdecimal():
        value = int(value.strip())
    if isinstance(value, int | float):
        try:
            return datetime.fromtimestamp(value / 1000, UTC).date()
        except (OverflowError, OSError, ValueError):
            return None
    if isinstance(value, str) and (match := _ISO_DAY.match(value)):
        try:
            return date(int(match[1]), int(match[2]), int(match[3]))
        except ValueError:
            return None
    return None


def richness(record: dict[str, Any]) -> int:
    """How much a record says: stub rows and translations say less than the full one."""
    metadata = record.get("metadata")
    if not isinstance(metadata, dict):
        return -1
    return sum(1 for value in metadata.values() if isinstance(value, list) and value)


def from_record(record: dict[str, Any]) -> Topic | None:
    """The topic a search record describes, or None when it holds no identifier."""
    metadata = record.get("metadata")
    if not isinstance(metadata, dict):
        return None
    identifier = first(metadata, "identifier")
    if identifier is None:
        return None
    code = first(metadata, "frameworkProgramme")
    period = first(metadata, "programmePeriod")
    deadlines = metadata.get("deadlineDate")
    days = [day_of(v) for v in deadlines] if isinstance(deadlines, list) else []
    return Topic(
        identifier=identifier.upper(),
        title=first(metadata, "title") or identifier,
        call_id=first(metadata, "callIdentifier"),
        call_title=first(metadata, "callTitle"),
        programme=PROGRAMMES.get(code or "", f"programme {code}" if code else None),
        period=period.replace(" ", "") if period else None,
        type_of_action=first(metadata, "typesOfAction"),
        deadline_model=first(metadata, "deadlineModel"),
        opening=day_of(first(metadata, "startDate")),
        deadlines=tuple(sorted({d for d in days if d is not None})),
        budget=budget_rows(first_raw(metadata, "budgetOverview"), identifier),
        status_given=STATUSES.get(first(metadata, "status") or ""),
    )


def first_raw(metadata: dict[str, Any], key: str) -> str | None:
    value = metadata.get(key)
    return value[0] if isinstance(value, list) and value and isinstance(value[0], str) else None


def budget_rows(raw: str | dict[str, Any] | None, identifier: str) -> tuple[Budget, ...]:
    """The call-level budget overview's rows for this topic (their ``action`` starts with
    its identifier), one per budget year."""
    try:
        data = json.loads(raw) if isinstance(raw, str) else raw
    except ValueError:
        return ()
    actions = data.get("budgetTopicActionMap") if isinstance(data, dict) else None
    if not isinstance(actions, dict):
        return ()
    rows: list[Budget] = []
    for entries in actions.values():
        for entry in entries if isinstance(entries, list) else []:
            action = entry.get("action") if isinstance(entry, dict) else None
            if not isinstance(action, str) or not action.upper().startswith(identifier.upper()):
                continue
            years = entry.get("budgetYearMap")
            grants = _whole(entry.get("expectedGrants"))
            for year, amount in years.items() if isinstance(years, dict) else []:
                rows.append(Budget(" ".join(action.split()), str(year), _whole(amount), grants))
    return tuple(rows)


def _whole(value: Any) -> int | None:
    if isinstance(value, bool):
        return None
    if isinstance(value, int):
        return value
    if isinstance(value, float) and value.is_integer():
        return int(value)
    if isinstance(value, str) and value.strip().isdecimal():
        return int(value.strip())
    return None


def with_details(topic: Topic, answer: Any) -> Topic:
    """``topic`` completed by its topic JSON (``{"TopicDetails": {...}}``): deadlines and
    opening from its actions, the programme's name, news and the call document's link."""
    details = answer.get("TopicDetails") if isinstance(answer, dict) else None
    if not isinstance(details, dict):
        return topic
    actions = [a for a in details.get("actions") or [] if isinstance(a, dict)]
    days = {d for a in actions for d in map(day_of, a.get("deadlineDates") or []) if d}
    openings = [d for d in (day_of(a.get("plannedOpeningDate")) for a in actions) if d]
    programme = details.get("frameworkProgramme")
    programme = programme if isinstance(programme, dict) else {}
    name = PROGRAMMES.get(str(programme.get("id"))) or _text(programme.get("description"))
    return replace(
        topic,
        title=_text(details.get("title")) or topic.title,
        call_id=_text(details.get("callIdentifier")) or topic.call_id,
        programme=topic.programme or name,
        type_of_action=topic.type_of_action or _action_type(actions),
        opening=min(openings) if openings else topic.opening,
        deadlines=tuple(sorted(days)) or topic.deadlines,
        call_document=_link(details.get("conditions")),
        news=_news(details.get("latestInfos")),
    )


def _action_type(actions: list[dict[str, Any]]) -> str | None:
    """The first ``actions[].types[].typeOfAction`` of the topic JSON."""
    for action in actions:
        for kind in action.get("types") or []:
            if isinstance(kind, dict) and (text := _text(kind.get("typeOfAction"))):
                return text
    return None


def _text(value: Any) -> str | None:
    return " ".join(value.split()) or None if isinstance(value, str) else None


def _link(html: Any) -> str | None:
    """The first web address the conditions' HTML links to: the call document."""
    found = _HREF.search(html) if isinstance(html, str) else None
    return found[1] if found else None


def _news(items: Any) -> tuple[tuple[date, str], ...]:
    """Each news item's date and text, made plain, newest first."""
    from consortium.portal.plain import plain

    news = []
    for item in items if isinstance(items, list) else []:
        if not isinstance(item, dict):
            continue
        day = day_of(item.get("lastChangeDate"))
        text = plain(item.get("content"))
        if day and text:
            news.append((day, text))
    return tuple(sorted(news, key=lambda n: n[0], reverse=True))


_PROGRAMME_NAMES = {
    "horizon": "43108390",
    "horizon europe": "43108390",
    "horizon-europe": "43108390",
    "smp": "43252476",
    "smp cosme": "43252476",
    "single market programme": "43252476",
}


def programme_code(name: str) -> str | None:
    """The search API's code for a programme named by the user (or given as its code)."""
    wanted = " ".join(name.strip().lower().split())
    if wanted.isdecimal():
        return wanted
    return _PROGRAMME_NAMES.get(wanted)


def programme_names() -> list[str]:
    return ["Horizon Europe (horizon)", "Single Market Programme (smp)", "a numeric code"]
