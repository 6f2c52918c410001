"""A Funding & Tenders Portal of our own writing, in the shapes the real one answers in
(docs/sources.md, "Funding & Tenders Portal"): the search API and the topic JSON.

It behaves as the real API was reported to: GET answers 405; ``query`` sent as a plain form
field answers 500 ``{"type":"throwable"}``; a ``wildcard`` or ``match`` query answers 400
``businessError``; without ``languages`` each record comes once per translation; pages are
capped (here at ``page_cap``, so few records span several pages). Every text is ours.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, field
from datetime import UTC, date, datetime
from typing import Any

from werkzeug import Request, Response

SMP = "SMP-COSME-2024-CLUSTER-01"
HE = "HORIZON-CL5-2026-D3-01-07"


def epoch_ms(day: date) -> int:
    """The topic JSON's way of giving a day: epoch milliseconds at 00:00 UTC."""
    return int(datetime(day.year, day.month, day.day, tzinfo=UTC).timestamp() * 1000)


def record(identifier: str, source: str = "SEDIA", **metadata: Any) -> dict[str, Any]:
    """A search record: every metadata value a list of strings."""
    values = {"identifier": [identifier], "DATASOURCE": [source], "type": ["1"]}
    values |= {k: v if isinstance(v, list) else [v] for k, v in metadata.items()}
    return {"reference": f"ref-{identifier}-{source}", "url": "", "metadata": values}


def budget(*rows: tuple[str, str, int, int]) -> str:
    """A call-level budget overview, as the API gives it: JSON inside a string."""
    actions = [
        {"action": a, "budgetYearMap": {y: str(n)}, "expectedGrants": g} for a, y, n, g in rows
    ]
    return json.dumps({"budgetYearsColumns": ["2024"], "budgetTopicActionMap": {"11": actions}})


def smp_records() -> list[dict[str, Any]]:
    """Euroclusters: a stub row, a CENTRICITY copy and the full record, whose status is
    still "Open" though its deadline (given as a date only) passed long ago."""
    full = record(
        SMP,
        title="Joint Cluster Initiatives for Europe's recovery",
        callIdentifier="SMP-COSME-2024-CLUSTER",
        callTitle="Euroclusters call",
        frameworkProgramme="43252476",
        programmePeriod="2021 - 2027",
        status="31094502",
        deadlineModel="single-stage",
        startDate="2024-09-24T00:00:00.000+0000",
        deadlineDate=["2025-02-05T00:00:00.000+0000"],
        typesOfAction="SMP-GRANTS  SMP Grants",
        budgetOverview=budget(
            (f"{SMP} - SMP-GRANTS SMP Grants", "2024", 42_000_000, 16),
            ("SMP-COSME-2024-OTHER-01 - SMP-GRANTS", "2024", 3_000_000, 1),
        ),
    )
    return [
        record(SMP, title="Joint Cluster Initiatives"),
        record(SMP, "SEDIA_PRD_CENTRICITY", title="Copy", deadlineDate="2030-01-01"),
        full,
    ]


def he_record(first: str = "2026-04-21T19:00:00.000+0200") -> dict[str, Any]:
    """A two-stage Horizon Europe topic; its stage dates in the two older formats."""
    return record(
        HE,
        title="Cluster-led demonstrators of heat networks",
        callIdentifier="HORIZON-CL5-2026-D3-01",
        callTitle="Sustainable, secure and competitive energy supply",
        frameworkProgramme="43108390",
        programmePeriod="2021 - 2027",
        status="31094501",
        deadlineModel="two-stage",
        startDate="2026-01-15T00:00:00.000+0000",
        deadlineDate=[first, "2026-09-17T17:00:00.000+0000"],
        typesOfAction="HORIZON  Research and Innovation Actions",
        budgetOverview=budget((f"{HE} - HORIZON-RIA", "2026", 12_000_000, 3)),
    )


def he_details(first: date = date(2026, 4, 21)) -> dict[str, Any]:
    return {
        "TopicDetails": {
            "identifier": HE,
            "title": "Cluster-led demonstrators of heat networks",
            "callIdentifier": "HORIZON-CL5-2026-D3-01",
            "frameworkProgramme": {
                "id": 43108390,
                "abbreviation": "HORIZON",
                "description": "Horizon Europe (HORIZON)",
            },
            "actions": [
                {
                    "status": {"abbreviation": "Forthcoming"},
                    "types": [
                        {"typeOfAction": "HORIZON-RIA HORIZON Research and Innovation Actions"}
                    ],
                    "plannedOpeningDate": epoch_ms(date(2026, 1, 15)),
                    "deadlineDates": [epoch_ms(first), epoch_ms(date(2026, 9, 17))],
                }
            ],
            "latestInfos": [
                {
                    "lastChangeDate": epoch_ms(date(2026, 1, 20)),
                    "content": "<p>The <b>info day</b> &amp; its slides are online.</p>",
                }
            ],
            "conditions": '<p>Described in the <a href="https://example.org/call-document.pdf">'
            "call document</a>.</p>",
        }
    }


@dataclass
class FakePortal:
    records: list[dict[str, Any]] = field(default_factory=list)
    details: dict[str, dict[str, Any]] = field(default_factory=dict)
    page_cap: int = 100
    announce_extra: int = 0  # totalResults larger than the records: pages will not add up
    searches: list[dict[str, Any]] = field(default_factory=list)

    def search(self, request: Request) -> Response:
        if request.method != "POST":
            return _json({"message": "Method Not Allowed"}, 405)
        if "query" in request.form:
            return _json({"type": "throwable"}, 500)
        part = request.files.get("query")
        if part is None or part.mimetype != "application/json":
            return _json({"type": "throwable"}, 500)
        query = json.loads(part.read())
        if re.search(r'"(wildcard|match)"', json.dumps(query)):
            return _json({"type": "businessError", "message": "Invalid Query format"}, 400)
        translations = 1 if "languages" in request.files else 2
        found = [r for r in self.records if _matches(r, query)] * translations
        size = min(int(request.args["pageSize"]), 100, self.page_cap)
        number = int(request.args["pageNumber"])
        self.searches.append({"query": query, "page": number, "text": request.args.get("text")})
        page = found[(number - 1) * size : number * size]
        return _json({"totalResults": len(found) + self.announce_extra, "results": page})

    def topic(self, request: Request) -> Response:
        name = request.path.rsplit("/", 1)[-1].removesuffix(".json")
        for identifier, details in self.details.items():
            if identifier.lower() == name:
                return _json(details)
        return _json({"message": "not found"}, 404)


def _matches(record: dict[str, Any], query: dict[str, Any]) -> bool:
    metadata = record["metadata"]
    for clause in query["bool"]["must"]:
        for key, wanted in clause["terms"].items():
            if not set(metadata.get(key, [])) & set(wanted):
                return False
    return True


def _json(value: Any, status: int = 200) -> Response:
    return Response(json.dumps(value), status=status, content_type="application/json")
