"""Topics from the portal: one search for every identifier asked, then each topic's JSON.

The search index holds several records per identifier (stub rows, a
``SEDIA_PRD_CENTRICITY`` copy, grant updates): only ``DATASOURCE == "SEDIA"`` records are
kept, the richest of each identifier. Statuses go stale, so nothing here trusts them: the
call file's status is derived from the dates (``callfile.status_at``).
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from typing import Any

from consortium.portal.client import Session
from consortium.portal.topics import Topic, first, from_record, richness, with_details

GRANT_TOPIC = "1"  # the search API's type code of a grant topic
_TOPIC_ID = re.compile(r"^[A-Z0-9][A-Z0-9._-]{2,99}$")


def topic_id(text: str) -> str | None:
    """``text`` as a topic identifier (capitals, digits, '-', '_', '.'), or None."""
    candidate = text.strip().upper()
    return candidate if _TOPIC_ID.match(candidate) and ".." not in candidate else None


def identifier_query(identifiers: list[str]) -> dict[str, Any]:
    return {
        "bool": {
            "must": [
                {"terms": {"type": [GRANT_TOPIC]}},
                {"terms": {"identifier": identifiers}},
            ]
        }
    }


def listing_query(programmes: list[str], statuses: list[str]) -> dict[str, Any]:
    must: list[dict[str, Any]] = [{"terms": {"type": [GRANT_TOPIC]}}]
    if programmes:
        must.append({"terms": {"frameworkProgramme": programmes}})
    if statuses:
        must.append({"terms": {"status": statuses}})
    return {"bool": {"must": must}}


def collect(pages: Iterable[list[Any] | str]) -> tuple[dict[str, Topic], str | None]:
    """The topics of every page (the richest SEDIA record of each identifier), and why the
    search stopped early, if it did."""
    best: dict[str, dict[str, Any]] = {}
    for page in pages:
        if isinstance(page, str):
            return _topics(best), page
        for record in page:
            metadata = record.get("metadata") if isinstance(record, dict) else None
            if not isinstance(metadata, dict):
                continue
            source = first(metadata, "DATASOURCE")
            key = (first(metadata, "identifier") or "").upper()
            if not key or (source is not None and source != "SEDIA"):
                continue
            if key not in best or richness(record) > richness(best[key]):
                best[key] = record
    return _topics(best), None


def _topics(records: dict[str, dict[str, Any]]) -> dict[str, Topic]:
    topics = {}
    for key, record in records.items():
        topic = from_record(record)
        if topic is not None:
            topics[key] = topic
    return topics


def fetch_topics(session: Session, identifiers: list[str]) -> dict[str, Topic | str]:
    """Each identifier's topic, from the search and its topic JSON, or one line why not."""
    found, stopped = collect(session.search(identifier_query(identifiers)))
    if stopped:  # a search cut short may lack the richest record: nothing is written
        return dict.fromkeys(identifiers, stopped)
    out: dict[str, Topic | str] = {}
    for identifier in identifiers:
        details = session.topic(identifier)
        if isinstance(details, str):
            out[identifier] = details
            continue
        topic = found.get(identifier)
        if topic is None and details is None:
            out[identifier] = (
                f"no topic {identifier} on the Funding & Tenders Portal: check the identifier "
                "(`consortium calls search TEXT` lists topics)"
            )
            continue
        topic = topic or Topic(identifier, identifier)
        out[identifier] = with_details(topic, details) if details is not None else topic
    return out
