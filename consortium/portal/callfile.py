"""A topic as a call file: the data, its YAML text, and an update that keeps the user's rules.

Deadlines: the portal's date, at 17:00 Europe/Brussels (the convention of EU calls) marked
``deadline_time: assumed`` until the user writes the hour the call document gives and says
``stated``. ``deadline`` is the next stage's at the fetch (the last once all have passed),
so ``check`` counts down to the one that matters; ``stages`` lists them all.
An update (``--update``) refreshes what the portal says and keeps what the user decides:
the rules and where they come from, notes, match settings, the zone, sources they added,
and stated hours (docs/formats.md, "Call").
"""

from __future__ import annotations

import re
from datetime import UTC, date, datetime, time
from typing import Any

from consortium.facts.deadlines import BRUSSELS, CALL_TIME, zone
from consortium.portal.conditions import conditions_for
from consortium.portal.topics import Topic

PORTAL_SOURCE = "EU Funding & Tenders Portal"
KEPT = ("rules_from", "rules", "rules_verified", "notes", "match", "timezone")
_CLUSTER_PILLAR = re.compile(r"^HORIZON-(CL\d|MISS)-")
_YEAR = re.compile(r"-(20\d\d)-")


def status_at(topic: Topic, now: datetime, hour: time = CALL_TIME) -> str | None:
    """Forthcoming, open or closed, from the dates (the portal's own status goes stale)."""
    if not topic.deadlines:
        return topic.status_given
    today = now.astimezone(zone(BRUSSELS)).date()
    if topic.opening and today < topic.opening:
        return "forthcoming"
    last = datetime.combine(topic.deadlines[-1], hour, tzinfo=zone(BRUSSELS))
    return "closed" if now >= last else "open"


def call_data(topic: Topic, now: datetime) -> dict[str, Any]:
    """The call file's fields, in the order a reader wants them."""
    conditions = conditions_for(topic)
    stamp = f"{PORTAL_SOURCE}, topic {topic.identifier}, fetched {now.astimezone(UTC):%Y-%m-%d}"
    data: dict[str, Any] = {"id": topic.identifier, "programme": topic.programme or "unknown"}
    data["period"] = topic.period if topic.period in ("2014-2020", "2021-2027") else None
    horizon = topic.programme == "Horizon Europe"
    data["pillar"] = "II" if horizon and _CLUSTER_PILLAR.match(topic.identifier) else None
    year = _YEAR.search(topic.identifier)
    data["work_programme"] = int(year[1]) if horizon and year else None
    data |= {"title": topic.title, "call_id": topic.call_id, "call_title": topic.call_title}
    data |= {"type_of_action": topic.type_of_action, "opening": topic.opening}
    stages = [
        {"name": name, "deadline": _at(day, CALL_TIME)}
        for name, day in zip(topic.stage_names(), topic.deadlines, strict=True)
    ]
    data["deadline"] = next_deadline(stages, now, BRUSSELS)
    data["timezone"] = BRUSSELS
    data["stages"] = stages
    data["budget"] = budget_text(topic)
    data["budget_rows"] = [
        {"action": b.action, "year": b.year, "amount": b.amount, "grants": b.grants}
        for b in topic.budget
    ]
    data["url"] = topic.page
    data["rules_from"] = "general-conditions" if conditions.source else None
    data["rules"] = conditions.rules
    data["rules_verified"] = conditions.verified
    data["sources"] = [stamp, *([conditions.source] if conditions.source else [])]
    data["notes"] = conditions.note
    data["portal"] = {
        "topic": topic.identifier,
        "fetched": now.astimezone(UTC).replace(microsecond=0).isoformat(),
        "status": status_at(topic, now),
        "deadline_time": "assumed",
        "call_document": topic.call_document,
        "news": [{"date": day, "text": text} for day, text in topic.news],
    }
    return _pruned(data)


def _at(day: date, hour: time) -> str:
    return datetime.combine(day, hour).isoformat()


def next_deadline(stages: list[dict[str, Any]], now: datetime, tz: str) -> str | None:
    """The first stage deadline still ahead at ``now``, else the last one."""
    for stage in stages:
        at = datetime.fromisoformat(str(stage["deadline"]))
        at = at if at.tzinfo else at.replace(tzinfo=zone(tz))
        if at > now:
            return str(stage["deadline"])
    return str(stages[-1]["deadline"]) if stages else None


def budget_text(topic: Topic) -> str | None:
    """'EUR 42 000 000, 16 grants expected': the topic's budget rows summed."""
    amounts = [b.amount for b in topic.budget if b.amount is not None]
    if not amounts:
        return None
    text = "EUR " + f"{sum(amounts):,}".replace(",", " ")
    grants = {b.grants for b in topic.budget if b.grants}
    return f"{text}, {grants.pop()} grants expected" if len(grants) == 1 else text


def _pruned(data: dict[str, Any]) -> dict[str, Any]:
    """Without keys that say nothing (None, empty lists), so the file stays readable."""
    out: dict[str, Any] = {}
    for key, value in data.items():
        if isinstance(value, dict):
            value = _pruned(value)
        elif isinstance(value, list):
            value = [_pruned(v) if isinstance(v, dict) else v for v in value]
        if value is None or value == [] or value == {}:  # no rules: `rules_verified: false`
            continue
        out[key] = value
    return out


def updated(fresh: dict[str, Any], old: dict[str, Any]) -> dict[str, Any]:
    """``fresh`` with what the user decides taken from ``old`` (the file as it is)."""
    data = dict(fresh)
    for key in KEPT:
        if key in old:
            data[key] = old[key]
        else:
            data.pop(key, None)
    theirs = [s for s in old.get("sources") or [] if not str(s).startswith(PORTAL_SOURCE)]
    data["sources"] = [fresh["sources"][0], *theirs] if "sources" in old else fresh["sources"]
    old_portal = old.get("portal")
    if isinstance(old_portal, dict) and old_portal.get("deadline_time") == "stated":
        data["stages"] = _stated_hours(fresh.get("stages", []), old.get("stages") or [])
        data["portal"] = {**fresh["portal"], "deadline_time": "stated"}
    tz = str(data.get("timezone", BRUSSELS))
    now = datetime.fromisoformat(fresh["portal"]["fetched"])
    data["deadline"] = next_deadline(data.get("stages", []), now, tz)
    order = list(fresh) + [k for k in data if k not in fresh]
    return _pruned({k: data[k] for k in order if k in data})


def _stated_hours(fresh: list[dict[str, Any]], old: list[Any]) -> list[dict[str, Any]]:
    """Each fresh stage at the hour the user stated for the stage of that name."""
    hours = {}
    for stage in old:
        if isinstance(stage, dict) and "name" in stage:
            value = stage.get("deadline")
            at = value if isinstance(value, datetime) else _parsed(value)
            if at is not None:
                hours[stage["name"]] = at.time()
    out = []
    for stage in fresh:
        day = datetime.fromisoformat(stage["deadline"]).date()
        out.append({**stage, "deadline": _at(day, hours.get(stage["name"], CALL_TIME))})
    return out


def _parsed(value: Any) -> datetime | None:
    try:
        return datetime.fromisoformat(str(value))
    except ValueError:
        return None


def call_text(data: dict[str, Any], header: list[str]) -> str:
    """The YAML text of ``data``, through the one YAML writer (``consortium.files.yamlwriter``):
    every value reads back as written."""
    from consortium.files.yamlwriter import block_mapping
    from consortium.proposal.scaffold import modeline

    lines = [modeline("call", 1).rstrip("\n"), *(f"# {line}" for line in header)]
    return "\n".join([*lines, *block_mapping(data)]) + "\n"
